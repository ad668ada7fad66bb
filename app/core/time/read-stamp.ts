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
