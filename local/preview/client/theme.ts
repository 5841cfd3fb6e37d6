/** Set on the phone frame, 'light' or 'dark': WXSS `prefers-color-scheme` queries become selectors on it. */
export const THEME_ATTRIBUTE = 'data-wx-theme';

/** app.json's `@name` values, looked up in theme.json for the current scheme (WeChat's darkmode). */
export function themed(
  value: string | undefined,
  theme: Record<string, Record<string, string>> | null,
  dark: boolean,
): string | undefined {
  if (!value?.startsWith('@')) return value;
  return theme?.[dark ? 'dark' : 'light']?.[value.slice(1)];
}
