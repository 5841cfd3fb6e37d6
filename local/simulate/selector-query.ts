/**
 * `wx.createSelectorQuery()` for the fake `wx`: `.in(component)` runs the component's own query (j-component's, which
 * answers ids, datasets, rects, sizes…) and adds what j-component leaves out, the `node` of `fields({ node: true })`,
 * from the environment: a real `<canvas>` in the preview, a recording one (or none, as in simulate) in the tests.
 */

type Fields = Record<string, unknown> & { node?: boolean };
type Callback = (res: unknown) => void;

/** The j-component query a component instance makes (`this.createSelectorQuery()`). */
interface NativeRef {
  fields(fields: Fields, callback?: Callback): NativeQuery;
}
interface NativeQuery {
  select(selector: string): NativeRef;
  selectAll(selector: string): NativeRef;
  selectViewport(): NativeRef;
  exec(callback?: (res: unknown[]) => void): void;
}

/** A DOM element (of the browser or of jsdom); this module is also type-checked without the DOM's types. */
export interface DomElement {
  readonly nodeType: number;
}

/** exparser's element: its DOM node is `$$`. */
interface ExparserElement {
  $$?: DomElement;
}
interface Owner {
  createSelectorQuery(): NativeQuery;
  /** j-component's handle on the component's exparser node (its shadow root holds the template's elements). */
  _exparserNode?: {
    shadowRoot?: {
      querySelector(selector: string): ExparserElement | null;
      querySelectorAll(selector: string): ArrayLike<ExparserElement>;
    };
  };
}

/** What a canvas `node` is, for a DOM element the query matched; null when the environment has none. */
export type CanvasNodeOf = (element: DomElement) => object | null;

interface Item {
  selector: string | null;
  single: boolean;
  fields: Fields;
  callback: Callback | undefined;
}

class NodesRef {
  constructor(
    private readonly query: SelectorQuery,
    private readonly selector: string | null,
    private readonly single: boolean,
  ) {}

  fields(fields: Fields, callback?: Callback): SelectorQuery {
    return this.query.push({ selector: this.selector, single: this.single, fields, callback });
  }

  boundingClientRect(callback?: Callback): SelectorQuery {
    return this.fields({ id: true, dataset: true, rect: true, size: true }, callback);
  }

  scrollOffset(callback?: Callback): SelectorQuery {
    return this.fields({ id: true, dataset: true, scrollOffset: true }, callback);
  }

  node(callback?: Callback): SelectorQuery {
    return this.fields({ node: true }, callback);
  }
}

export class SelectorQuery {
  private owner: Owner | null = null;
  private items: Item[] = [];

  constructor(private readonly canvasNode: CanvasNodeOf | undefined) {}

  in(owner: Owner): this {
    this.owner = owner;
    return this;
  }

  select(selector: string): NodesRef {
    return new NodesRef(this, selector, true);
  }

  selectAll(selector: string): NodesRef {
    return new NodesRef(this, selector, false);
  }

  selectViewport(): NodesRef {
    return new NodesRef(this, null, true);
  }

  /** @internal */
  push(item: Item): this {
    this.items.push(item);
    return this;
  }

  exec(callback?: (res: unknown[]) => void): void {
    const items = this.items;
    this.items = [];
    const owner = this.owner;
    if (!owner) {
      // Without `.in(component)` WeChat queries the current page; the fake has no page to ask.
      Promise.resolve().then(() =>
        answer(
          items,
          items.map((i) => (i.single ? null : [])),
          callback,
        ),
      );
      return;
    }
    const native = owner.createSelectorQuery();
    for (const { selector, single, fields } of items) {
      const { node: _node, ...rest } = fields;
      const ref =
        selector === null ? native.selectViewport() : single ? native.select(selector) : native.selectAll(selector);
      ref.fields(rest);
    }
    native.exec((results) => {
      const withNodes = results.map((res, i) => {
        const item = items[i];
        if (!item?.fields.node || item.selector === null || res === null) return res;
        const elements = elementsOf(owner, item.selector, item.single);
        const nodeOf = (j: number) => {
          const element = elements[j];
          return element && this.canvasNode ? this.canvasNode(element) : null;
        };
        if (item.single) return { ...(res as object), node: nodeOf(0) };
        return (res as object[]).map((one, j) => ({ ...one, node: nodeOf(j) }));
      });
      answer(items, withNodes, callback);
    });
  }
}

function answer(items: Item[], results: unknown[], callback?: (res: unknown[]) => void): void {
  for (const [i, item] of items.entries()) item.callback?.(results[i]);
  callback?.(results);
}

function elementsOf(owner: Owner, selector: string, single: boolean): DomElement[] {
  const root = owner._exparserNode?.shadowRoot;
  if (!root) return [];
  const found = single ? [root.querySelector(selector)] : Array.from(root.querySelectorAll(selector));
  return found.flatMap((node) => (node?.$$ ? [node.$$] : []));
}
