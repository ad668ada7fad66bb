/**
 * Bucket sizes for the time charts: the smallest "nice" size that keeps the chart under MAX_BUCKETS
 * points. Spans beyond 149 weeks (a 3-year log) use whole weeks, so the cap holds for any range.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

export const BUCKET_LADDER = [
  SECOND, 5 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, WEEK,
] as const;

export const MAX_BUCKETS = 150;

/**
 * chooseBucketSize(0, 3_600_000) -> 30_000 (120 buckets of 30 s). The span uses at most
 * MAX_BUCKETS - 1 buckets, so that after aligning the start down there are at most MAX_BUCKETS.
 */
export function chooseBucketSize(from: number, to: number): number {
  const span = Math.max(to - from, 1);
  const limit = MAX_BUCKETS - 1;
  const nice = BUCKET_LADDER.find((size) => Math.ceil(span / size) <= limit);
  return nice ?? Math.ceil(span / limit / WEEK) * WEEK;
}

/** Buckets `[start + k*size, start + (k+1)*size)` for k in 0..count-1. */
export interface BucketGrid {
  readonly start: number;
  readonly size: number;
  readonly count: number;
}

/**
 * The grid covering `[from, to)`. Buckets are aligned to the display zone: days start at its midnight,
 * weeks on Monday (1970-01-05 was a Monday), so the axis ticks read naturally.
 * bucketGrid({ from: 90_000, to: 3_690_000 }, 0) -> { start: 90_000, size: 30_000, count: 120 }
 */
export function bucketGrid(range: { readonly from: number; readonly to: number }, offsetMinutes: number): BucketGrid {
  const size = chooseBucketSize(range.from, range.to);
  const origin = -offsetMinutes * MINUTE + (size % WEEK === 0 ? 4 * DAY : 0);
  const start = origin + Math.floor((range.from - origin) / size) * size;
  const count = Math.max(1, Math.ceil((range.to - start) / size));
  return { start, size, count };
}

/**
 * The narrowest a bucket is drawn: a 3 px bar and a pixel of gap on each side. The worker's grid has up to
 * MAX_BUCKETS buckets whatever the chart's width: on a phone's plot (264 px) that was bars of 1–2 px, touching.
 */
export const MIN_BUCKET_PX = 5;

/** maxBucketsFor(264) -> 52: the buckets a plot `plotPx` wide holds at MIN_BUCKET_PX each; at least 2, at most MAX_BUCKETS. */
export function maxBucketsFor(plotPx: number): number {
  const fits = Number.isFinite(plotPx) ? Math.floor(plotPx / MIN_BUCKET_PX) : MAX_BUCKETS;
  return Math.min(MAX_BUCKETS, Math.max(2, fits));
}

/**
 * The sizes a grid is coarsened to: the ladder and the round steps between its rungs, so that a phone's hour is
 * 30 bars of 2 min rather than 12 of 5 min. Each is a multiple of every smaller ladder size it can replace.
 */
const COARSER_LADDER = [...BUCKET_LADDER, 2 * SECOND, 10 * SECOND, 2 * MINUTE, 10 * MINUTE, 2 * HOUR].sort((a, b) => a - b);

/**
 * The grid of `grid`'s span in at most `maxBuckets` buckets, each made of whole buckets of `grid` (a size that is
 * a multiple of its size), aligned as bucketGrid aligns them in the zone `offsetMinutes` east of UTC; `grid`
 * itself when it has no more buckets than that.
 * coarsenGrid({ start: 0, size: 30_000, count: 120 }, 52, 0) -> { start: 0, size: 120_000, count: 30 }
 */
export function coarsenGrid(grid: BucketGrid, maxBuckets: number, offsetMinutes: number): BucketGrid {
  if (grid.count <= maxBuckets) return grid;
  const span = grid.count * grid.size;
  const limit = Math.max(1, maxBuckets - 1);
  const fitting = COARSER_LADDER.find((size) => size > grid.size && size % grid.size === 0 && Math.ceil(span / size) <= limit);
  const unit = grid.size >= WEEK ? grid.size : WEEK;
  const size = fitting ?? Math.ceil(span / limit / unit) * unit;
  const origin = -offsetMinutes * MINUTE + (size % WEEK === 0 ? 4 * DAY : 0);
  const aligned = origin + Math.floor((grid.start - origin) / size) * size;
  // Each bucket of `grid` must fall in one: when the zone's offset changed since the grid was made (daylight
  // saving), the aligned start is between two of them, and the buckets start at the grid's start instead.
  const start = (grid.start - aligned) % grid.size === 0 ? aligned : grid.start;
  return { start, size, count: Math.ceil((grid.start + span - start) / size) };
}

/**
 * Bucket of time t, or -1 when t is off the grid (an outlying date left out of "all data", see
 * denseExtent). Small enough to be inlined in the per-event loops.
 */
export function bucketOf(grid: BucketGrid, t: number): number {
  const k = Math.floor((t - grid.start) / grid.size);
  return k < 0 || k >= grid.count ? -1 : k;
}
