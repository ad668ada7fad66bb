import { detachString } from '../store/string-table';

/**
 * A small bounded memo for pure functions of one string (quota wording, parameters). Error storms repeat
 * the same message thousands of times (every 1308 of a window names the same reset), so the second read
 * is a Map lookup. Keys are copied before they are stored: a log line is often a slice of a large chunk,
 * and a sliced key would keep the whole chunk alive.
 *
 * When the keys stop repeating (a log whose every message names another reset), a memo only costs: a
 * generation of `capacity` entries that got fewer than one hit in eight switches it off for the next
 * `capacity * 8` calls, after which it tries again.
 */
/** Longer keys are computed every time rather than stored. */
const MAX_KEY_CHARS = 1024;

export function memoByString<T>(compute: (key: string) => T, capacity = 512): (key: string) => T {
  const cache = new Map<string, T>();
  let hits = 0;
  let bypass = 0;
  return (key: string): T => {
    if (bypass > 0) {
      bypass -= 1;
      return compute(key);
    }
    if (key.length > MAX_KEY_CHARS) return compute(key);
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) {
      hits += 1;
      return hit as T;
    }
    const value = compute(key);
    if (cache.size >= capacity) {
      if (hits * 8 < capacity) bypass = capacity * 8;
      cache.clear();
      hits = 0;
    }
    cache.set(detachString(key), value);
    return value;
  };
}
