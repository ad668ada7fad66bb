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
 * is the instant `at` at the offset. Read from the text, without formatting the instant or allocating: the
 * reset table asks it of every new reset, a storm's every error.
 */
export function isWallClockText(text: string, at: number, offsetMinutes: number): boolean {
  return plainStampInstant(text, offsetMinutes, false) === at;
}

/**
 * The instant of `YYYY-MM-DD HH:mm:ss` read as wall time at `offsetMinutes`, or null when the text is not one
 * or names no real time (what readStamp and civilToInstant give it). With `anySeparator`, `T` or `t` may
 * stand for the space (as readStamp reads it).
 * plainStampInstant('2026-08-31 18:19:41', 480, false) -> Date.parse('2026-08-31T10:19:41Z')
 */
export function plainStampInstant(text: string, offsetMinutes: number, anySeparator: boolean): number | null {
  const sep = text.charCodeAt(10);
  if (text.length !== 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  if (sep !== 32 && !(anySeparator && (sep === 84 || sep === 116))) return null;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  // A non-digit reads as -10000, which no range below admits.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return null;
  }
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 - offsetMinutes * MS_PER_MINUTE;
}

/** The two-digit number at `i`, or -10000 when either character is not a digit. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -10000;
}
