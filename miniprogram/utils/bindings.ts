/**
 * Fields of one page binding read from several stores. mobx-miniprogram-bindings batches each binding's changes into
 * one setData, so a page that binds its stores through one field map (instead of an array of bindings, one setData
 * each) still renders first in one call.
 */
export function fieldsOf<S extends object, K extends keyof S & string>(
  store: S,
  names: readonly K[],
): Record<K, () => S[K]> {
  return Object.fromEntries(names.map((name) => [name, () => store[name]])) as Record<K, () => S[K]>;
}
