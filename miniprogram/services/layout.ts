/** The layout box of the first node matching `selector` in a page or component, null when there is none. */
export const getRect = (
  owner: WechatMiniprogram.Component.TrivialInstance,
  selector: string,
): Promise<WechatMiniprogram.BoundingClientRectCallbackResult | null> =>
  new Promise((resolve) => {
    owner
      .createSelectorQuery()
      .select(selector)
      .boundingClientRect((rect) => resolve(rect ?? null))
      .exec();
  });

/** The layout boxes of every node matching `selector`, in the order of the page (none: an empty list). */
export const getRects = (
  owner: WechatMiniprogram.Component.TrivialInstance,
  selector: string,
): Promise<WechatMiniprogram.BoundingClientRectCallbackResult[]> =>
  new Promise((resolve) => {
    owner
      .createSelectorQuery()
      .selectAll(selector)
      .boundingClientRect((rects) =>
        resolve((rects as unknown as WechatMiniprogram.BoundingClientRectCallbackResult[]) ?? []),
      )
      .exec();
  });
