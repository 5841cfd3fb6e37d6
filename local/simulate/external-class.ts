/**
 * `<t-button class="share">`: in WeChat a component that lists `class` in its externalClasses (every TDesign
 * component, whose host is virtual) gets the page's class through that alias, on its own root element.
 * j-component sets `class` on the host only: it tests for `class` before external classes, with no hook between.
 * So, as the smallest runtime patch there is, each such component's host node (exparser's, which j-component
 * hands out as `this._exparserNode`) gets an own `class` setter that also sets the alias.
 */
type Lifetime = (this: { _exparserNode: object }, ...args: unknown[]) => void;
type Definition = { externalClasses?: string[]; created?: Lifetime; lifetimes?: { created?: Lifetime } };
type Register = ((definition: Definition) => unknown) & { forwardsClass?: true };

function forwardClass(node: object): void {
  let proto = Object.getPrototypeOf(node) as object | null;
  while (proto && !Object.hasOwn(proto, 'class')) proto = Object.getPrototypeOf(proto) as object | null;
  const accessor = proto && Object.getOwnPropertyDescriptor(proto, 'class');
  if (!accessor?.get || !accessor.set) throw new Error('exparser: a component node without a class accessor');
  const { get, set } = accessor;
  Object.defineProperty(node, 'class', {
    configurable: true,
    get,
    set(this: { setExternalClass(name: string, value: string): void }, value: string) {
      this.setExternalClass('class', value || '');
      set.call(this, value);
    },
  });
}

/** Wraps simulate's global `Component` (once for each simulate instance) so that the components it registers forward. */
export function forwardClassToExternalClass(): void {
  const scope = globalThis as { Component?: Register };
  const register = scope.Component;
  if (!register || register.forwardsClass) return;
  scope.Component = Object.assign(
    (definition: Definition) => {
      if (definition.externalClasses?.includes('class')) {
        const created = definition.lifetimes?.created ?? definition.created;
        definition.lifetimes = {
          ...definition.lifetimes,
          created(...args) {
            forwardClass(this._exparserNode);
            created?.apply(this, args);
          },
        };
      }
      return register(definition);
    },
    { forwardsClass: true as const },
  );
}
