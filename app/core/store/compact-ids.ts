/**
 * Rewrites `column[0..size)` so that only the ids still in use remain, re-interning each kept value once
 * into a fresh table with `intern`. Id 0 ("none") stays 0. Used after removing a source, so that the
 * strings and resets only it referred to are freed.
 */
export function compactIds<V>(values: readonly V[], column: Uint32Array | Uint8Array, size: number, intern: (value: V | null) => number): void {
  const remap = new Int32Array(values.length).fill(-1);
  remap[0] = 0;
  for (let i = 0; i < size; i += 1) {
    const old = column[i] ?? 0;
    let id = remap[old] ?? 0;
    if (id < 0) {
      id = intern(values[old] ?? null);
      remap[old] = id;
    }
    column[i] = id;
  }
}
