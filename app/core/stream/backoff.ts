import { civilToInstant } from '../time/civil';

/** R12: full jitter, base 1 s, factor 2, cap 30 s; Retry-After honoured up to 10 min. */
export const BACKOFF = {
  baseMs: 1000,
  capMs: 30_000,
  retryAfterCapMs: 10 * 60_000,
} as const;

/**
 * Full-jitter delay `random(0, min(cap, base · 2^attempt))` (AWS "Exponential Backoff And Jitter").
 * `random` returns [0, 1). fullJitterDelay(3, () => 0.5) -> 4000
 */
export function fullJitterDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** Math.min(attempt, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

/**
 * A `Retry-After` header as a delay in ms from `now`, capped at 10 min: delta-seconds or an HTTP-date.
 * null when absent or unreadable. parseRetryAfter('2', now) -> 2000;
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now) -> the ms until then (0 when past).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^[0-9]+$/.test(text)) return Math.min(BACKOFF.retryAfterCapMs, Number(text) * 1000);
  const at = readHttpDate(text);
  if (at === null) return null;
  return Math.min(BACKOFF.retryAfterCapMs, Math.max(0, at - now));
}

const HTTP_DATE = /^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`) in ms, or null; an impossible day (31 Feb) is null, not 3 March. */
function readHttpDate(text: string): number | null {
  const m = HTTP_DATE.exec(text);
  const month = m === null ? -1 : MONTHS.indexOf(m[2] ?? '');
  if (m === null || month < 0) return null;
  const [day, year, hour, minute, second] = [m[1], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  return civilToInstant({ year, month: month + 1, day, hour, minute, second, millisecond: 0 }, 0);
}
