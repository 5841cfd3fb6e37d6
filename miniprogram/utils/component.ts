/**
 * `Component()` for the app's own components, with `this` typed once, here. (The page tests' program
 * holds two versions of miniprogram-api-typings — ours and j-component's — whose `Component` option types collide,
 * so `this` inside a plain `Component({...})` would not be typed there.)
 */
export interface ComponentSelf<D> {
  readonly data: D;
  triggerEvent(name: string, detail?: object): void;
  /** For the component's own `data` (not its properties). */
  setData(data: Record<string, unknown>): void;
}

type Lifetime<D, M> = (this: ComponentSelf<D> & NoInfer<M>) => void;

export interface ComponentDefinition<D, M> {
  /** The component's properties, as WeChat declares them (`{ type, value }`), one per key of D. */
  properties: { [K in keyof D]: { type: unknown; value: D[K] } };
  data?: Record<string, unknown>;
  observers?: Record<string, (this: ComponentSelf<D> & NoInfer<M>, ...values: unknown[]) => void>;
  lifetimes?: { attached?: Lifetime<D, M>; ready?: Lifetime<D, M>; detached?: Lifetime<D, M> };
  methods: M & ThisType<ComponentSelf<D> & M>;
}

/**
 * `defineComponent<Props>()({ properties, methods, observers, lifetimes })` registers the component with WeChat's
 * `Component`. List `methods` first: TypeScript learns their type from it before it types `this` in the others.
 */
export const defineComponent =
  <D>() =>
  <M extends object>(definition: ComponentDefinition<D, M>): void => {
    Component(definition as unknown as WechatMiniprogram.Component.TrivialOption);
  };
