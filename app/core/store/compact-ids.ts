/**
 * Rewrites `column[0..size)` so that only the ids still in use remain, re-interning each kept value once
 * into a fresh table with `intern`. Id 0 ("none") stays 0. Used after removing a source, so that the
 * strings and resets only it referred to are freed.
 */
export function compactIds<V>(values: readonly V[], column: Uint32Array | Uint8Array, size: number, intern: (value: V | null) => number): void {
  const remap = remapIds(values, intern);
  for (let i = 0; i < size; i += 1) column[i] = remap(column[i] ?? 0);
}

/** Old id → id in another table, each value interned there on first use with `intern`; id 0 ("none") stays 0. */
export function remapIds<V>(values: readonly V[], intern: (value: V | null) => number): (id: number) => number {
  const ids = new Int32Array(values.length).fill(-1);
  ids[0] = 0;
  return (id) => {
    let next = ids[id] ?? 0;
    if (next < 0) {
      next = intern(values[id] ?? null);
      ids[id] = next;
    }
    return next;
  };
}
