/**
 * Interned strings: each distinct string is kept once and events hold its id. Id 0 is reserved for
 * "none" (null or empty), so a zero-filled column reads as "none". Keys live in a Map, never in an
 * object, because they come from logs (`__proto__` is a fine message).
 */
export interface StringTable {
  readonly ids: Map<string, number>;
  /** values[id]; values[0] is ''. */
  readonly values: string[];
}

export function createStringTable(): StringTable {
  return { ids: new Map(), values: [''] };
}

/** internString(t, 'x') -> 1, internString(t, 'x') -> 1, internString(t, null) -> 0 */
export function internString(table: StringTable, value: string | null): number {
  if (value === null || value === '') return 0;
  const known = table.ids.get(value);
  if (known !== undefined) return known;
  const id = table.values.length;
  table.values.push(value);
  table.ids.set(value, id);
  return id;
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
  const next = createStringTable();
  const remap = new Int32Array(table.values.length).fill(-1);
  remap[0] = 0;
  for (let i = 0; i < size; i += 1) {
    const old = column[i] ?? 0;
    let id = remap[old] ?? 0;
    if (id < 0) {
      id = internString(next, table.values[old] ?? null);
      remap[old] = id;
    }
    column[i] = id;
  }
  return next;
}
