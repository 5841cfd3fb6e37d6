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
