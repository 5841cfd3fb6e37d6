import { type Context2D, type Drawing, type Measure, measureWith, paint, type Size } from '../utils/cards';

/** A `<canvas type="2d">` node: its backing store's size, its context, and the images it loads. */
interface CanvasNode {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
  createImage?(): CanvasImage;
}

interface CanvasImage {
  src: string;
  onload: (() => void) | null;
  onerror: ((error: unknown) => void) | null;
}

const nodeOf = (owner: object, selector: string): Promise<CanvasNode | null> =>
  new Promise((resolve) => {
    try {
      wx.createSelectorQuery()
        .in(owner as WechatMiniprogram.Component.TrivialInstance)
        .select(selector)
        .fields({ node: true })
        .exec((res: unknown[]) => resolve((res?.[0] as { node?: CanvasNode } | null)?.node ?? null));
    } catch {
      resolve(null);
    }
  });

/** An image (a temporary file) loaded for drawing on `node`; null when it would not load. */
const loadImage = (node: CanvasNode, src: string): Promise<CanvasImage | null> =>
  new Promise((resolve) => {
    if (!node.createImage) return resolve(null);
    const image = node.createImage();
    image.onload = () => resolve(image);
    image.onerror = () => resolve(null);
    image.src = src;
  });

const exportNode = (node: CanvasNode, size: Size): Promise<string | null> =>
  new Promise((resolve) => {
    wx.canvasToTempFilePath({
      canvas: node as unknown as WechatMiniprogram.Canvas,
      x: 0,
      y: 0,
      width: size.width,
      height: size.height,
      destWidth: size.width,
      destHeight: size.height,
      fileType: 'png',
      success: (res) => resolve(res.tempFilePath || null),
      fail: () => resolve(null),
    } as WechatMiniprogram.CanvasToTempFilePathOption);
  });

/**
 * Draws a drawing on the page's hidden `<canvas type="2d">` matching `selector` and exports it as a temporary PNG of
 * exactly `size` (not scaled by the screen's pixel ratio): resolves with its path, or null when anything failed (no
 * canvas, an image that would not load, the export). `images` are temporary files to draw, by name.
 */
export async function drawToFile(
  owner: object,
  selector: string,
  size: Size,
  layout: (measure: Measure) => Drawing,
  images: Record<string, string> = {},
): Promise<string | null> {
  try {
    const node = await nodeOf(owner, selector);
    const ctx = node?.getContext('2d') as Context2D | null | undefined;
    if (!node || !ctx) return null;
    node.width = size.width;
    node.height = size.height;
    const loaded: Record<string, unknown> = {};
    for (const [name, src] of Object.entries(images)) {
      const image = await loadImage(node, src);
      if (!image) return null;
      loaded[name] = image;
    }
    paint(ctx, layout(measureWith(ctx)), loaded);
    return await exportNode(node, size);
  } catch (error) {
    console.warn('[canvas] drawing failed', error);
    return null;
  }
}
