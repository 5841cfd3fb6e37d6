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
