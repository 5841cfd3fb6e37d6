/**
 * The share cards and the poster of a speech, laid out by pure functions: each gives the drawing as a list of plain
 * operations (rectangles, lines of text, the code image) in the image's own pixels, measuring text with the canvas's
 * `measureText` (passed in, so tests measure with a rule of their own). `paint` replays them on a canvas 2d context.
 */
import { CENTER_NAME } from '../config';

/** What a card says about a speech. */
export interface CardText {
  title: string;
  speaker: string;
  /** The speaker's positions, joined: 市委网信办主任. */
  positions: string;
  /** The series: the installment's title. */
  series: string;
  /** The installment's own line: 座谈会发言摘登(一). */
  issue: string;
  /** The opening of the speech, for the poster. */
  excerpt: string;
}

export type Op =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string }
  | { kind: 'text'; text: string; x: number; y: number; font: string; fill: string; align: 'left' | 'center' }
  | { kind: 'image'; name: string; x: number; y: number; width: number; height: number };

export interface Size {
  width: number;
  height: number;
}

export interface Drawing extends Size {
  ops: Op[];
}

/** The width of `text` in `font`, in pixels. */
export type Measure = (text: string, font: string) => number;

/** 朋友圈 shows its image square; a chat card 5:4. The poster is 5:8, large enough to print. */
export const CHAT_CARD: Size = { width: 500, height: 400 };
export const TIMELINE_CARD: Size = { width: 500, height: 500 };
export const POSTER: Size = { width: 750, height: 1200 };

