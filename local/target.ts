/**
 * The path of a request target, or null when it has none: Node passes absolute forms through as sent, and
 * `new URL` throws on some (`http://a:b:c/`, `http://[::1/x`).
 */
export function pathOf(url: string | undefined): string | null {
  try {
    return new URL(url ?? '/', 'http://local').pathname;
  } catch {
    return null;
  }
}

/** What a log line shows of a request target: anyone can send anything there. */
export const shownTarget = (url: string | undefined): string =>
  JSON.stringify(url ?? '')
    .slice(1, -1)
    .slice(0, 200);
