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

/**
 * Offset for zone-less wall times: a fixed number, or the zone's offset at an instant (epoch ms), as
 * `-new Date(at).getTimezoneOffset()` gives it, so that daylight saving is honoured (see resolveOffset).
 */
export type LocalOffset = number | ((at: number) => number);

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

const DAY_MS = 86_400_000;

/**
 * The offset a zone-less wall time was written at. A zone's offset is known by instant, and the instant is what is
 * sought. The zone's offsets a day either side are one and the same, unless a daylight-saving change comes near:
 * then each is tried, and kept if the zone has it at the instant it gives. As JavaScript's Date and Temporal's
 * "compatible" read them, in every zone east or west: a time the change skips (02:30 as clocks go from 02:00 to
 * 03:00) is read with the offset before it, so as the hour after (03:30); a time the change repeats is read as its
 * first pass, the earlier instant.
 */
function resolveOffset(localOffset: LocalOffset, wall: number): number {
  if (typeof localOffset !== 'function') return validOffset(localOffset);
  try {
    const before = validOffset(localOffset(wall - DAY_MS));
    const after = validOffset(localOffset(wall + DAY_MS));
    if (before === after) return before;
    const isBefore = validOffset(localOffset(wall - before * 60_000)) === before;
    const isAfter = validOffset(localOffset(wall - after * 60_000)) === after;
    if (isBefore && isAfter) return Math.max(before, after);
    if (isAfter) return after;
    return before;
  } catch {
    return 0;
  }
}

function validOffset(minutes: number): number {
  return Number.isFinite(minutes) && Math.abs(minutes) <= MAX_OFFSET_MINUTES ? minutes : 0;
}

/**
 * The common case without a regex: `2026-11-27T10:00:00Z` or `2026-11-27T10:00:00.123Z` (uppercase T/Z).
 * parseIsoUtcFast('2026-11-27T10:00:00Z') -> 1795773600000; anything else -> null (use the full parser).
 */
export function parseIsoUtcFast(s: string): number | null {
  if (s.length !== 20 && s.length !== 24) return null;
  const day = isoDayMs(s);
  const time = day === null ? -1 : isoTimeOfDayMs(s);
  return day === null || time < 0 ? null : day + time;
}

/**
 * The day of a stamp's `YYYY-MM-DDT` (what parseIsoUtcFast reads of its first 11 characters), as epoch
 * milliseconds of its midnight (negative before 1970), or null: a log's lines share it for a day, so their
 * readers keep it.
 */
export function isoDayMs(s: string): number | null {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return null;
  const year = d(s, 0) * 1000 + d(s, 1) * 100 + d(s, 2) * 10 + d(s, 3);
  const month = d(s, 5) * 10 + d(s, 6);
  const day = d(s, 8) * 10 + d(s, 9);
  // d() is -1000 for a non-digit, which drives a field out of range below
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day) * 86_400_000;
}

/** The time of day of a stamp's `HH:mm:ssZ` or `HH:mm:ss.SSSZ` (what parseIsoUtcFast reads after its day) in milliseconds, or -1. */
export function isoTimeOfDayMs(s: string): number {
  const n = s.length;
  if ((n !== 20 && n !== 24) || s.charCodeAt(n - 1) !== 90 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return -1;
  const hour = d(s, 11) * 10 + d(s, 12);
  const minute = d(s, 14) * 10 + d(s, 15);
  const second = d(s, 17) * 10 + d(s, 18);
  let millisecond = 0;
  if (n === 24) {
    if (s.charCodeAt(19) !== 46) return -1;
    millisecond = d(s, 20) * 100 + d(s, 21) * 10 + d(s, 22);
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || millisecond < 0) return -1;
  return ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
}

/** The ASCII digit at i, or -1000 (so any sum containing it is negative). */
function d(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}
