/**
 * An empty object to key by names that come from users (queue, reason, outcome, table names),
 * for data that is written out as a JSON or YAML object: it has no prototype, so `constructor`,
 * `toString` or `__proto__` are keys like any other — a lookup of an absent name gives
 * `undefined`, never an inherited function, and setting `__proto__` stores a value instead of
 * swapping the prototype. (In-memory tables use `Map`s.) Cost: O(1).
 */
export function nameKeyed<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
