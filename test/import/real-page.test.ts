import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importRaw } from '../../scripts/import/importer';
import { parseOverrides } from '../../scripts/import/overrides';

const root = join(__dirname, '../..');
const raw = readFileSync(join(root, 'content/raw/esd-01.txt'), 'utf8');
const overridesPath = join(root, 'content/raw/esd-01.overrides.json');
const overrides = parseOverrides(JSON.parse(readFileSync(overridesPath, 'utf8')), overridesPath);
const curated = JSON.parse(readFileSync(join(root, 'content/installments/esd-01.json'), 'utf8'));

const allText = (result: ReturnType<typeof importRaw>) =>
  [...(result.installment.editorsNote?.blocks ?? []), ...result.installment.articles.flatMap((a) => a.blocks)].map(
    (b) => b.text,
  );

describe('importing the real newspaper page without an editor', () => {
  const result = importRaw(raw, { installment: { id: 'esd-01' } });
  const { installment, report } = result;

  test('finds the header, the editor’s note and six speeches in print order', () => {
    expect(installment.title).toBe('深入学习领会党的二十大精神');
    expect(installment.subtitle).toBe('——市直宣传思想文化系统学习贯彻党的二十大精神座谈会发言摘登(一)');
    expect(installment.number).toBe(1);
    expect(installment.publishedAt).toBeNull();
    expect(installment.editorsNote?.title).toBe('编者的话');
    expect(installment.editorsNote?.blocks).toHaveLength(1);
    expect(installment.articles.map((a) => a.speaker.name)).toEqual([
      '李子未',
      '刘向前',
      '闫晓玲',
      '刘晓璇',
      '石永杰',
      '李志斌',
    ]);
    expect(installment.articles[2]?.speaker.positions).toEqual(['市委理论宣传教育中心主任', '市委讲师团团长']);
    expect(installment.articles[3]?.speaker.positions).toEqual(['市文化和旅游局党组书记', '局长']);
  });

  test('keeps every paragraph once, though the scrape repeats whole blocks', () => {
    const texts = allText(result);
    expect(new Set(texts).size).toBe(texts.length);
    expect(report.duplicates.map((d) => d.line)).toEqual([41, 43, 45, 47, 49, 51, 53, 55, 57, 59, 61]);
    const opening = '斗争精神贯穿党的百年征程';
    expect(texts.filter((t) => t.includes(opening))).toHaveLength(1);
  });

  test('rejoins the three paragraphs split mid-word at column breaks', () => {
    const texts = allText(result);
    for (const word of ['统筹开展中心各项工作', '广泛宣传科普防护知识', '要积极开展文艺志愿服务工作']) {
      expect(texts.filter((t) => t.includes(word))).toHaveLength(1);
    }
    expect(texts).not.toContain('展中心各项工作');
    expect(report.joins.map((j) => j.lines)).toEqual([
      [93, 95],
      [109, 111],
      [133, 135],
    ]);
    const heading = installment.articles[4]?.blocks.find((b) => b.text.startsWith('1、深化学习'));
    expect(heading).toMatchObject({
      kind: 'heading',
      text: '1、深化学习，以全面学习贯彻党的二十大精神为首要任务，统筹开展中心各项工作',
    });
  });

  test('merges the overlapping continuation into its speech, the overlap once', () => {
    expect(report.continuations).toEqual([
      expect.objectContaining({ line: 37, intoLine: 15, overlap: 19, title: '《潮起东方万象新 勇担使命再出发》' }),
    ]);
    const first = installment.articles[0];
    const merged = first?.blocks.find((b) => b.text.startsWith('二、提升工作质量效率'));
    expect(merged?.text).toContain('推动形成良好网络生态”。全市网信系统始终要围绕中心工作');
    expect(merged?.text.split('态工作责任制，推动形成良好网络生态”').length).toBe(2);
    expect(first?.blocks.at(-1)?.text.startsWith('三、明确前行使命任务')).toBe(true);
  });

  test('flags the speeches that end mid-sentence', () => {
    const truncated = installment.articles.filter((a) => a.truncated).map((a) => a.speaker.name);
    expect(truncated).toEqual(['刘向前', '闫晓玲', '刘晓璇']);
    expect(installment.articles[1]?.blocks.at(-1)).toMatchObject({ cut: true });
  });

  test('reports the paragraphs after the editor’s note instead of guessing their owner', () => {
    expect(installment.review.map((r) => r.text.slice(0, 4))).toEqual(['一是把稳', '二是勸励']);
    const speech = installment.articles[2];
    expect(installment.review[0]?.suggestion?.articleId).toBe(speech?.id);
    expect(allText(result).some((t) => t.startsWith('一是把稳政治'))).toBe(false);
    expect(report.orphans.every((o) => o.decision === null)).toBe(true);
  });

  test('classifies headings, run-in leads and paragraphs', () => {
    const blocks = installment.articles[3]?.blocks ?? [];
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'lead', 'lead']);
    const lead = blocks[2];
    expect(lead?.text.slice(0, lead.leadLength)).toBe('一是提升新站位。');
    expect(installment.articles[1]?.blocks[1]).toMatchObject({
      kind: 'heading',
      text: '一、正确理解和把握新的历史特点的伟大斗争',
    });
  });

  test('gives every article and paragraph a short id that stays the same on every run', () => {
    const again = importRaw(raw, { installment: { id: 'esd-01' } });
    expect(again.installment).toEqual(installment);
    for (const a of installment.articles) {
      expect(a.id.length).toBeLessThanOrEqual(8);
      for (const b of a.blocks) expect(b.id.length).toBeLessThanOrEqual(8);
    }
  });
});

describe('importing with the editor’s overrides', () => {
  test('reproduces the curated installment exactly', () => {
    expect(importRaw(raw, overrides).installment).toEqual(curated);
  });

  test('places the orphans in the speech the editor chose, after its cut-off paragraph', () => {
    const { installment, report } = importRaw(raw, overrides);
    expect(installment.review).toEqual([]);
    const speech = installment.articles[2];
    expect(speech?.blocks.map((b) => b.text.slice(0, 4))).toEqual(['中国共产', '一是把稳', '二是勸励']);
    expect(speech?.blocks[0]?.cut).toBe(true);
    expect(speech?.truncated).toBe(true);
    expect(report.gaps).toEqual([expect.objectContaining({ line: 35 })]);
  });

  test('rejects an override that names an article that does not exist', () => {
    const key = Object.keys(overrides.assign ?? {})[0] as string;
    const { report } = importRaw(raw, { ...overrides, assign: { [key]: { to: 'nope' } } });
    expect(report.errors.join()).toContain('nope');
  });
});
