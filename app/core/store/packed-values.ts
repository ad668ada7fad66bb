import type { ResetInfo } from '../classify/outcome';

/**
 * A store's message and reset values in a form that crosses between workers cheaply. Structured cloning
 * copies an array of strings or objects one value at a time: the 60k messages and 60k resets of half a
 * 100 MiB quota storm took ~50 ms to clone, at the end of every two-core read. Packed, they are two
 * strings and a few typed arrays (which can be transferred).
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

export interface PackedResets {
  readonly raw: PackedStrings;
  /** Instant and assumed offset; NaN stands for null (bits say which). */
  readonly at: Float64Array;
  readonly assumedOffsetMinutes: Float64Array;
  /** PRESENT, DATE_ONLY, PLAUSIBLE, AT_NULL, OFFSET_NULL. */
  readonly bits: Uint8Array;
  /** Reason id + 1 into `reasons` (0: no reason): reasons are few, so each is sent once. */
  readonly reasonIds: Uint32Array;
  readonly reasons: readonly string[];
}

const PRESENT = 1;
const DATE_ONLY = 2;
const PLAUSIBLE = 4;
const AT_NULL = 8;
const OFFSET_NULL = 16;

export function packResets(values: readonly (ResetInfo | null)[]): PackedResets {
  const n = values.length;
  const at = new Float64Array(n);
  const assumedOffsetMinutes = new Float64Array(n);
  const bits = new Uint8Array(n);
  const reasonIds = new Uint32Array(n);
  const reasons: string[] = [];
  const reasonId = new Map<string, number>();
  const raw: string[] = [];
  values.forEach((value, i) => {
    raw.push(value?.raw ?? '');
    if (value === null) return;
    bits[i] = PRESENT | (value.dateOnly ? DATE_ONLY : 0) | (value.plausible ? PLAUSIBLE : 0) | (value.at === null ? AT_NULL : 0) | (value.assumedOffsetMinutes === null ? OFFSET_NULL : 0);
    at[i] = value.at ?? NaN;
    assumedOffsetMinutes[i] = value.assumedOffsetMinutes ?? NaN;
    if (value.implausibleReason !== null) {
      let id = reasonId.get(value.implausibleReason);
      if (id === undefined) {
        id = reasons.push(value.implausibleReason);
        reasonId.set(value.implausibleReason, id);
      }
      reasonIds[i] = id;
    }
  });
  return { raw: packStrings(raw), at, assumedOffsetMinutes, bits, reasonIds, reasons };
}

export function unpackResets(packed: PackedResets): (ResetInfo | null)[] {
  const raw = unpackStrings(packed.raw);
  return raw.map((text, i) => {
    const bits = packed.bits[i] ?? 0;
    if ((bits & PRESENT) === 0) return null;
    const reason = packed.reasonIds[i] ?? 0;
    return Object.freeze({
      raw: text,
      at: bits & AT_NULL ? null : (packed.at[i] ?? null),
      dateOnly: (bits & DATE_ONLY) !== 0,
      assumedOffsetMinutes: bits & OFFSET_NULL ? null : (packed.assumedOffsetMinutes[i] ?? null),
      plausible: (bits & PLAUSIBLE) !== 0,
      implausibleReason: reason === 0 ? null : (packed.reasons[reason - 1] ?? null),
    });
  });
}

/** The typed arrays of packed values, to transfer instead of copy. */
export function packedBuffers(strings: PackedStrings, resets: PackedResets): ArrayBuffer[] {
  return [strings.lengths, resets.raw.lengths, resets.at, resets.assumedOffsetMinutes, resets.bits, resets.reasonIds].map((a) => a.buffer as ArrayBuffer);
}
