import type { EventStore } from '../store/event-store';
import { denseExtent } from './outlying-dates';
import { resolveTimeRange } from '../view-state/resolve-time-range';
import { zoneOffsetMinutes } from '../view-state/time-zones';
import type { AbsoluteRange, ViewState } from '../view-state/view-state';

/** What the aggregations need besides the store and the view. Time is an argument. */
export interface AggregateContext {
  /** The current instant, epoch ms. */
  readonly now: number;
  /** Anchor of the `last-*` presets; defaults to the store's latest dated event. */
  readonly latestEventAt?: number | null;
  /** The viewer's offset in minutes east of UTC, used for `tz=local` bucket alignment; default 0. */
  readonly localOffsetMinutes?: number;
}

/** The store's latest dated event that is not an outlier (a `9999-12-31` stamp anchors no "last hour"), or null. */
export function latestDated(store: EventStore, now: number): number | null {
  return denseExtent(store, now)?.to ?? null;
}

/** The view's time filter, `[from, to)`, or null for all data (undated events included). */
export function filterRange(store: EventStore, view: ViewState, ctx: AggregateContext): AbsoluteRange | null {
  const latestEventAt = ctx.latestEventAt === undefined ? latestDated(store, ctx.now) : ctx.latestEventAt;
  return resolveTimeRange(view, { now: ctx.now, latestEventAt });
}

/**
 * The shortest axis drawn for "all data": one event (or a burst of minutes) reads as a moment in a quarter hour,
 * in bars wide enough to see (an hour drew a four-minute log as a sliver at its edge).
 */
export const MIN_DOMAIN_MS = 15 * 60_000;

/**
 * The x-axis of the time charts: the view's range, or for "all data" the extent of the store's dated
 * events (not of the filtered ones, so the axis stays put while filters change) without its outlying dates
 * (RELIABILITY E6, see denseExtent), widened to at least MIN_DOMAIN_MS around its middle (RELIABILITY I3).
 * Null when no dated data. Charts leave out the errors outside it and say so.
 */
export function chartDomain(store: EventStore, view: ViewState, ctx: AggregateContext): AbsoluteRange | null {
  const range = filterRange(store, view, ctx);
  if (range !== null) return range;
  const dense = denseExtent(store, ctx.now);
  return dense === null ? null : widenDomain({ from: dense.from, to: dense.to + 1 }, ctx.now);
}

/**
 * widenDomain({ from: 0, to: 1 }, 1e12) -> { from: -450_000, to: 450_001 }: a short domain is widened
 * around its middle, but not past now when its data ends before now (a burst a minute ago is drawn up to now,
 * not with half an hour of future after it); wide domains are unchanged.
 */
export function widenDomain(domain: AbsoluteRange, now: number): AbsoluteRange {
  const span = domain.to - domain.from;
  if (span >= MIN_DOMAIN_MS) return domain;
  const pad = Math.ceil((MIN_DOMAIN_MS - span) / 2);
  const centred = { from: domain.from - pad, to: domain.to + pad };
  if (centred.to <= now || domain.to > now) return centred;
  const to = Math.max(domain.to, now);
  return { from: Math.min(domain.from, to - MIN_DOMAIN_MS), to };
}

/** Offset used to align day and week buckets to midnight in the display zone. */
export function bucketOffsetMinutes(view: ViewState, ctx: AggregateContext): number {
  return zoneOffsetMinutes(view.tz, ctx.localOffsetMinutes ?? 0);
}
