/** Own-property reads on parsed JSON: no prototype lookups (`constructor`, `__proto__` are plain keys). */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** own({ a: 1 }, 'a') -> 1; own({}, 'constructor') -> undefined. Most reads miss, so hasOwn runs only on a hit. */
export function own(obj: JsonObject, key: string): unknown {
  const value = obj[key];
  return value === undefined || Object.prototype.hasOwnProperty.call(obj, key) ? value : undefined;
}

export function ownString(obj: JsonObject, key: string): string | null {
  const value = own(obj, key);
  return typeof value === 'string' ? value : null;
}

/** The first own string among keys: firstString(o, ['request_id', 'requestId']) */
export function firstString(obj: JsonObject, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = ownString(obj, key);
    if (value !== null && value !== '') return value;
  }
  return null;
}

/** An HTTP status from a number or digit string: 429 or "429" -> 429. */
export function ownStatus(obj: JsonObject, keys: readonly string[]): number | null {
  for (const key of keys) {
    const value = own(obj, key);
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : NaN;
    if (Number.isInteger(n) && n >= 100 && n <= 599) return n;
  }
  return null;
}
