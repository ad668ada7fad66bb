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
const MS_PER_DAY = 86_400_000;

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
  const wall = daysFromCivil(c.year, c.month, c.day) * MS_PER_DAY + ((c.hour * 60 + c.minute) * 60 + c.second) * 1000 + c.millisecond;
  return wall - offsetMinutes * MS_PER_MINUTE;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by integer arithmetic (H. Hinnant's
 * days_from_civil), so years 1–99 are not shifted to the 1900s as Date.UTC would do.
 * daysFromCivil(1970, 1, 1) -> 0
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Fraction digits '5' -> 500, '123456' -> 123 (truncated, not rounded: a stamp never moves forward). */
export function fractionToMs(digits: string | undefined): number {
  if (digits === undefined || digits === '') return 0;
  return Number(digits.padEnd(3, '0').slice(0, 3));
}

/** wallClockText(Date.parse('2026-08-31T10:19:41Z'), 480) -> '2026-08-31 18:19:41': the instant's wall time at the offset, to the second. */
export function wallClockText(at: number, offsetMinutes: number): string {
  return new Date(at + offsetMinutes * MS_PER_MINUTE).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Whether `text` is exactly wallClockText(at, offsetMinutes): `YYYY-MM-DD HH:mm:ss`, a valid wall time that
 * is the instant `at` at the offset. Read from the text, without formatting the instant.
 */
export function isWallClockText(text: string, at: number, offsetMinutes: number): boolean {
  if (text.length !== 19) return false;
  const shape = [45, 45, 32, 58, 58];
  if ([4, 7, 10, 13, 16].some((i, k) => text.charCodeAt(i) !== shape[k])) return false;
  const n = (from: number, to: number): number => {
    let value = 0;
    for (let i = from; i < to; i += 1) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      value = value * 10 + d;
    }
    return value;
  };
  const civil = { year: n(0, 4), month: n(5, 7), day: n(8, 10), hour: n(11, 13), minute: n(14, 16), second: n(17, 19), millisecond: 0 };
  return civilToInstant(civil, offsetMinutes) === at;
}
