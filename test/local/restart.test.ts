import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMain as start, stopMain as stop } from './support/main-process';

const getInstallment = async (url: string) => {
  const res = await fetch(`${url}/api/content`, {
    method: 'POST',
    body: JSON.stringify({ action: 'installment.get', input: { id: 'esd-01' } }),
  });
  return (await res.json()) as { ok: boolean; data: { title: string; articles: unknown[] } };
};

describe('npm start’s server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'esd-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('imports installment (一) into an empty database, and keeps it across a restart', async () => {
    const first = await start(dataDir);
    expect(first.output()).toContain('已导入内容：esd-01');
    expect((await getInstallment(first.url)).data.articles).toHaveLength(6);
    expect(await stop(first)).toBe(0);

    const second = await start(dataDir);
    expect(second.output()).not.toContain('已导入内容');
    const body = await getInstallment(second.url);
    expect(body.data.title).toBe('深入学习领会党的二十大精神');
    expect(await stop(second)).toBe(0);
    expect(second.output()).toContain('正在关闭');
  }, 60_000);
});
