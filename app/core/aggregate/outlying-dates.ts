import type { EventStore } from '../store/event-store';
import { getTimeOrder } from '../store/time-order';

const DAY = 24 * 60 * 60_000;

/**
 * No log of this API predates 2020: an earlier stamp is a default (`1970-01-01`, `0001-01-01`) or a clock that
 * lost its time, never an old error worth fifty years of axis (RELIABILITY E6).
 */
export const EARLIEST_PLAUSIBLE = Date.UTC(2020, 0, 1);

/**
 * A stamp this far after now is a `9999-12-31` placeholder or a clock years ahead. One a few hours or days ahead
 * stretches the axis little: it stays on it, counted as dated after now (E9).
 */
export const FUTURE_OUTLIER_MS = 183 * DAY;

/** The outlying instants listed by name; the rest are counted. */
export const OUTLIERS_LISTED = 5;

/** Errors stamped at one outlying instant. */
export interface OutlyingInstant {
  readonly t: number;
  readonly count: number;
}

/** The span "all data" charts, and the dated errors left out of it. */
export interface DenseExtent {
  /** Earliest and latest dated error kept on the axis, epoch ms (inclusive). */
  readonly from: number;
  readonly to: number;
  /** Dated errors outside [from, to]. */
  readonly outliers: number;
}

/**
 * The extent of the store's dated errors without the dates no error of this API can have: before
 * EARLIEST_PLAUSIBLE, or more than FUTURE_OUTLIER_MS after `now`. They are set apart only while they are fewer
 * than the errors left: a log whose clock always said 1970 is drawn as it is. The newest real errors always stay,
 * however long after the others they came. Null when nothing is dated. Reads the time order the filters keep
 * (two binary searches), and only when such a date is there.
 * denseExtent(store of [1970-01-01, 2026-11-27 10:00, 10:05, 10:09], now) -> { from: 10:00, to: 10:09, outliers: 1 }
 */
export function denseExtent(store: EventStore, now: number): DenseExtent | null {
  if (Number.isNaN(store.minTime)) return null;
  const whole: DenseExtent = { from: store.minTime, to: store.maxTime, outliers: 0 };
  const latestPlausible = now + FUTURE_OUTLIER_MS;
  if (store.minTime >= EARLIEST_PLAUSIBLE && store.maxTime <= latestPlausible) return whole;
  const { order, dated } = getTimeOrder(store);
  const time = store.columns.time;
  const at = (k: number): number => time[order[k] ?? 0] ?? NaN;
  const low = countBefore(at, dated, EARLIEST_PLAUSIBLE);
  const high = Math.min(dated - low, countAfter(at, dated, latestPlausible));
  const kept = dated - low - high;
  if (low + high === 0 || kept <= low + high) return whole;
  return { from: at(low), to: at(dated - high - 1), outliers: low + high };
}

/** Sorted times (by `at`) strictly before `limit`: their count. */
function countBefore(at: (k: number) => number, n: number, limit: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorted times (by `at`) strictly after `limit`: their count. */
function countAfter(at: (k: number) => number, n: number, limit: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return n - lo;
}

/**
 * The instants of outlying errors among `indices` (any order), grouped and sorted, at most OUTLIERS_LISTED
 * of them: what a chart that leaves them out names. Returns [] when the extent has no outliers.
 */
export function listOutlyingInstants(store: EventStore, indices: Uint32Array, extent: DenseExtent | null): OutlyingInstant[] {
  if (extent === null || extent.outliers === 0) return [];
  const counts = new Map<number, number>();
  const time = store.columns.time;
  for (let k = 0; k < indices.length; k += 1) {
    const t = time[indices[k] ?? 0] ?? NaN;
    if (t < extent.from || t > extent.to) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .slice(0, OUTLIERS_LISTED)
    .map(([t, count]) => ({ t, count }));
}
