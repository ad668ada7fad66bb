import { civilToInstant } from './civil';
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
  let minutes = 0;
  try {
    minutes = typeof localOffset === 'function' ? localOffset(wall) : localOffset;
  } catch {
    minutes = 0;
  }
  return Number.isFinite(minutes) && Math.abs(minutes) <= MAX_OFFSET_MINUTES ? minutes : 0;
}

/**
 * The common case without a regex: `2026-11-27T10:00:00Z` or `2026-11-27T10:00:00.123Z` (uppercase T/Z).
 * parseIsoUtcFast('2026-11-27T10:00:00Z') -> 1795773600000; anything else -> null (use the full parser).
 */
export function parseIsoUtcFast(s: string): number | null {
  const n = s.length;
  if ((n !== 20 && n !== 24) || s.charCodeAt(n - 1) !== 90 || s.charCodeAt(10) !== 84) return null;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return null;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  let millisecond = 0;
  if (n === 24) {
    if (s.charCodeAt(19) !== 46) return null;
    millisecond = digits(s, 20, 3);
  }
  if ((year | month | day | hour | minute | second | millisecond) < 0) return null;
  return civilToInstant({ year, month, day, hour, minute, second, millisecond }, 0);
}

/** ASCII digits at [start, start + length) as a number, or -1. */
function digits(s: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}
