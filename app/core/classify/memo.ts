/**
 * A small bounded memo for pure functions of one string (quota wording, parameters). Error storms repeat
 * the same message thousands of times (every 1308 of a window names the same reset), so the second read
 * is a Map lookup. Keys are copied before they are stored: a log line is often a slice of a large chunk,
 * and a sliced key would keep the whole chunk alive.
 */
/** Longer keys are computed every time rather than stored. */
const MAX_KEY_CHARS = 1024;

export function memoByString<T>(compute: (key: string) => T, capacity = 512): (key: string) => T {
  const cache = new Map<string, T>();
  return (key: string): T => {
    if (key.length > MAX_KEY_CHARS) return compute(key);
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = compute(key);
    if (cache.size >= capacity) cache.clear();
    cache.set(detach(key), value);
    return value;
  };
}

/** A copy of the string that does not share storage with its parent (V8 flattens the cons string). */
function detach(text: string): string {
  return ` ${text}`.slice(1);
}
