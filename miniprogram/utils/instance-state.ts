/**
 * State a page keeps beside its `data` (timers, the scroll position, whether it was shown before): declared once as
 * a type, created on first use, one per page instance, and gone with the instance.
 */
export function instanceState<T>(create: () => T): (instance: object) => T {
  const states = new WeakMap<object, T>();
  return (instance) => {
    let state = states.get(instance);
    if (state === undefined) {
      state = create();
      states.set(instance, state);
    }
    return state;
  };
}
