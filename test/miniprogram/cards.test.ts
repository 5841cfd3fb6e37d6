import { ShareCards } from '../../miniprogram/stores/share-cards';
import {
  type CardText,
  CHAT_CARD,
  type Drawing,
  excerptOf,
  type Measure,
  POSTER,
  POSTER_CODE,
  paint,
  poster,
  shareCard,
  TIMELINE_CARD,
  wrapText,
} from '../../miniprogram/utils/cards';
import { recordingCanvas } from './support/canvas';

/** Every character as wide as the font is tall (Chinese is about that), Latin letters and digits half of it. */
const measure: Measure = (text, font) => {
  const px = Number(/(\d+)px/.exec(font)?.[1] ?? 10);
  return Array.from(text).reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? px / 2 : px), 0);
};
const at = (px: number) => (text: string) => measure(text, `${px}px sans-serif`);

const speech: CardText = {
  title: '潮起东方万象新 勇担使命再出发',
  speaker: '李子未',
  positions: '市委网信办主任',
  series: '深入学习领会党的二十大精神',
  issue: '市直宣传思想文化系统学习贯彻党的二十大精神座谈会发言摘登(一)',
  excerpt:
    '党的二十大报告提出，要加强全媒体传播体系建设，塑造主流舆论新格局。我们要深入学习领会，把学习成果转化为推动工作的强大动力，切实担负起新时代新征程的使命任务。',
};

const texts = (d: Drawing) => d.ops.flatMap((op) => (op.kind === 'text' ? [op.text] : []));

describe('wrapping Chinese text', () => {
  test('breaks a character at a time to the width, and ends with … when out of lines', () => {
    const lines = wrapText('一二三四五六七八九十一二三四五六七八九十', 100, 2, at(20));
    expect(lines).toEqual(['一二三四五', '六七八九…']);
    expect(lines.every((l) => at(20)(l) <= 100)).toBe(true);
  });

  test('never starts a line with a closing mark: it hangs at the end of the line before', () => {
    expect(wrapText('一二三四五，六七', 100, 3, at(20))).toEqual(['一二三四五，', '六七']);
  });

  test('a title of two phrases breaks at its space when each phrase fits a line', () => {
    expect(wrapText(speech.title, 400, 3, at(42), true)).toEqual(['潮起东方万象新', '勇担使命再出发']);
    // Without the option, or when a phrase is too wide, it fills each line.
    expect(wrapText(speech.title, 400, 3, at(42))).toEqual(['潮起东方万象新 勇担', '使命再出发']);
    expect(wrapText(speech.title, 200, 4, at(42), true)).toEqual(['潮起东方', '万象新', '勇担使命', '再出发']);
  });

  test('short text is one line; nothing is no line', () => {
    expect(wrapText('学习', 100, 2, at(20))).toEqual(['学习']);
    expect(wrapText('  ', 100, 2, at(20))).toEqual([]);
  });

  test('the excerpt is the opening of the paragraphs, within its length', () => {
    expect(excerptOf(['第一段。', '第二段。'], 6)).toBe('第一段。第二');
  });
});

describe('the share cards and the poster', () => {
  test('a chat card is 5:4 and a 朋友圈 card square, each saying the series, the title and the speaker', () => {
    const chat = shareCard(speech, CHAT_CARD, measure);
    const timeline = shareCard(speech, TIMELINE_CARD, measure);
    expect(chat.width / chat.height).toBe(5 / 4);
    expect(timeline.width).toBe(timeline.height);
    for (const card of [chat, timeline]) {
      expect(texts(card)).toEqual(
        expect.arrayContaining([
          '深入学习领会党的二十大精神',
          '潮起东方万象新',
          '勇担使命再出发',
          '市委网信办主任 李子未',
        ]),
      );
    }
  });

  test('every line of text lies inside the image', () => {
    for (const drawing of [
      shareCard(speech, CHAT_CARD, measure),
      shareCard(speech, TIMELINE_CARD, measure),
      poster(speech, measure),
    ]) {
      for (const op of drawing.ops) {
        if (op.kind !== 'text') continue;
        expect(op.x).toBeGreaterThanOrEqual(0);
        expect(op.x + measure(op.text, op.font)).toBeLessThanOrEqual(drawing.width);
        expect(op.y).toBeLessThanOrEqual(drawing.height);
      }
    }
  });

  test('the poster has the title, the speaker, the opening, the series and the code with how to use it', () => {
    const drawing = poster(speech, measure);
    expect([drawing.width, drawing.height]).toEqual([POSTER.width, POSTER.height]);
    const all = texts(drawing);
    expect(all).toEqual(expect.arrayContaining(['深入学习领会党的二十大精神', '潮起东方万象新', '长按识别小程序码']));
    expect(all).toContain('市委网信办主任 李子未');
    expect(all.join('')).toContain('党的二十大报告提出');
    expect(drawing.ops).toContainEqual({ kind: 'image', name: 'code', ...POSTER_CODE });
    // The opening stops above the foot that holds the code.
    const excerpt = drawing.ops.filter((op) => op.kind === 'text' && op.font === '30px sans-serif');
    expect(excerpt.length).toBeGreaterThan(1);
    expect(Math.max(...excerpt.map((op) => (op.kind === 'text' ? op.y : 0)))).toBeLessThan(POSTER_CODE.y - 30);
  });

  test('paint replays the drawing on a canvas context, with the images it names', () => {
    const canvas = recordingCanvas();
    const code = { src: 'wxfile://code.png' };
    paint(canvas.node.getContext('2d') as never, poster(speech, measure), { code });
    expect(canvas.texts()).toContain('长按识别小程序码');
    const drawn = canvas.calls.filter((c) => c.name === 'drawImage');
    expect(drawn).toEqual([
      { name: 'drawImage', args: [code, POSTER_CODE.x, POSTER_CODE.y, POSTER_CODE.width, POSTER_CODE.height] },
    ]);
    expect(canvas.rects()[0]).toMatchObject({ x: 0, y: 0, width: POSTER.width, height: POSTER.height });
  });
});

describe('the share cards kept per speech', () => {
  test('draws each speech’s cards once, chat first; a share while drawing gets a promise of the card', async () => {
    const cards = new ShareCards();
    let finish: (path: string) => void = () => undefined;
    const draw = jest.fn((kind: 'chat' | 'timeline') =>
      kind === 'chat' ? new Promise<string>((resolve) => (finish = resolve)) : Promise.resolve('timeline.png'),
    );
    cards.prepare('a1', draw);
    cards.prepare('a1', draw);
    const pending = cards.chat('a1');
    expect(pending).toBeInstanceOf(Promise);
    expect(cards.timeline('a1')).toBeNull();
    finish('chat.png');
    await expect(pending).resolves.toBe('chat.png');
    await cards.settled('a1');
    expect(cards.chat('a1')).toBe('chat.png');
    expect(cards.timeline('a1')).toBe('timeline.png');
    expect(draw.mock.calls.map(([kind]) => kind)).toEqual(['chat', 'timeline']);
    cards.prepare('a1', draw);
    expect(draw).toHaveBeenCalledTimes(2);
  });

  test('a card that failed is null (the generic image stands in) and is drawn again next time', async () => {
    const cards = new ShareCards();
    const failing = jest.fn(async () => null);
    cards.prepare('a1', failing);
    await cards.settled('a1');
    expect(cards.chat('a1')).toBeNull();
    expect(cards.timeline('a1')).toBeNull();
    const working = jest.fn(async (kind: string) => `${kind}.png`);
    cards.prepare('a1', working);
    await cards.settled('a1');
    expect(cards.chat('a1')).toBe('chat.png');
  });
});
