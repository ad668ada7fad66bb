import { CATEGORIES, type Category } from '../catalog/types';
import type { EventStore } from '../store/event-store';
import { categoryIdOf } from '../store/ids';
import { lookupString } from '../store/string-table';
import { NO_CODE, type ViewState } from '../view-state/view-state';
import { bucketGrid, bucketOf, type BucketGrid } from './bucket-size';
import { bucketOffsetMinutes, chartDomain, type AggregateContext } from './context';
import { filterEvents } from './filter-events';
import { denseExtent, listOutlyingInstants, type OutlyingInstant } from './outlying-dates';

/** Codes listed per bucket for the tooltip; the rest are summed as 'other'. */
export const TOOLTIP_CODES = 8;
export const OTHER_CODES = 'other';

export interface TrendRow {
  /** Bucket start, epoch ms. */
  readonly t: number;
  readonly total: number;
  readonly byCategory: Readonly<Record<Category, number>>;
  /** Errors without a catalog entry (not in any category). */
  readonly uncatalogued: number;
  /** Most frequent codes in the bucket, descending; NO_CODE for events without one, OTHER_CODES for the rest. */
  readonly byCode: readonly (readonly [string, number])[];
}

export interface TrendResult {
  /** Null when there is no dated event to place (then rows is empty). */
  readonly grid: BucketGrid | null;
  /** Gap-filled: one row per bucket, empty buckets included. */
  readonly rows: readonly TrendRow[];
  /** Matching events, dated and undated. */
  readonly total: number;
  /** Matching events without a time: counted in totals, not drawn. */
  readonly undated: number;
  /** Matching events dated far from all the others (see denseExtent): counted in totals, not drawn. */
  readonly outlying: number;
  /** The first of their instants, for the chart to name. */
  readonly outlyingInstants: readonly OutlyingInstant[];
}

/** "Errors by category over time": gap-filled rows, stacked by category. */
export function bucketTrend(store: EventStore, view: ViewState, ctx: AggregateContext): TrendResult {
  const indices = filterEvents(store, view, ctx);
  const domain = chartDomain(store, view, ctx);
  if (domain === null) return { grid: null, rows: [], total: indices.length, undated: indices.length, outlying: 0, outlyingInstants: [] };
  const grid = bucketGrid(domain, bucketOffsetMinutes(view, ctx));
  const { counts, byCode, undated, outside } = countBuckets(store, indices, grid);
  const width = CATEGORIES.length + 1;
  const rows = Array.from({ length: grid.count }, (_, b) => toRow(grid.start + b * grid.size, counts.subarray(b * width, (b + 1) * width), byCode[b] ?? []));
  const outlyingInstants = outside > 0 ? listOutlyingInstants(store, indices, denseExtent(store, ctx.now)) : [];
  return { grid, rows, total: indices.length, undated, outlying: outside, outlyingInstants };
}

/**
 * One pass: category counts per bucket in a flat typed array, and per-bucket code counts in a reusable
 * array flushed at each bucket change (events arrive in time order, so buckets are contiguous).
 */
function countBuckets(store: EventStore, indices: Uint32Array, grid: BucketGrid) {
  const width = CATEGORIES.length + 1;
  const counts = new Uint32Array(grid.count * width);
  const byCode: (readonly [string, number])[][] = [];
  const codeCounts = new Uint32Array(store.codes.values.length);
  const touched: number[] = [];
  const flush = (bucket: number): void => {
    const entries = touched.map((id): [string, number] => [lookupString(store.codes, id) ?? NO_CODE, codeCounts[id] ?? 0]);
    for (const id of touched) codeCounts[id] = 0;
    touched.length = 0;
    byCode[bucket] = topWithOther(entries, TOOLTIP_CODES);
  };
  const { time, classes, code } = store.columns;
  let undated = 0;
  let outside = 0;
  let current = -1;
  for (let k = 0; k < indices.length; k += 1) {
    const i = indices[k] ?? 0;
    const t = time[i] ?? NaN;
    if (Number.isNaN(t)) {
      undated += 1;
      continue;
    }
    const b = bucketOf(grid, t);
    // Only "all data" leaves events off its axis: its outlying dates. A range's events are all on it.
    if (b < 0) {
      outside += 1;
      continue;
    }
    if (b !== current) {
      if (current >= 0) flush(current);
      current = b;
    }
    const cell = b * width + categoryIdOf(classes[i] ?? 0);
    counts[cell] = (counts[cell] ?? 0) + 1;
    const id = code[i] ?? 0;
    if (codeCounts[id] === 0) touched.push(id);
    codeCounts[id] = (codeCounts[id] ?? 0) + 1;
  }
  if (current >= 0) flush(current);
  return { counts, byCode, undated, outside };
}

function toRow(t: number, counts: Uint32Array, byCode: readonly (readonly [string, number])[]): TrendRow {
  const byCategory = Object.fromEntries(CATEGORIES.map((c, k) => [c, counts[k + 1] ?? 0])) as Record<Category, number>;
  const uncatalogued = counts[0] ?? 0;
  const total = CATEGORIES.reduce((sum, c) => sum + byCategory[c], uncatalogued);
  return { t, total, byCategory, uncatalogued, byCode };
}

/** The `n` largest entries (ties by key), plus one [OTHER_CODES, sum] entry for the rest. */
export function topWithOther(entries: [string, number][], n: number): [string, number][] {
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (entries.length <= n) return entries;
  const rest = entries.slice(n).reduce((sum, e) => sum + e[1], 0);
  return [...entries.slice(0, n), [OTHER_CODES, rest]];
}

/** Trend series keys in stacking order. */
export const TREND_SERIES = [...CATEGORIES, 'uncatalogued'] as const;
export type TrendSeriesKey = (typeof TREND_SERIES)[number];

/** One flat object per bucket for the chart library: { t, total, basic, ..., uncatalogued }. */
export type TrendChartRow = { readonly t: number; readonly total: number } & Readonly<Record<TrendSeriesKey, number>>;

export function toTrendChartRows(rows: readonly TrendRow[]): TrendChartRow[] {
  return rows.map((row) => ({ t: row.t, total: row.total, ...row.byCategory, uncatalogued: row.uncatalogued }));
}
