import type { InstallmentFile, ReviewItem } from '../../backend/content/schema';
import type { Block } from '../../typings/contract';
import { classify, isHeadingLike } from './classify';
import { uniqueIds } from './ids';
import { type Join, joinSplits } from './joins';
import { type Continuation, type Layout, layOut, type Piece, type Section } from './layout';
import { type OrphanOutcome, resolveOrphans, type SpeechRef } from './orphans';
import type { Overrides } from './overrides';
import { findRepeats, type Repeat } from './repeats';
import { type Duplicate, markDuplicates, splitBlocks } from './source';
import { endsSentence } from './text';

export interface ImportReport {
  duplicates: Duplicate[];
  /** Blocks said twice on their own, not in a repeated run: kept, for an editor to check. */
  keptRepeats: Duplicate[];
  warnings: string[];
  joins: Join[];
  continuations: Array<Omit<Continuation, 'section'> & { title: string }>;
  followed: Array<{ line: number; title: string }>;
  orphans: OrphanOutcome[];
  truncated: Array<{ title: string; ending: string }>;
  gaps: Array<{ title: string; line: number; ending: string }>;
  repeats: Repeat[];
  errors: string[];
}

export interface ImportResult {
  installment: InstallmentFile;
  report: ImportReport;
}

const CN_NUMBERS = '一二三四五六七八九十';

/** "(一)" or "（3）" at the end of the subtitle: the installment's number. */
function numberFrom(subtitle: string): number | null {
  const m = /[（(]([一二三四五六七八九十]|\d+)[）)]\s*$/.exec(subtitle);
  if (!m?.[1]) return null;
  const n = CN_NUMBERS.indexOf(m[1]);
  return n >= 0 ? n + 1 : Number(m[1]);
}

const sectionTitle = (s: Section): string => (s.kind === 'speech' ? `《${s.title}》` : s.title);

function toBlocks(pieces: Piece[], prefix: string): Block[] {
  const ids = uniqueIds(
    pieces.map((p) => p.text),
    prefix,
    5,
  );
  return pieces.map((p, i) => {
    const cls = classify(p.text);
    const block: Block = { id: ids[i] as string, kind: cls.kind, text: p.text };
    if (cls.leadLength !== undefined) block.leadLength = cls.leadLength;
    if (!isHeadingLike(p.text) && !endsSentence(p.text)) block.cut = true;
    return block;
  });
}

/**
 * Turns a raw newspaper-page scrape into an installment: sections from titles and bylines,
 * duplicates dropped, continuations merged, split paragraphs rejoined, blocks classified.
 * What it cannot decide stays in `review` and in the report; `overrides` holds an editor's decisions.
 */
export function importRaw(raw: string, overrides: Overrides = {}): ImportResult {
  const { marked, duplicates, keptRepeats } = markDuplicates(splitBlocks(raw));
  const layout: Layout = layOut(marked);
  const installmentId = overrides.installment?.id ?? `i${uniqueIds([layout.header.subtitle], '', 5)[0]}`;
  const speechSections = layout.sections.filter((s): s is SpeechRef['section'] => s.kind === 'speech');
  const articleIds = uniqueIds(
    speechSections.map((s) => `${installmentId}/${s.title}`),
    '',
    6,
  );
  const speeches: SpeechRef[] = speechSections.map((section, i) => ({ id: articleIds[i] as string, section }));
  const note = layout.sections.find((s) => s.kind === 'note');
  const orphans = resolveOrphans([...layout.headerExtras, ...layout.orphans], speeches, note, overrides);
  const joins = layout.sections.flatMap(joinSplits);

  const articles = speeches.map(({ id, section }) => {
    const blocks = toBlocks(section.pieces, 'p');
    return {
      id,
      title: section.title,
      speaker: section.speaker,
      blocks,
      truncated: blocks.length === 0 || blocks[blocks.length - 1]?.cut === true,
    };
  });
  const review: ReviewItem[] = orphans.outcomes
    .filter((o) => o.decision === null)
    .map((o) => ({
      kind: 'orphan',
      key: o.key,
      text: o.text,
      candidates: [...articleIds, ...(note ? ['note'] : []), 'drop'],
      suggestion: o.suggestion,
    }));

  const parsedNumber = numberFrom(layout.header.subtitle);
  const warnings: string[] = [];
  if (overrides.installment?.number === undefined && parsedNumber === null) {
    warnings.push('副标题里没有期号“(一)”，暂记为第 1 期：请在覆盖文件的 installment.number 写明');
  }
  const installment: InstallmentFile = {
    id: installmentId,
    number: overrides.installment?.number ?? parsedNumber ?? 1,
    title: layout.header.title,
    subtitle: layout.header.subtitle,
    publishedAt: null,
    editorsNote: note && note.pieces.length > 0 ? { title: note.title, blocks: toBlocks(note.pieces, 'n') } : null,
    articles,
    review,
  };

  const labelled = layout.sections.flatMap((s) => s.pieces.map((p) => ({ label: `第${p.lines[0]}行`, text: p.text })));
  const report: ImportReport = {
    duplicates,
    keptRepeats,
    warnings,
    joins,
    continuations: layout.continuations.map(({ section, ...c }) => ({ ...c, title: sectionTitle(section) })),
    followed: layout.followed.map((f) => ({ line: f.line, title: sectionTitle(f.section) })),
    orphans: orphans.outcomes,
    truncated: articles
      .filter((a) => a.truncated)
      .map((a) => ({ title: a.title, ending: a.blocks[a.blocks.length - 1]?.text.slice(-10) ?? '' })),
    gaps: speeches.flatMap(({ section }) => {
      const article = articles.find((a) => a.title === section.title);
      return (article?.blocks ?? [])
        .map((b, i) => ({ b, piece: section.pieces[i] }))
        .filter(({ b }, i, all) => b.cut && i < all.length - 1)
        .map(({ b, piece }) => ({ title: section.title, line: piece?.lines[0] ?? 0, ending: b.text.slice(-10) }));
    }),
    repeats: findRepeats(labelled),
    errors: orphans.errors,
  };
  return { installment, report };
}
