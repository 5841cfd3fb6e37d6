import type { ImportReport } from './importer';
import { preview, tail } from './text';

/** The review report an editor reads after an import, in plain Chinese. */
export function formatReport(r: ImportReport): string {
  const out: string[] = [];
  const section = (title: string, lines: string[]) => {
    out.push(`${title}（${lines.length}）`);
    for (const line of lines) out.push(`  ${line}`);
  };
  section(
    '删除的重复块',
    r.duplicates.map((d) => `第${d.line}行 与第${d.firstLine}行相同：${preview(d.text)}`),
  );
  section(
    '请核对：单独重复出现、已保留的段落',
    r.keptRepeats.map((d) => `第${d.line}行 与第${d.firstLine}行相同：${preview(d.text)}`),
  );
  section(
    '接续的断段',
    r.joins.map((j) => `第${j.lines[0]}行 + 第${j.lines[1]}行：“${tail(j.left)}” + “${preview(j.right, 8)}”`),
  );
  section(
    '合并的转接段（去掉重叠）',
    r.continuations.map((c) => `第${c.line}行接续第${c.intoLine}行，重叠${c.overlap}字，属${c.title}`),
  );
  section(
    '随转接段归属的段落',
    r.followed.map((f) => `第${f.line}行 → ${f.title}`),
  );
  section(
    '无法确定归属的段落',
    r.orphans.map((o) => {
      const decided = o.decision === null ? '待编辑决定' : `编辑已定：${o.decision}`;
      const hint =
        o.decision === null && o.suggestion ? `；建议 ${o.suggestion.articleId}（${o.suggestion.reason}）` : '';
      return `${o.key} 第${o.line}行：${preview(o.text)} —— ${decided}${hint}`;
    }),
  );
  section(
    '原文不完整（结尾处中断）',
    r.truncated.map((t) => `《${t.title}》止于“${t.ending}”`),
  );
  section(
    '文中断开处',
    r.gaps.map((g) => `《${g.title}》第${g.line}行止于“${g.ending}”`),
  );
  section(
    '请核对：两段含相同的长文字',
    r.repeats.map((x) => `${x.a} 与 ${x.b}：约${x.length}字相同，如“${preview(x.sample, 16)}”`),
  );
  if (r.warnings.length > 0) section('提醒', r.warnings);
  if (r.errors.length > 0) section('错误', r.errors);
  return out.join('\n');
}
