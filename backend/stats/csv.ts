/**
 * Text a spreadsheet would run as a formula (a channel named `=HYPERLINK(…)` by anyone on staff): kept as text by a
 * leading apostrophe, as OWASP recommends for CSV exports.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break; text never a formula. */
const cell = (value: string | number | null): string => {
  const raw = value === null ? '' : String(value);
  const text = typeof value === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * A CSV file as Excel opens it with Chinese intact: UTF-8 with a byte-order mark, CRLF line ends, a header row.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): Buffer {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
