/**
 * Remembering what a pure function gave: the failure sweeps build the same report from the same read
 * dozens of times. A result is frozen deeply, so that nothing can change what later runs share.
 */

/**
 * A text that tells two plain values apart exactly: their JSON, with undefined, dates, NaN, infinities
 * and -0 marked (JSON would merge them with null, strings or 0).
 *
 * @param value - plain data (objects, arrays, scalars, dates)
 * @returns the key
 */
export function valueKey(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, json: unknown) {
    const raw = this[key];
    if (raw === undefined) return { "\u0000": "undefined" };
    if (raw instanceof Date) return { "\u0000": "date", time: raw.getTime() };
    if (typeof raw === "number" && (!Number.isFinite(raw) || Object.is(raw, -0)))
      return { "\u0000": Object.is(raw, -0) ? "-0" : String(raw) };
    if (raw instanceof Map || raw instanceof Set) throw new Error("valueKey: a Map or Set has no key");
    return json;
  }) as string;
}

/**
 * Freezes a value and everything it holds.
 *
 * @param value - the value
 * @returns the same value, frozen
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
}

/**
 * An async pure function that gives, for an argument equal to one seen (valueKey), what it gave then
 * (deeply frozen).
 *
 * @param fn - the function (its result depends on its argument only)
 * @returns the remembering function
 */
export function remembered<A, R>(fn: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  const seen = new Map<string, Promise<R>>();
  return (arg) => {
    const key = valueKey(arg);
    let result = seen.get(key);
    if (result === undefined) {
      result = fn(arg).then(deepFreeze);
      seen.set(key, result);
    }
    return result;
  };
}
