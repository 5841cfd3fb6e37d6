/**
 * A canvas 2d node that draws nothing and records what was drawn on it: what a page test gives the selector query
 * (wxStub.canvas) to check what a chart drew, the way a person would read it — its labels and values.
 */
const METHODS = [
  'arc',
  'arcTo',
  'beginPath',
  'bezierCurveTo',
  'clearRect',
  'clip',
  'closePath',
  'drawImage',
  'fill',
  'fillRect',
  'fillText',
  'lineTo',
  'moveTo',
  'quadraticCurveTo',
  'rect',
  'restore',
  'rotate',
  'save',
  'scale',
  'setLineDash',
  'setTransform',
  'stroke',
  'strokeRect',
  'strokeText',
  'transform',
  'translate',
] as const;

export interface DrawCall {
  name: string;
  args: unknown[];
}

/** What `canvas.createImage()` gives: it loads (or fails, for a path that names no file) once `src` is set. */
export interface RecordedImage {
  src: string;
  width: number;
  height: number;
  onload: (() => void) | null;
  onerror: ((error: unknown) => void) | null;
}

export interface RecordingCanvas {
  /** What `fields({ node: true })` answers. */
  node: { width: number; height: number; getContext(kind: string): object; createImage(): RecordedImage };
  calls: DrawCall[];
  /** Every text drawn, in order. */
  texts(): string[];
  /** The fill colours set, in order. */
  fills(): string[];
  /** Each filled rectangle with the fill colour it was painted in. */
  rects(): Array<{ fill: string; x: number; y: number; width: number; height: number }>;
}

export function recordingCanvas(): RecordingCanvas {
  const calls: DrawCall[] = [];
  const own: Record<string, unknown> = {};
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push({ name, args });
    };
  const context = new Proxy(own, {
    get(target, prop) {
      if (typeof prop !== 'string') return undefined;
      if (prop in target) return target[prop];
      if (prop === 'measureText') {
        return (text: unknown) => ({ width: String(text).length * (Number.parseFloat(String(own.font)) || 10) * 0.6 });
      }
      if (prop === 'createLinearGradient' || prop === 'createRadialGradient') return () => ({ addColorStop() {} });
      return (METHODS as readonly string[]).includes(prop) ? record(prop) : undefined;
    },
    set(target, prop, value) {
      if (typeof prop === 'string') {
        target[prop] = value;
        if (typeof value !== 'function') calls.push({ name: `=${prop}`, args: [value] });
      }
      return true;
    },
  });
  const createImage = (): RecordedImage => {
    let src = '';
    const image: RecordedImage = {
      get src() {
        return src;
      },
      set src(value: string) {
        src = value;
        setTimeout(() => (value ? image.onload?.() : image.onerror?.(new Error('no src'))), 0);
      },
      width: 430,
      height: 430,
      onload: null,
      onerror: null,
    };
    return image;
  };
  return {
    node: { width: 300, height: 150, getContext: () => context, createImage },
    calls,
    texts: () => calls.filter((c) => c.name === 'fillText').map((c) => String(c.args[0])),
    fills: () => calls.filter((c) => c.name === '=fillStyle').map((c) => String(c.args[0])),
    rects: () => {
      let fill = '';
      const rects: ReturnType<RecordingCanvas['rects']> = [];
      for (const { name, args } of calls) {
        if (name === '=fillStyle') fill = String(args[0]);
        if (name === 'fillRect') {
          const [x, y, width, height] = args.map(Number) as [number, number, number, number];
          rects.push({ fill, x, y, width, height });
        }
      }
      return rects;
    },
  };
}
