import { fractionToMs } from './civil';

/**
 * Epoch numbers in JSON time fields. Unit by magnitude (number of integer digits): 10 = seconds,
 * 13 = milliseconds, 16 = microseconds, 19 = nanoseconds (read from the string, since 19 digits exceed
 * 2^53). Any other length is not a time: 9-digit seconds would be before 2001, 11–12 digits are ambiguous.
 */

/** Exclusive upper bound: 10000-01-01T00:00:00Z. */
export const LATEST_EPOCH_MS = 253_402_300_800_000;

const DIGITS_TO_MS_DIVISOR: Readonly<Record<number, number>> = { 10: 0.001, 13: 1, 16: 1_000, 19: 1_000_000 };
const EPOCH_TEXT = /^(\d{10}|\d{13}|\d{16}|\d{19})(?:\.(\d{1,9}))?$/;

/** epochToMs(1777552855) -> 1777552855000; epochToMs('1755615600123') -> 1755615600123; epochToMs(12) -> null */
export function epochToMs(value: number | string): number | null {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  if (text === null) return null;
  const m = EPOCH_TEXT.exec(text);
  const integer = m?.[1];
  if (m === null || integer === undefined) return null;
  const divisor = DIGITS_TO_MS_DIVISOR[integer.length];
  if (divisor === undefined) return null;
  const ms = divisor >= 1 ? Number(integer.slice(0, 13)) : Number(integer) * 1000 + fractionToMs(m[2]);
  return ms >= 0 && ms < LATEST_EPOCH_MS ? ms : null;
}

function numberText(value: number): string | null {
  if (!Number.isFinite(value) || value < 0) return null;
  if (Number.isInteger(value)) return value >= 1e21 ? null : BigInt(value).toString();
  return String(value);
}
