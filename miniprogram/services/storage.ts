/** Local storage behind one door: values are JSON-able, failures (quota, corrupt data) are never thrown. */
export function readItem<T>(key: string): T | undefined {
  try {
    const value: unknown = wx.getStorageSync(key);
    return value === '' || value === undefined || value === null ? undefined : (value as T);
  } catch {
    return undefined;
  }
}

export function writeItem(key: string, value: unknown): boolean {
  try {
    wx.setStorageSync(key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeItem(key: string): void {
  try {
    wx.removeStorageSync(key);
  } catch {
    // nothing stored is as good as removed
  }
}
