/**
 * A store's messages in a form that crosses between workers cheaply. Structured cloning copies an array of
 * strings one value at a time: the 60k messages and 60k resets of half a 100 MiB quota storm took ~50 ms
 * to clone, at the end of every two-core read. Packed, the messages are one string and a typed array
 * (which can be transferred); the resets are typed arrays already (reset-table.ts).
 */
export interface PackedStrings {
  /** Every string, one after the other. */
  readonly text: string;
  /** Their lengths in UTF-16 units, in order. */
  readonly lengths: Uint32Array;
}

/** packStrings(['', 'ab', 'c']) -> { text: 'abc', lengths: [0, 2, 1] } */
export function packStrings(values: readonly string[]): PackedStrings {
  const lengths = new Uint32Array(values.length);
  values.forEach((value, i) => {
    lengths[i] = value.length;
  });
  return { text: values.join(''), lengths };
}

export function unpackStrings({ text, lengths }: PackedStrings): string[] {
  const values = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i += 1) {
    const end = at + (lengths[i] ?? 0);
    values[i] = text.slice(at, end);
    at = end;
  }
  return values;
}

