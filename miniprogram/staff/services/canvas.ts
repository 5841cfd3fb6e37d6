/** The canvas 2d node of a component's `<canvas type="2d">`, sized for the screen: what uCharts draws with. */
export interface Canvas2d {
  context: object;
  /** CSS pixels. */
  width: number;
  height: number;
  pixelRatio: number;
}

function pixelRatio(): number {
  try {
    return wx.getWindowInfo().pixelRatio || 1;
  } catch {
    return 1;
  }
}

/**
 * The `<canvas type="2d">` matching `selector` inside `owner`, with its backing store set to CSS size × pixelRatio;
 * null when there is no node (miniprogram-simulate has no canvas) or it has no size yet.
 */
export const canvas2d = (owner: object, selector: string): Promise<Canvas2d | null> =>
  new Promise((resolve) => {
    try {
      wx.createSelectorQuery()
        .in(owner as WechatMiniprogram.Component.TrivialInstance)
        .select(selector)
        .fields({ node: true, size: true })
        .exec((res: unknown[]) => {
          const hit = res?.[0] as { node?: WechatMiniprogram.Canvas | null; width?: number; height?: number } | null;
          const node = hit?.node;
          const width = hit?.width ?? 0;
          const height = hit?.height ?? 0;
          const context = node && width > 0 && height > 0 ? node.getContext('2d') : null;
          if (!node || !context) return resolve(null);
          const ratio = pixelRatio();
          node.width = Math.round(width * ratio);
          node.height = Math.round(height * ratio);
          resolve({ context: context as object, width, height, pixelRatio: ratio });
        });
    } catch {
      resolve(null);
    }
  });
