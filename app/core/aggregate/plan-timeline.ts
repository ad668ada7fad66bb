import type { EventStore } from '../store/event-store';
import { familyIdOf, THROTTLE_FAMILY_ID } from '../store/ids';
import { DEFAULT_VIEW, type ViewState } from '../view-state/view-state';
import { blockedAfter, blockedIntervals, type BlockedInterval } from './blocked-intervals';
import { bucketGrid, type BucketGrid } from './bucket-size';
import { bucketOffsetMinutes, chartDomain, type AggregateContext } from './context';
import { filterEvents } from './filter-events';

/** The plan's state in a bucket, read from the error codes alone. */
export const PLAN_STATES = ['active', 'throttled', 'exhausted', 'expired', 'renewed'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/** Codes that mean the plan itself stopped (1309 Coding Plan expired, 1314 enterprise plan expired). */
const EXPIRED_CODES: ReadonlySet<string> = new Set(['1309', '1314']);
const DAY = 86_400_000;

export interface PlanTimeline {
  readonly grid: BucketGrid | null;
  readonly rows: readonly { readonly t: number; readonly state: PlanState }[];
  /** Time blocked by quota hits (until their resets), per day of the display zone. */
  readonly blockedPerDay: readonly { readonly day: number; readonly blockedMs: number }[];
  /**
   * Of that time, how much is after the lane's last bucket: a weekly limit hit on the last day of a log blocks
   * until its reset days later, past any error in view, and the total would otherwise read as longer than the log.
   */
  readonly blockedAfterAxisMs: number;
}

/**
 * One lane aligned with the trend chart: expired (1309/1314) until a later error shows the plan answering
 * again (renewed), exhausted while a quota hit waits for its reset, throttled where throttling codes
 * appear, active otherwise. Only the time range and sources apply: the plan's state does not depend on
 * which codes the user is looking at.
 */
export function planTimeline(store: EventStore, view: ViewState, ctx: AggregateContext): PlanTimeline {
  const lane: ViewState = { ...DEFAULT_VIEW, range: view.range, sources: view.sources, tz: view.tz, resetOffsetMinutes: view.resetOffsetMinutes };
  const domain = chartDomain(store, lane, ctx);
  if (domain === null) return { grid: null, rows: [], blockedPerDay: [], blockedAfterAxisMs: 0 };
  const grid = bucketGrid(domain, bucketOffsetMinutes(lane, ctx));
  const marks = markBuckets(store, filterEvents(store, lane, ctx), grid);
  const blocked = blockedIntervals(store, lane, ctx).intervals;
  let expired = false;
  const rows = Array.from({ length: grid.count }, (_, b) => {
    const t = grid.start + b * grid.size;
    const mark = marks[b] ?? 0;
    let state: PlanState;
    if (mark & EXPIRED) state = 'expired';
    else if (expired && mark & OTHER_ERROR) state = 'renewed';
    else if (expired) state = 'expired';
    else if (overlaps(blocked, t, t + grid.size)) state = 'exhausted';
    else state = mark & THROTTLED ? 'throttled' : 'active';
    expired = state === 'expired';
    return { t, state };
  });
  const blockedAfterAxisMs = blockedAfter(blocked, grid.start + grid.count * grid.size);
  return { grid, rows, blockedPerDay: perDay(blocked, bucketOffsetMinutes(lane, ctx)), blockedAfterAxisMs };
}

const EXPIRED = 1;
const THROTTLED = 2;
const OTHER_ERROR = 4;

function markBuckets(store: EventStore, indices: Uint32Array, grid: BucketGrid): Uint8Array {
  const marks = new Uint8Array(grid.count);
  const { time, code, classes } = store.columns;
  // Per code id, once, instead of a string lookup per event.
  const expiredCode = Uint8Array.from(store.codes.values, (value) => (EXPIRED_CODES.has(value) ? 1 : 0));
  for (let k = 0; k < indices.length; k += 1) {
    const i = indices[k] ?? 0;
    const t = time[i] ?? NaN;
    if (Number.isNaN(t) || t < grid.start || t >= grid.start + grid.count * grid.size) continue;
    const b = Math.floor((t - grid.start) / grid.size);
    const isExpired = expiredCode[code[i] ?? 0] === 1;
    const f = familyIdOf(classes[i] ?? 0);
    marks[b] = (marks[b] ?? 0) | (isExpired ? EXPIRED : OTHER_ERROR) | (f === THROTTLE_FAMILY_ID ? THROTTLED : 0);
  }
  return marks;
}

function overlaps(intervals: readonly BlockedInterval[], from: number, to: number): boolean {
  return intervals.some((i) => i.from < to && i.to > from);
}

/** Blocked milliseconds per day, days starting at midnight of the display zone. */
function perDay(intervals: readonly BlockedInterval[], offsetMinutes: number): { day: number; blockedMs: number }[] {
  const shift = offsetMinutes * 60_000;
  const days = new Map<number, number>();
  for (const { from, to } of intervals) {
    for (let day = Math.floor((from + shift) / DAY) * DAY - shift; day < to; day += DAY) {
      const overlap = Math.min(to, day + DAY) - Math.max(from, day);
      if (overlap > 0) days.set(day, (days.get(day) ?? 0) + overlap);
    }
  }
  return [...days].sort((a, b) => a[0] - b[0]).map(([day, blockedMs]) => ({ day, blockedMs }));
}
