import { civilToInstant, daysFromCivil, daysInMonth } from './civil';
import { epochToMs } from './epoch';
import { readStamp } from './read-stamp';

export interface LogTimestamp {
  /** Epoch milliseconds. */
  readonly at: number;
  /** True when the text had no zone and `localOffset` was applied. */
  readonly zoneAssumed: boolean;
  /** The offset written in the stamp (minutes east of UTC), or null for epoch numbers and zone-less text. */
  readonly offsetMinutes: number | null;
}

/** Offset for zone-less wall times: a fixed number, or a function of the wall time read as UTC (for DST). */
export type LocalOffset = number | ((wallTimeAsUtcMs: number) => number);

const MAX_OFFSET_MINUTES = 18 * 60;

/**
 * Event time of a log record: ISO 8601 (`T` or space, any case, 1–9 fraction digits, `Z`/`+08:00`/`+0800`/`+08`
 * or no zone), `YYYY/MM/DD HH:mm:ss`, or epoch seconds / ms / µs / ns as number or digit string.
 * parseLogTimestamp('2026-09-06T06:37:09.823+08:00', 0) -> { at: Date.parse('2026-09-05T22:37:09.823Z'), zoneAssumed: false, offsetMinutes: 480 }
 */
export function parseLogTimestamp(value: string | number, localOffset: LocalOffset = 0): LogTimestamp | null {
  if (typeof value === 'number') return fromEpoch(value);
  const fast = parseIsoUtcFast(value);
  if (fast !== null) return { at: fast, zoneAssumed: false, offsetMinutes: 0 };
  if (/^\s*\d+(?:\.\d+)?\s*$/.test(value)) return fromEpoch(value);
  const parts = readStamp(value);
  if (parts === null || parts.dateOnly) return null;
  if (parts.offsetMinutes !== null) {
    const at = civilToInstant(parts.civil, parts.offsetMinutes);
    return at === null ? null : { at, zoneAssumed: false, offsetMinutes: parts.offsetMinutes };
  }
  const wall = civilToInstant(parts.civil, 0);
  if (wall === null) return null;
  return { at: wall - resolveOffset(localOffset, wall) * 60_000, zoneAssumed: true, offsetMinutes: null };
}

function fromEpoch(value: number | string): LogTimestamp | null {
  const at = epochToMs(value);
  return at === null ? null : { at, zoneAssumed: false, offsetMinutes: null };
}

function resolveOffset(localOffset: LocalOffset, wall: number): number {
  let minutes: number;
  try {
    minutes = typeof localOffset === 'function' ? localOffset(wall) : localOffset;
  } catch {
    return 0;
  }
  return Number.isFinite(minutes) && Math.abs(minutes) <= MAX_OFFSET_MINUTES ? minutes : 0;
}

/**
 * The common case without a regex: `2026-11-27T10:00:00Z` or `2026-11-27T10:00:00.123Z` (uppercase T/Z).
 * parseIsoUtcFast('2026-11-27T10:00:00Z') -> 1795773600000; anything else -> null (use the full parser).
 */
export function parseIsoUtcFast(s: string): number | null {
  return parseIsoUtcAt(s, 0, s.length);
}

/** parseIsoUtcFast(s.slice(start, end)), read in place. */
export function parseIsoUtcAt(s: string, start: number, end: number): number | null {
  const n = end - start;
  if (n !== 20 && n !== 24) return null;
  const day = isoDayMs(s, start);
  const time = day === null ? -1 : isoTimeOfDayMs(s, start, end);
  return day === null || time < 0 ? null : day + time;
}

/**
 * The day of `YYYY-MM-DDT` at `start` (what parseIsoUtcAt reads of its first 11 characters), as epoch
 * milliseconds of its midnight (negative before 1970), or null: a log's lines share it for a day, so their
 * readers keep it.
 */
export function isoDayMs(s: string, start: number): number | null {
  const o = start;
  if (s.charCodeAt(o + 4) !== 45 || s.charCodeAt(o + 7) !== 45 || s.charCodeAt(o + 10) !== 84) return null;
  const year = d(s, o) * 1000 + d(s, o + 1) * 100 + d(s, o + 2) * 10 + d(s, o + 3);
  const month = d(s, o + 5) * 10 + d(s, o + 6);
  const day = d(s, o + 8) * 10 + d(s, o + 9);
  // d() is -1000 for a non-digit, which drives a field out of range below
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day) * 86_400_000;
}

/** The time of day of `HH:mm:ssZ` or `HH:mm:ss.SSSZ` from `start + 11` to `end` (what parseIsoUtcAt reads of it) in milliseconds, or -1. */
export function isoTimeOfDayMs(s: string, start: number, end: number): number {
  const n = end - start;
  const o = start;
  if ((n !== 20 && n !== 24) || s.charCodeAt(end - 1) !== 90 || s.charCodeAt(o + 13) !== 58 || s.charCodeAt(o + 16) !== 58) return -1;
  const hour = d(s, o + 11) * 10 + d(s, o + 12);
  const minute = d(s, o + 14) * 10 + d(s, o + 15);
  const second = d(s, o + 17) * 10 + d(s, o + 18);
  let millisecond = 0;
  if (n === 24) {
    if (s.charCodeAt(o + 19) !== 46) return -1;
    millisecond = d(s, o + 20) * 100 + d(s, o + 21) * 10 + d(s, o + 22);
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millisecond < 0) return -1;
  return ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
}

/** The ASCII digit at i, or -1000 (so any sum containing it is negative). */
function d(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}
