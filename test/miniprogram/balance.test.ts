import { readFileSync } from 'node:fs';
import path from 'node:path';
import { balanceLines, charsPerLine } from '../../miniprogram/utils/balance';
import { lineCharsAt, PAGE_TEXT_RPX, TYPE_SCALE } from '../../miniprogram/utils/type-scale';

const read = (file: string) => readFileSync(path.join(__dirname, '../../miniprogram', file), 'utf8');

describe('balanceLines', () => {
  test('a title that fits on a line is left as it is', () => {
    expect(balanceLines('潮起东方万象新 勇担使命再出发', 19)).toBe('潮起东方万象新 勇担使命再出发');
  });

  test('breaks between phrases, never leaving one character alone', () => {
    // Left to itself, a 14-character line ends “…干出新业” and puts 绩 alone below.
    expect(balanceLines('展现新担当 实现新作为 干出新业绩', 14)).toBe('展现新担当\n实现新作为 干出新业绩');
    expect(balanceLines('潮起东方万象新 勇担使命再出发', 14)).toBe('潮起东方万象新\n勇担使命再出发');
  });

  test('takes a third line rather than break a phrase when two lines cannot hold the phrases', () => {
    expect(balanceLines('展现新担当 实现新作为 干出新业绩', 10)).toBe('展现新担当\n实现新作为\n干出新业绩');
  });

  test('a title without spaces is cut into near-equal lines; the home masthead at 特大 is 精神 whole', () => {
    expect(balanceLines('切实把学习成果转化为推动主流媒体深度融合的自觉行动', 14)).toBe(
      '切实把学习成果转化为推动\n主流媒体深度融合的自觉行动',
    );
    expect(balanceLines('深入学习领会党的二十大精神', 12)).toBe('深入学习领会\n党的二十大精神');
  });

  test('no line starts with closing punctuation or ends with an opening mark', () => {
    const lines = balanceLines('发言摘登（一）：学习贯彻党的二十大精神，奋进新征程', 12).split('\n');
    for (const line of lines) {
      expect(line).not.toMatch(/^[，。、：；）》”]/);
      expect(line).not.toMatch(/[（《“]$/);
      expect([...line].length).toBeGreaterThan(1);
      expect([...line].length).toBeLessThanOrEqual(12);
    }
  });
});

describe('the type scale', () => {
  test('agrees with app.wxss, step by step', () => {
    const wxss = read('app.wxss');
    TYPE_SCALE.forEach((sizes, step) => {
      const rule = new RegExp(`\\.fs-${step} \\{([^}]*)\\}`).exec(wxss)?.[1] ?? '';
      for (const [name, rpx] of Object.entries(sizes)) expect(rule).toContain(`--${name}: ${rpx}rpx`);
    });
  });

  test('and the page column is 750 rpx less .page’s padding', () => {
    expect(read('app.wxss')).toMatch(/\.page \{[^}]*padding: 24rpx 32rpx 64rpx;/);
    expect(PAGE_TEXT_RPX).toBe(686);
    expect(charsPerLine(686, 60)).toBe(11);
    expect(lineCharsAt(2)).toEqual({ title: 11, body: 14 });
  });
});

describe('the article page’s styles', () => {
  const wxss = read('pages/article/index.wxss').replace(/\/\*[\s\S]*?\*\//g, '');
  const ruleOf = (selector: string) =>
    [...wxss.matchAll(/([^{}]+)\{([^}]*)\}/g)]
      .filter(([, selectors]) => (selectors ?? '').split(',').some((s) => s.trim() === selector))
      .map(([, , body]) => body ?? '')
      .join('\n');

  test('every type-size control is at least 44 px tall (88 rpx in the 375-px frame), taller in care mode', () => {
    for (const control of ['.font-step', '.panel-step', '.reader-font']) {
      expect(ruleOf(control)).toMatch(/min-height: (8[89]|9\d|1\d\d)rpx/);
      expect(ruleOf(`.care ${control}`)).toMatch(/min-height: 104rpx/);
    }
  });

  test('a search hit is marked with theme colours that light and dark both define', () => {
    const app = read('app.wxss');
    const dark = /@media \(prefers-color-scheme: dark\) \{\s*page \{([^}]*)\}/.exec(app)?.[1] ?? '';
    const light = /^page \{([^}]*)\}/m.exec(app)?.[1] ?? '';
    const used = [...`${ruleOf('.hit')}${ruleOf('.hit-word')}`.matchAll(/var\((--[a-z-]+)\)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThanOrEqual(3);
    for (const name of used) {
      expect(light).toContain(`${name}:`);
      expect(dark).toContain(`${name}:`);
    }
  });
});
