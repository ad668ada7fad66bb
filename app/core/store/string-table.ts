import { compactIds } from './compact-ids';
/**
 * Interned strings: each distinct string is kept once (in a recent-only table: once per stretch of
 * RECENT_LOOKUP new strings) and events hold its id. Id 0 is reserved for
 * "none" (null or empty), so a zero-filled column reads as "none". Keys live in a Map, never in an
 * object, because they come from logs (`__proto__` is a fine message).
 */
export interface StringTable {
  readonly ids: Map<string, number>;
  /** values[id]; values[0] is ''. */
  readonly values: string[];
  /** The lookup map holds at most this many strings (see RECENT_LOOKUP); Infinity: every string has one id. */
  readonly lookupLimit: number;
}

/**
 * How many distinct strings a recent-only table looks up. A storm of quota errors can name a new reset each
 * second, so its messages never repeat: a lookup map of 130k of them missed the CPU caches on every line
 * (a 100 MiB log read 10–12 % faster with a small map). Past this many, the map starts again: a value seen
 * long ago then takes a second id, which costs a little memory and changes nothing shown (messages are only
 * matched by their text, resets compared by instant). Codes are never recent-only: charts group by code id.
 */
export const RECENT_LOOKUP = 1024;

export function createStringTable(lookupLimit = Infinity): StringTable {
  return { ids: new Map(), values: [''], lookupLimit };
}

/** internString(t, 'x') -> 1, internString(t, 'x') -> 1, internString(t, null) -> 0 */
export function internString(table: StringTable, value: string | null): number {
  if (value === null || value === '') return 0;
  const known = table.ids.get(value);
  if (known !== undefined) return known;
  const id = table.values.length;
  const kept = detachString(value);
  table.values.push(kept);
  if (table.ids.size >= table.lookupLimit) table.ids.clear();
  table.ids.set(kept, id);
  return id;
}

/**
 * A copy of `value` that does not share memory with the text it was cut from. V8 keeps a substring as a
 * view into its parent, so a stored message would otherwise keep the whole chunk of log text it came
 * from alive (memory growing with the file, not with the events: 2,000 messages cut from 200 kB lines
 * held 400 MB before this, 6 MB after). Concatenating then slicing flattens the characters into a fresh
 * string. detachString('abc') === 'abc'
 */
export function detachString(value: string): string {
  return `${value} `.slice(0, -1);
}

export function lookupString(table: StringTable, id: number): string | null {
  return id === 0 ? null : (table.values[id] ?? null);
}

/** Cuts a string to `max` UTF-16 units without splitting a surrogate pair. */
export function capString(value: string, max: number): string {
  if (value.length <= max) return value;
  const end = /[\uD800-\uDBFF]/.test(value.charAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}

/**
 * Rebuilds a table with only the ids still used by `column[0..size)` and rewrites the column in place.
 * Used after removing a source, so that its strings are freed.
 */
export function compactStringTable(table: StringTable, column: Uint32Array | Uint8Array, size: number): StringTable {
  const next = createStringTable(table.lookupLimit);
  compactIds(table.values, column, size, (value) => internString(next, value));
  return next;
}
