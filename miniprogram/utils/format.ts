/** Read counts as 公众号 readers know them: digits below 10,000, then "1.2万", and "10万+" from 100,000. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0';
  if (n >= 100000) return '10万+';
  if (n >= 10000) {
    const tenths = Math.floor(n / 1000) / 10;
    return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)}万`;
  }
  return String(Math.floor(n));
}

export const formatMinutes = (minutes: number): string => `约${Math.max(1, Math.round(minutes))}分钟`;

/** An ISO date staff set, '2022-11-08' → '2022年11月8日'; anything else as it is. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/**
 * The series a speech belongs to, as a 公众号 names its column: the installment's title and the number of its
 * 发言摘登 — “深入学习领会党的二十大精神·发言摘登(一)”; the title alone when the subtitle names none.
 */
export function seriesOf(title: string, subtitle: string): string {
  const issue = /发言摘登\s*[(（][^)）]+[)）]/.exec(subtitle)?.[0].replace(/\s+/g, '');
  return issue ? `${title}·${issue}` : title;
}
