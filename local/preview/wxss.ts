import { THEME_ATTRIBUTE } from './client/theme';
import { framePx } from './client/units';

const SCHEME_MEDIA = /@media\s*\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)\s*\{/g;

/** The index just past the `}` that closes the block opened before `from`. */
function blockEnd(css: string, from: number): number {
  let depth = 1;
  for (let i = from; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i + 1;
  }
  throw new Error('WXSS: unbalanced braces in a prefers-color-scheme block');
}

/** Splits a selector list at its top-level commas (not those inside :is(...) or [...]). */
function selectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** Prefixes every rule of a media block's body with `scope` (nested at-rules are kept as they are). */
function scopeRules(body: string, scope: string): string {
  let out = '';
  let at = 0;
  while (at < body.length) {
    const open = body.indexOf('{', at);
    if (open < 0) return out + body.slice(at);
    const end = blockEnd(body, open + 1);
    const prelude = body.slice(at, open).trim();
    const block = body.slice(open, end);
    out += prelude.startsWith('@')
      ? `${prelude}${block}\n`
      : `${selectors(prelude)
          .map((s) => `${scope} ${s}`)
          .join(',')}${block}\n`;
    at = end;
  }
  return out;
}

/**
 * `@media (prefers-color-scheme: dark) { page {…} .care {…} }` → `[data-wx-theme=dark] page {…}` and so on:
 * a browser cannot be told per element which scheme to prefer, so the preview's dark switch sets an attribute.
 */
export function schemeToAttribute(css: string): string {
  let out = '';
  let at = 0;
  for (const match of css.matchAll(SCHEME_MEDIA)) {
    if (match.index < at) continue;
    const bodyStart = match.index + match[0].length;
    const end = blockEnd(css, bodyStart);
    out += css.slice(at, match.index) + scopeRules(css.slice(bodyStart, end - 1), `[${THEME_ATTRIBUTE}=${match[1]}]`);
    at = end;
  }
  return out + css.slice(at);
}

/** WXSS as the frame needs it, before miniprogram-simulate adds its class prefixes. */
export const toFrameCss = (wxss: string): string => schemeToAttribute(framePx(wxss));
