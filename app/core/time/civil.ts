/**
 * Civil (wall-clock) date-times and their conversion to instants. Everything here is arithmetic on
 * numbers: `new Date(string)` is never used, because engines disagree on non-ISO strings (Safari
 * returns Invalid Date for `2021-01-28 11:05:00`) and `Date` silently rolls `2025-02-30` over to March.
 */

export interface CivilTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const MS_PER_MINUTE = 60_000;
/** 400 Gregorian years are exactly 146,097 days; used to keep Date.UTC away from its 0–99 → 1900s rule. */
const MS_PER_400_YEARS = 146_097 * 86_400_000;

/** daysInMonth(2024, 2) -> 29 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** isValidCivil({ year: 2025, month: 2, day: 30, ... }) -> false; leap seconds (60) and 24:00 are invalid too. */
export function isValidCivil(c: CivilTime): boolean {
  return (
    c.year >= 1 &&
    c.year <= 9999 &&
    c.month >= 1 &&
    c.month <= 12 &&
    c.day >= 1 &&
    c.day <= daysInMonth(c.year, c.month) &&
    c.hour >= 0 &&
    c.hour <= 23 &&
    c.minute >= 0 &&
    c.minute <= 59 &&
    c.second >= 0 &&
    c.second <= 59 &&
    c.millisecond >= 0 &&
    c.millisecond <= 999
  );
}

/** civilToInstant({ 2026-08-31 18:19:41 }, 480) -> Date.parse('2026-08-31T10:19:41Z'); null when invalid. */
export function civilToInstant(c: CivilTime, offsetMinutes: number): number | null {
  if (!isValidCivil(c) || !Number.isFinite(offsetMinutes)) return null;
  const early = c.year < 100;
  const wall = Date.UTC(early ? c.year + 400 : c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond);
  return wall - (early ? MS_PER_400_YEARS : 0) - offsetMinutes * MS_PER_MINUTE;
}

/** The wall time read as if it were UTC (input for a zone function that maps wall time to an offset). */
export function civilAsUtc(c: CivilTime): number | null {
  return civilToInstant(c, 0);
}

/** Fraction digits '5' -> 500, '123456' -> 123 (truncated, not rounded: a stamp never moves forward). */
export function fractionToMs(digits: string | undefined): number {
  if (digits === undefined || digits === '') return 0;
  return Number(digits.padEnd(3, '0').slice(0, 3));
}
