import { CATEGORIES, FAMILIES, QUOTA_WINDOWS, VERDICTS, type Language } from '../catalog/types';
import { RECORD_FLAGS, type RecordFlag } from '../classify/outcome';

/** Closed sets are stored as their table index + 1; 0 means none. */
export const LANGUAGES: readonly Language[] = ['en', 'zh'];

export function toTableId<T>(table: readonly T[], value: T | null | undefined): number {
  return value === null || value === undefined ? 0 : table.indexOf(value) + 1;
}

export function fromTableId<T>(table: readonly T[], id: number): T | null {
  return id === 0 ? null : (table[id - 1] ?? null);
}

export const CATEGORY_TABLE = CATEGORIES;
export const VERDICT_TABLE = VERDICTS;
export const FAMILY_TABLE = FAMILIES;
export const WINDOW_TABLE = QUOTA_WINDOWS;

/** Family ids the rate-limit chart reads. */
export const THROTTLE_FAMILY_ID = toTableId(FAMILIES, 'throttle');
export const QUOTA_FAMILY_ID = toTableId(FAMILIES, 'quota');

/** toFlagBits(['timestamp_missing']) -> 2 (bit i = RECORD_FLAGS[i]); unknown flags are ignored. */
export function toFlagBits(flags: readonly RecordFlag[]): number {
  let bits = 0;
  // Indexed, as in the ledger's countFlags: `for…of` over flags arrays of several shapes allocates per flag.
  for (let k = 0; k < flags.length; k += 1) {
    const i = RECORD_FLAGS.indexOf(flags[k] as RecordFlag);
    if (i >= 0) bits |= 1 << i;
  }
  return bits;
}

export function fromFlagBits(bits: number): RecordFlag[] {
  return RECORD_FLAGS.filter((_, i) => (bits & (1 << i)) !== 0);
}
