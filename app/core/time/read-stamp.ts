import { fractionToMs, type CivilTime } from './civil';

/** A date-time string split into its wall-clock fields and its zone, before any zone is assumed. */
export interface StampParts {
  readonly civil: CivilTime;
  /** Minutes east of UTC written in the stamp (`Z` = 0), or null when the stamp has no zone. */
  readonly offsetMinutes: number | null;
  readonly dateOnly: boolean;
}

/**
 * Date, optional time (`T`, `t` or spaces; seconds and a 1–9 digit fraction optional), optional zone
 * (`Z`, `+08:00`, `+0800`, `+08`). Dashes or slashes, used consistently. No nested quantifiers: linear.
 */
const STAMP =
  /^(\d{4})([-/])(\d{2})\2(\d{2})(?:(?:[Tt]| +)(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)? ?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

const MAX_STAMP_LENGTH = 64;

/** readStamp('2026-09-06 09:04:58') -> { civil: {2026, 9, 6, 9, 4, 58, 0}, offsetMinutes: null, dateOnly: false } */
export function readStamp(raw: string): StampParts | null {
  if (raw.length === 19) {
    const plain = readPlainStamp(raw);
    if (plain !== null) return plain;
  }
  if (raw.length > MAX_STAMP_LENGTH) return null;
  const m = STAMP.exec(raw.trim());
  if (m === null) return null;
  const dateOnly = m[5] === undefined;
  const civil: CivilTime = {
    year: Number(m[1]),
    month: Number(m[3]),
    day: Number(m[4]),
    hour: dateOnly ? 0 : Number(m[5]),
    minute: dateOnly ? 0 : Number(m[6]),
    second: m[7] === undefined ? 0 : Number(m[7]),
    millisecond: fractionToMs(m[8]),
  };
  const offsetMinutes = readOffset(m[9], m[10], m[11], m[12]);
  if (offsetMinutes === undefined) return null;
  return { civil, offsetMinutes, dateOnly };
}

/** Returns null for "no zone", undefined for an impossible zone such as +25:00. */
function readOffset(z: string | undefined, sign: string | undefined, hh: string | undefined, mm: string | undefined): number | null | undefined {
  if (z !== undefined) return 0;
  if (sign === undefined || hh === undefined) return null;
  const hours = Number(hh);
  const minutes = mm === undefined ? 0 : Number(mm);
  if (hours > 14 || minutes > 59) return undefined;
  return (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * The most common stamp, `2026-09-06 09:04:58` (or with `T`), read digit by digit: what STAMP reads from
 * it, without the regex and its captures. Null for any other text (STAMP then decides).
 */
function readPlainStamp(raw: string): StampParts | null {
  const sep = raw.charCodeAt(10);
  if (raw.charCodeAt(4) !== 45 || raw.charCodeAt(7) !== 45 || (sep !== 32 && sep !== 84 && sep !== 116) || raw.charCodeAt(13) !== 58 || raw.charCodeAt(16) !== 58) return null;
  const year = digitsAt(raw, 0, 4);
  const month = digitsAt(raw, 5, 2);
  const day = digitsAt(raw, 8, 2);
  const hour = digitsAt(raw, 11, 2);
  const minute = digitsAt(raw, 14, 2);
  const second = digitsAt(raw, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
  return { civil: { year, month, day, hour, minute, second, millisecond: 0 }, offsetMinutes: null, dateOnly: false };
}

/** The number written by `length` ASCII digits at `at`, or -1. */
function digitsAt(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i += 1) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
