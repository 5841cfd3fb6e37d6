import { forgetSystemFacts, systemFacts } from '../../services/system';

/** True when the phone shows the dark colour scheme (the pages' CSS follows it by itself; canvases cannot). */
export const isDark = (): boolean => systemFacts().theme === 'dark';

/** Calls `changed` when the phone switches between light and dark; returns the way to stop. */
export function watchTheme(changed: () => void): () => void {
  const listener = () => {
    forgetSystemFacts();
    changed();
  };
  try {
    wx.onThemeChange(listener);
    return () => wx.offThemeChange(listener);
  } catch {
    return () => undefined;
  }
}
