import esd01 from '../../content/installments/esd-01.json';
import { type InstallmentFile, parseInstallmentFile } from './schema';

/**
 * The curated installments this build serves. Bundled into the `content` function and
 * loaded by the local runtime; add a line here when an editor curates a new one.
 */
export const loadCatalog = (): InstallmentFile[] => [parseInstallmentFile(esd01, 'content/installments/esd-01.json')];
