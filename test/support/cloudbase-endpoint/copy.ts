/**
 * A deep copy of stored data (objects, arrays, Dates, RegExps, primitives), made in this module's realm.
 * Not `structuredClone`: under Jest that builds objects of another realm, which mingo takes for class instances
 * (its isEqual then finds any two of them equal).
 */
export function copy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (Array.isArray(value)) return value.map(copy) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
  }
  return value;
}
