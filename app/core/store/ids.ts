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

/**
 * An event's closed-set fields packed in the 16 bits of its `classes` column (table ids as above, 0 = none):
 * category in bits 0–2, verdict 3–6, family 7–10, quota window 11–12, language 13–14. Five columns of a
 * byte each took 3 bytes more per event. ids.test.ts checks that each table fits its bits.
 */
export const CLASS_FIELDS = {
  category: { shift: 0, bits: 3 },
  verdict: { shift: 3, bits: 4 },
  family: { shift: 7, bits: 4 },
  quotaWindow: { shift: 11, bits: 2 },
  language: { shift: 13, bits: 2 },
} as const;

// The layout above as plain numbers: module constants, which compiled code folds into the hot loops.
const mask = (bits: number): number => (1 << bits) - 1;
const CATEGORY_SHIFT = CLASS_FIELDS.category.shift;
const CATEGORY_MASK = mask(CLASS_FIELDS.category.bits);
const VERDICT_SHIFT = CLASS_FIELDS.verdict.shift;
const VERDICT_MASK = mask(CLASS_FIELDS.verdict.bits);
const FAMILY_SHIFT = CLASS_FIELDS.family.shift;
const FAMILY_MASK = mask(CLASS_FIELDS.family.bits);
const WINDOW_SHIFT = CLASS_FIELDS.quotaWindow.shift;
const WINDOW_MASK = mask(CLASS_FIELDS.quotaWindow.bits);
const LANGUAGE_SHIFT = CLASS_FIELDS.language.shift;
const LANGUAGE_MASK = mask(CLASS_FIELDS.language.bits);

/** packClasses(1, 2, 6, 0, 1) -> the classes of an event in category 1, verdict 2, family 6, no window, language 1. */
export function packClasses(category: number, verdict: number, family: number, quotaWindow: number, language: number): number {
  return (category << CATEGORY_SHIFT) | (verdict << VERDICT_SHIFT) | (family << FAMILY_SHIFT) | (quotaWindow << WINDOW_SHIFT) | (language << LANGUAGE_SHIFT);
}

export function categoryIdOf(classes: number): number {
  return (classes >> CATEGORY_SHIFT) & CATEGORY_MASK;
}

export function verdictIdOf(classes: number): number {
  return (classes >> VERDICT_SHIFT) & VERDICT_MASK;
}

export function familyIdOf(classes: number): number {
  return (classes >> FAMILY_SHIFT) & FAMILY_MASK;
}

export function windowIdOf(classes: number): number {
  return (classes >> WINDOW_SHIFT) & WINDOW_MASK;
}

export function languageIdOf(classes: number): number {
  return (classes >> LANGUAGE_SHIFT) & LANGUAGE_MASK;
}

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
