import { parseByline } from '../../scripts/import/byline';
import { importRaw } from '../../scripts/import/importer';

/** A made-up page in the same messy shape, so the importer is not tuned to one file. */
const page = [
  '奋进新征程',
  '——某系统学习座谈会发言摘登(三)',
  '编者按',
  '本报今日刊登两篇发言。',
  '守正创新 行稳致远',
  '市图书馆馆长 王五',
  '我们要把学习成果转化为工作动力，推动全民阅读深入开',
  '展，让书香飘满城乡。',
  '（一）加强阵地建设',
  '一是完善设施。新建城市书房十座，延长开放时间',
  '担当作为 争创一流',
  '市博物馆党支部书记 赵六',
  '博物馆是城市的会客厅。我们将持续策划精品展览，讲好本地故事，让文物活起来。',
  '守正创新 行稳致远',
  '市图书馆馆长 王五',
  '新建城市书房十座，延长开放时间，方便群众借阅。二是丰富活动。',
  '三是强化队伍。',
].join('\n\n');

describe('the importer on another page of the same shape', () => {
  const { installment, report } = importRaw(page, {});

  test('finds header, note, speakers and the installment number', () => {
    expect(installment).toMatchObject({ title: '奋进新征程', number: 3 });
    expect(installment.editorsNote).toMatchObject({ title: '编者按', blocks: [{ text: '本报今日刊登两篇发言。' }] });
    expect(installment.articles.map((a) => [a.title, a.speaker.name])).toEqual([
      ['守正创新 行稳致远', '王五'],
      ['担当作为 争创一流', '赵六'],
    ]);
  });

  test('rejoins a split sentence, merges a far continuation and the paragraph after it', () => {
    const texts = installment.articles[0]?.blocks.map((b) => b.text);
    expect(texts).toEqual([
      '我们要把学习成果转化为工作动力，推动全民阅读深入开展，让书香飘满城乡。',
      '（一）加强阵地建设',
      '一是完善设施。新建城市书房十座，延长开放时间，方便群众借阅。二是丰富活动。',
      '三是强化队伍。',
    ]);
    expect(report.duplicates).toHaveLength(2);
    expect(report.continuations).toEqual([expect.objectContaining({ overlap: 15, title: '《守正创新 行稳致远》' })]);
    expect(installment.articles.every((a) => !a.truncated)).toBe(true);
  });

  test('leaves nothing undecided when every block has a certain owner', () => {
    expect(installment.review).toEqual([]);
  });
});

describe('what the importer must not take for scrape noise', () => {
  test('a shared phrase at the seam of two speeches is no continuation', () => {
    const raw = [
      '标题',
      '——副标题(2)',
      '题目甲 甲',
      '某局局长 张三',
      '我们要认真学习贯彻党的二十大精神',
      '题目乙 乙',
      '某委主任 李四',
      '党的二十大精神内涵丰富，意义重大。',
      '谢谢大家。',
    ].join('\n');
    const { installment, report } = importRaw(raw, {});
    expect(report.continuations).toEqual([]);
    expect(installment.articles[1]?.blocks.map((b) => b.text)).toEqual([
      '党的二十大精神内涵丰富，意义重大。',
      '谢谢大家。',
    ]);
    expect(installment.articles[0]?.truncated).toBe(true);
  });

  test('a heading two speeches share is kept in both, and reported', () => {
    const raw = [
      '标题',
      '——副标题(2)',
      '题目甲 甲',
      '某局局长 张三',
      '一、提高政治站位',
      '第一段正文。',
      '题目乙 乙',
      '某委主任 李四',
      '一、提高政治站位',
      '第二段正文。',
    ].join('\n');
    const { installment, report } = importRaw(raw, {});
    expect(installment.articles.map((a) => a.blocks[0]?.text)).toEqual(['一、提高政治站位', '一、提高政治站位']);
    expect(report.duplicates).toEqual([]);
    expect(report.keptRepeats.map((d) => d.line)).toEqual([9]);
  });

  test('a subtitle without an installment number is flagged, not silently numbered', () => {
    const { report } = importRaw(['标题', '——副标题', '题目 二', '某局局长 张三', '正文。'].join('\n'), {});
    expect(report.warnings.join()).toContain('installment.number');
  });
});

describe('a block with no certain owner', () => {
  test('is held for review, never placed silently', () => {
    const raw = [
      '标题',
      '——副标题(1)',
      '编者的话',
      '按语。',
      '另起的一段话，归属不明。',
      '题目 二',
      '某局局长 张三',
      '正文。',
    ].join('\n');
    const { installment } = importRaw(raw, {});
    expect(installment.review.map((r) => r.text)).toEqual(['另起的一段话，归属不明。']);
    expect(installment.articles[0]?.blocks.map((b) => b.text)).toEqual(['正文。']);
  });
});

describe('parseByline', () => {
  test('splits positions on 、 and keeps the name', () => {
    expect(parseByline('市委宣传部副部长、市文明办主任 张三')).toEqual({
      name: '张三',
      positions: ['市委宣传部副部长', '市文明办主任'],
    });
  });

  test('does not take a two-part title for a byline', () => {
    expect(parseByline('潮起东方万象新 勇担使命再出发')).toBeNull();
    expect(parseByline('展现新担当 实现新作为 干出新业绩')).toBeNull();
  });
});
