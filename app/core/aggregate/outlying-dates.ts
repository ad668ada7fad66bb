import type { EventStore } from '../store/event-store';
import { getTimeOrder } from '../store/time-order';

const DAY = 24 * 60 * 60_000;

/**
 * A stamp this far from every other error is not a quiet spell but a default (`1970-01-01`, `9999-12-31`)
 * or a broken clock (RELIABILITY E6): half a year with no error at all between it and the rest.
 */
export const OUTLIER_GAP_MS = 183 * DAY;

/** A tail is set apart only while it is small: at most this share of the dated errors (or OUTLIER_MIN_TAIL). */
export const OUTLIER_MAX_SHARE = 0.01;
export const OUTLIER_MIN_TAIL = 3;

/** Fewer dated errors tell no bulk from its tails: three 2099 stamps and one of today could go either way. */
export const OUTLIER_MIN_DATED = 10;

/** The outlying instants listed by name; the rest are counted. */
export const OUTLIERS_LISTED = 5;

/** Errors stamped at one outlying instant. */
export interface OutlyingInstant {
  readonly t: number;
  readonly count: number;
}

/** The span "all data" charts, and the dated errors left out of it. */
export interface DenseExtent {
  /** Earliest and latest dated error of the bulk, epoch ms (inclusive). */
  readonly from: number;
  readonly to: number;
  /** Dated errors outside [from, to]. */
  readonly outliers: number;
}

const cache = new WeakMap<EventStore, { readonly version: number; readonly value: DenseExtent | null }>();

/**
 * The extent of the store's dated errors without its outlying tails: at either end, the errors before the
 * last gap of OUTLIER_GAP_MS among its first few (at most OUTLIER_MAX_SHARE of the dated, or
 * OUTLIER_MIN_TAIL), kept only while the bulk left is larger than what was set apart. One 1970 stamp in a
 * day of errors would otherwise draw fifty-six years of empty buckets around one bar. Null when nothing is
 * dated. Cached per store version; the time order it reads is shared with the filters.
 * denseExtent(store of [1970-01-01, 2026-11-27 10:00, 10:05, 10:09]) -> { from: 10:00, to: 10:09, outliers: 1 }
 */
export function denseExtent(store: EventStore): DenseExtent | null {
  const hit = cache.get(store);
  if (hit !== undefined && hit.version === store.version) return hit.value;
  const value = computeDenseExtent(store);
  cache.set(store, { version: store.version, value });
  return value;
}

function computeDenseExtent(store: EventStore): DenseExtent | null {
  if (Number.isNaN(store.minTime)) return null;
  const whole: DenseExtent = { from: store.minTime, to: store.maxTime, outliers: 0 };
  // No gap of half a year fits in a shorter span: the common case reads nothing.
  if (store.maxTime - store.minTime < OUTLIER_GAP_MS) return whole;
  const { order, dated } = getTimeOrder(store);
  if (dated < OUTLIER_MIN_DATED) return whole;
  const time = store.columns.time;
  const at = (k: number): number => time[order[k] ?? 0] ?? NaN;
  // A tail is at most `tail` errors, and fewer than half of them: the bulk is never the smaller side.
  const tail = Math.min(Math.max(OUTLIER_MIN_TAIL, Math.floor(dated * OUTLIER_MAX_SHARE)), Math.ceil(dated / 2) - 1);
  let low = 0;
  for (let k = 1; k <= tail; k += 1) if (at(k) - at(k - 1) >= OUTLIER_GAP_MS) low = k;
  let high = 0;
  for (let k = 1; k <= tail; k += 1) if (at(dated - k) - at(dated - k - 1) >= OUTLIER_GAP_MS) high = k;
  const bulk = dated - low - high;
  if (low + high === 0 || bulk <= low + high) return whole;
  return { from: at(low), to: at(dated - high - 1), outliers: low + high };
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
