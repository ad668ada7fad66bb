import type { QuotaWindow } from '../catalog/types';
import type { EventStore } from '../store/event-store';
import { familyIdOf, fromTableId, QUOTA_FAMILY_ID, WINDOW_TABLE, windowIdOf } from '../store/ids';
import { lookupString } from '../store/string-table';
import { NO_CODE, type ViewState } from '../view-state/view-state';
import { filterRange, type AggregateContext } from './context';
import { effectiveResetOf } from './effective-reset';
import { denseExtent } from './outlying-dates';
import { filterInBounds } from './filter-events';

/** Shown at most; a pathological log with more disjoint blocks keeps the latest ones. */
export const MAX_BLOCKED_INTERVALS = 1000;

export interface BlockedInterval {
  /** Half-open `[from, to)`, epoch ms, clipped to the view range. */
  readonly from: number;
  readonly to: number;
  /** Where the block really ends (its latest reset): after `to` when the view range ends first. */
  readonly unclippedTo: number;
  /** Quota hits merged into this interval. */
  readonly hits: number;
  readonly codes: readonly string[];
  readonly windows: readonly QuotaWindow[];
}

export interface BlockedIntervalsResult {
  readonly intervals: readonly BlockedInterval[];
  /** Intervals left out beyond MAX_BLOCKED_INTERVALS (the earliest ones). */
  readonly omitted: number;
}

interface Draft {
  from: number;
  to: number;
  hits: number;
  /** Code ids; their texts are looked up once per interval. */
  codes: Set<number>;
  windows: Set<QuotaWindow>;
}

/** Milliseconds of the intervals after `end`: blockedAfter([{ from: 0, to: 10 }], 4) -> 6. */
export function blockedAfter(intervals: readonly BlockedInterval[], end: number): number {
  return intervals.reduce((sum, { from, to }) => sum + Math.max(0, to - Math.max(from, end)), 0);
}

/** A block cut off by the range's end, and how far it runs past it. */
export interface ContinuingBlock {
  /** Its unclipped end, epoch ms. */
  readonly until: number;
  /** Milliseconds of it after the range's end. */
  readonly beyondMs: number;
}

/**
 * The block still running when the view range ends, or null: only the last one can be.
 * continuingBlock([{ from: 0, to: 10, unclippedTo: 25, … }]) -> { until: 25, beyondMs: 15 }
 */
export function continuingBlock(intervals: readonly BlockedInterval[]): ContinuingBlock | null {
  const last = intervals.at(-1);
  return last !== undefined && last.unclippedTo > last.to ? { until: last.unclippedTo, beyondMs: last.unclippedTo - last.to } : null;
}

/**
 * Each quota hit with a plausible reset blocks `[hit, reset)`; overlapping or touching blocks merge.
 * Hits before the view range count too (a block that started earlier reaches into the view), then
 * everything is clipped to the range. For "all data" nothing is clipped, and hits of outlying dates
 * (see denseExtent) are left out as the charts leave them out.
 */
export function blockedIntervals(store: EventStore, view: ViewState, ctx: AggregateContext): BlockedIntervalsResult {
  const range = filterRange(store, view, ctx);
  const indices = filterInBounds(store, view, range === null ? null : { from: -Infinity, to: range.to });
  // Over all data, a hit of an outlying date (a 1970 default) blocks nothing the charts draw or total.
  const kept = range === null ? denseExtent(store, ctx.now) : null;
  const { classes, time, reset, code } = store.columns;
  const merged: Draft[] = [];
  let open: Draft | null = null;
  const quotaId = QUOTA_FAMILY_ID;
  for (let k = 0; k < indices.length; k += 1) {
    const i = indices[k] ?? 0;
    if (familyIdOf(classes[i] ?? 0) !== quotaId) continue;
    const t = time[i] ?? NaN;
    if (kept !== null && kept.outliers > 0 && (t < kept.from || t > kept.to)) continue;
    const w = fromTableId(WINDOW_TABLE, windowIdOf(classes[i] ?? 0));
    const resetAt = Number.isNaN(t) ? null : effectiveResetOf(store.resets, reset[i] ?? 0, t, w, view.resetOffsetMinutes);
    if (resetAt === null || !(resetAt > t)) continue;
    if (open === null || t > open.to) {
      open = { from: t, to: resetAt, hits: 0, codes: new Set(), windows: new Set() };
      merged.push(open);
    }
    open.to = Math.max(open.to, resetAt);
    open.hits += 1;
    open.codes.add(code[i] ?? 0);
    if (w !== null) open.windows.add(w);
  }
  const clipped = merged.flatMap((d) => clip(d, range, store));
  const omitted = Math.max(0, clipped.length - MAX_BLOCKED_INTERVALS);
  return { intervals: clipped.slice(omitted), omitted };
}

function clip(d: Draft, range: { from: number; to: number } | null, store: EventStore): BlockedInterval[] {
  const from = range === null ? d.from : Math.max(d.from, range.from);
  const to = range === null ? d.to : Math.min(d.to, range.to);
  if (!(from < to)) return [];
  return [{ from, to, unclippedTo: d.to, hits: d.hits, codes: [...new Set([...d.codes].map((id) => lookupString(store.codes, id) ?? NO_CODE))].sort(), windows: [...d.windows].sort((a, b) => WINDOW_TABLE.indexOf(a) - WINDOW_TABLE.indexOf(b)) }];
}
