import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InstallmentFile } from '../../backend/content/schema';
import { importRaw } from '../../scripts/import/importer';

/**
 * A second installment made by the importer from a synthetic page (test/fixtures/synthetic-02.txt, which says it is
 * made up): never invented text presented as real.
 */
export function secondInstallment(): InstallmentFile {
  const raw = readFileSync(path.join(__dirname, '../fixtures/synthetic-02.txt'), 'utf8');
  const { installment } = importRaw(raw, { installment: { id: 'test-02', number: 2 } });
  return installment;
}