const RED = '#b71c1c';
const PAPER = '#f6f3ee';
const INK = '#1d1d1d';
const GREY = '#5c5c5c';
const WHITE = '#ffffff';
const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${px}px sans-serif`;

/** Punctuation that may not begin a line (it hangs at the end of the line before). */
const NO_LINE_START = /^[，。、；：！？）》」』”’…,.;:!?)]/;

/**
 * Breaks `text` into at most `maxLines` lines no wider than `maxWidth`, a character at a time (Chinese has no
 * spaces to break at), never starting a line with a closing mark; a space is a break, not the start of a line. Text
 * left over ends the last line with …. With `atSpaces`, a title of phrases (潮起东方万象新 勇担使命再出发) starts
 * each phrase on a line of its own when that fits in `maxLines`.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  maxLines: number,
  measure: (text: string) => number,
  atSpaces = false,
): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean || maxLines < 1) return [];
  const parts = clean.split(' ');
  if (atSpaces && parts.length > 1) {
    // Each phrase on lines of its own, when that still fits in the lines there are.
    const phrases = parts.flatMap((p) => wrapText(p, maxWidth, maxLines, measure));
    if (phrases.length <= maxLines && !phrases.some((l) => l.endsWith('…'))) return phrases;
  }
  const lines: string[] = [];
  let line = '';
  const chars = Array.from(clean);
  let i = 0;
  for (; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (line === '' && ch === ' ') continue;
    if (line !== '' && measure(line + ch) > maxWidth && !NO_LINE_START.test(ch)) {
      lines.push(line.trimEnd());
      line = '';
      if (lines.length === maxLines) break;
      if (ch === ' ') continue;
    }
    line += ch;
  }
  if (lines.length < maxLines) {
    if (line.trim()) lines.push(line.trimEnd());
    return lines;
  }
  // Out of lines with text left: the last line ends in an ellipsis that fits.
  let last = lines[maxLines - 1] as string;
  while (last.length > 0 && measure(`${last}…`) > maxWidth) last = Array.from(last).slice(0, -1).join('');
  lines[maxLines - 1] = `${last}…`;
  return lines;
}

/** Lines of text, one under another from `top` (the first line's top), `lineHeight` apart; returns where they end. */
function textBlock(
  ops: Op[],
  lines: string[],
  at: {
    x: number;
    top: number;
    px: number;
    lineHeight: number;
    fill: string;
    bold?: boolean;
    align?: 'left' | 'center';
  },
): number {
  lines.forEach((text, n) => {
    ops.push({
      kind: 'text',
      text,
      x: at.x,
      // Text is drawn on its alphabetic baseline: about 0.85 of the size below the line's top, centred in the line.
      y: Math.round(at.top + n * at.lineHeight + (at.lineHeight - at.px) / 2 + at.px * 0.85),
      font: font(at.px, at.bold),
      fill: at.fill,
      align: at.align ?? 'left',
    });
  });
  return at.top + lines.length * at.lineHeight;
}

const wrapper =
  (measure: Measure, px: number, bold = false) =>
  (t: string) =>
    measure(t, font(px, bold));

/** A card for a chat (5:4) or 朋友圈 (square): the series on a red band, the title large, the speaker under it. */
export function shareCard(card: CardText, size: Size, measure: Measure): Drawing {
  const { width, height } = size;
  const pad = 36;
  const inner = width - pad * 2;
  const square = height >= width;
  const ops: Op[] = [
    { kind: 'rect', x: 0, y: 0, width, height, fill: PAPER },
    { kind: 'rect', x: 0, y: 0, width, height: 84, fill: RED },
  ];
  textBlock(ops, wrapText(card.series, inner, 1, wrapper(measure, 28, true)), {
    x: pad,
    top: 18,
    px: 28,
    lineHeight: 48,
    fill: WHITE,
    bold: true,
  });
  const titlePx = square ? 46 : 42;
  const titleLines = wrapText(card.title, inner, square ? 4 : 3, wrapper(measure, titlePx, true), true);
  let y = textBlock(ops, titleLines, {
    x: pad,
    top: 116,
    px: titlePx,
    lineHeight: titlePx * 1.4,
    fill: INK,
    bold: true,
  });
  ops.push({ kind: 'rect', x: pad, y: y + 18, width: 64, height: 6, fill: RED });
  const who = [card.positions, card.speaker].filter(Boolean).join(' ');
  y = textBlock(ops, wrapText(who, inner, 2, wrapper(measure, 28)), {
    x: pad,
    top: y + 44,
    px: 28,
    lineHeight: 40,
    fill: RED,
  });
  if (card.issue && y + 40 <= height - 16) {
    textBlock(ops, wrapText(card.issue, inner, 1, wrapper(measure, 22)), {
      x: pad,
      top: height - 58,
      px: 22,
      lineHeight: 36,
      fill: GREY,
    });
  }
  return { width, height, ops };
}

/** The code's place on the poster: the bottom panel, on the right. */
export const POSTER_CODE = { x: 490, y: 930, width: 220, height: 220 } as const;

/**
 * The poster (5:8): the series and issue on a red head, the title, the speaker, the opening of the speech, and a white
 * foot with the speech's code (`image` named `code`) and how to use it.
 */
export function poster(card: CardText, measure: Measure): Drawing {
  const { width, height } = POSTER;
  const pad = 56;
  const inner = width - pad * 2;
  const ops: Op[] = [
    { kind: 'rect', x: 0, y: 0, width, height, fill: PAPER },
    { kind: 'rect', x: 0, y: 0, width, height: 190, fill: RED },
  ];
  const head = textBlock(ops, wrapText(card.series, inner, 2, wrapper(measure, 40, true)), {
    x: pad,
    top: 40,
    px: 40,
    lineHeight: 56,
    fill: WHITE,
    bold: true,
  });
  textBlock(ops, wrapText(card.issue, inner, 1, wrapper(measure, 24)), {
    x: pad,
    top: Math.min(head + 4, 150),
    px: 24,
    lineHeight: 36,
    fill: WHITE,
  });
  let y = textBlock(ops, wrapText(card.title, inner, 3, wrapper(measure, 54, true), true), {
    x: pad,
    top: 240,
    px: 54,
    lineHeight: 78,
    fill: INK,
    bold: true,
  });
  ops.push({ kind: 'rect', x: pad, y: y + 20, width: 80, height: 8, fill: RED });
  const who = [card.positions, card.speaker].filter(Boolean).join(' ');
  y = textBlock(ops, wrapText(who, inner, 2, wrapper(measure, 32)), {
    x: pad,
    top: y + 52,
    px: 32,
    lineHeight: 46,
    fill: RED,
  });
  const excerptLines = Math.max(0, Math.min(6, Math.floor((880 - (y + 36)) / 52)));
  textBlock(ops, wrapText(card.excerpt, inner, excerptLines, wrapper(measure, 30)), {
    x: pad,
    top: y + 36,
    px: 30,
    lineHeight: 52,
    fill: GREY,
  });
  const foot = 900;
  ops.push({ kind: 'rect', x: 0, y: foot, width, height: height - foot, fill: WHITE });
  ops.push({ kind: 'image', name: 'code', ...POSTER_CODE });
  textBlock(ops, ['长按识别小程序码', '阅读全文'], { x: pad, top: 960, px: 34, lineHeight: 52, fill: INK, bold: true });
  textBlock(ops, wrapText(CENTER_NAME, 400, 1, wrapper(measure, 26)), {
    x: pad,
    top: 1090,
    px: 26,
    lineHeight: 40,
    fill: GREY,
  });
  return { width, height, ops };
}

/** What `paint` needs of a canvas 2d context: CanvasRenderingContext2D has it, and so does a recording fake. */
export interface Context2D {
  fillStyle: unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  drawImage(image: never, x: number, y: number, width: number, height: number): void;
  measureText(text: string): { width: number };
}

/** The context's own measure, for the layouts. */
export const measureWith =
  (ctx: Context2D): Measure =>
  (text, f) => {
    ctx.font = f;
    return ctx.measureText(text).width;
  };

/** Replays a drawing on `ctx`; `images` are loaded images by name (a missing one is left out). */
export function paint(ctx: Context2D, drawing: Drawing, images: Record<string, unknown> = {}): void {
  ctx.textBaseline = 'alphabetic';
  for (const op of drawing.ops) {
    if (op.kind === 'rect') {
      ctx.fillStyle = op.fill;
      ctx.fillRect(op.x, op.y, op.width, op.height);
    } else if (op.kind === 'text') {
      ctx.fillStyle = op.fill;
      ctx.font = op.font;
      ctx.textAlign = op.align;
      ctx.fillText(op.text, op.x, op.y);
    } else {
      const image = images[op.name];
      if (image !== undefined) ctx.drawImage(image as never, op.x, op.y, op.width, op.height);
    }
  }
}

/** The opening of a speech for its poster: its first paragraphs, up to `max` characters. */
export function excerptOf(paragraphs: readonly string[], max = 120): string {
  let text = '';
  for (const p of paragraphs) {
    if (text.length >= max) break;
    text += p.trim();
  }
  return Array.from(text).slice(0, max).join('');
}
