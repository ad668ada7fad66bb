import type { EventStore } from '../store/event-store';
import { familyIdOf, THROTTLE_FAMILY_ID } from '../store/ids';
import { DEFAULT_VIEW, type ViewState } from '../view-state/view-state';
import { blockedAfter, blockedIntervals, continuingBlock, type BlockedInterval, type ContinuingBlock } from './blocked-intervals';
import { bucketGrid, type BucketGrid } from './bucket-size';
import { bucketOffsetMinutes, chartDomain, type AggregateContext } from './context';
import { datedSpan, type DatedSpan } from './dated-span';
import { filterEvents } from './filter-events';

/**
 * The plan's state in a bucket, read from the error codes alone. `no-data` is time the loaded logs do not
 * speak for: before the first dated error of the view's sources, or after the last.
 */
export const PLAN_STATES = ['active', 'throttled', 'exhausted', 'expired', 'renewed', 'no-data'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/** Codes that mean the plan itself stopped (1309 Coding Plan expired, 1314 enterprise plan expired). */
const EXPIRED_CODES: ReadonlySet<string> = new Set(['1309', '1314']);
const DAY = 86_400_000;

export interface PlanRow {
  /** The bucket's start, epoch ms. */
  readonly t: number;
  readonly state: PlanState;
}

/** Buckets in a row of one state, `[from, to)` from the first one's start to the last one's end. */
export interface PlanRun {
  readonly from: number;
  readonly to: number;
  readonly state: PlanState;
}

export interface PlanTimeline {
  readonly grid: BucketGrid | null;
  readonly rows: readonly PlanRow[];
  /** The rows as runs: what the lane draws, one shape per run. */
  readonly runs: readonly PlanRun[];
  /** Whether a dated error of the view's sources falls on the lane (no: the lane says so). */
  readonly hasDatedErrors: boolean;
  /** Time blocked by quota hits (until their resets), per day of the display zone. */
  readonly blockedPerDay: readonly { readonly day: number; readonly blockedMs: number }[];
  /**
   * Of that time, how much is after the lane's last bucket: a weekly limit hit on the last day of a log blocks
   * until its reset days later, past any error in view, and the total would otherwise read as longer than the log.
   */
  readonly blockedAfterAxisMs: number;
  /** The block the view range cuts off at its end (counted up to that end only), or null. */
  readonly continuingBlock: ContinuingBlock | null;
}

const NO_TIMELINE: PlanTimeline = { grid: null, rows: [], runs: [], hasDatedErrors: false, blockedPerDay: [], blockedAfterAxisMs: 0, continuingBlock: null };

/**
 * One lane aligned with the trend chart: expired (1309/1314) until a later error shows the plan answering
 * again (renewed), exhausted while a quota hit waits for its reset, throttled where throttling codes
 * appear, active otherwise, and no data outside the span of the view's sources (see datedSpan). Only the
 * time range and sources apply: the plan's state does not depend on which codes the user is looking at.
 */
export function planTimeline(store: EventStore, view: ViewState, ctx: AggregateContext): PlanTimeline {
  const lane: ViewState = { ...DEFAULT_VIEW, range: view.range, sources: view.sources, tz: view.tz, resetOffsetMinutes: view.resetOffsetMinutes };
  const domain = chartDomain(store, lane, ctx);
  if (domain === null) return NO_TIMELINE;
  const offsetMinutes = bucketOffsetMinutes(lane, ctx);
  const grid = bucketGrid(domain, offsetMinutes);
  const marks = markBuckets(store, filterEvents(store, lane, ctx), grid);
  const blocked = blockedIntervals(store, lane, ctx).intervals;
  const rows = planRows({ grid, marks, blocked, span: datedSpan(store, lane, ctx) });
  return {
    grid,
    rows,
    runs: toPlanRuns(rows, grid.size),
    hasDatedErrors: marks.some((mark) => mark !== 0),
    blockedPerDay: perDay(blocked, offsetMinutes),
    blockedAfterAxisMs: blockedAfter(blocked, grid.start + grid.count * grid.size),
    continuingBlock: continuingBlock(blocked),
  };
}

/**
 * Buckets in a row of one state merged into one run.
 * toPlanRuns([{ t: 0, state: 'active' }, { t: 10, state: 'active' }, { t: 20, state: 'throttled' }], 10)
 *   -> [{ from: 0, to: 20, state: 'active' }, { from: 20, to: 30, state: 'throttled' }]
 */
export function toPlanRuns(rows: readonly PlanRow[], bucketMs: number): PlanRun[] {
  const runs: { from: number; to: number; state: PlanState }[] = [];
  for (const { t, state } of rows) {
    const open = runs.at(-1);
    if (open !== undefined && open.state === state && open.to === t) open.to = t + bucketMs;
    else runs.push({ from: t, to: t + bucketMs, state });
  }
  return runs;
}

interface PlanRowsInput {
  readonly grid: BucketGrid;
  readonly marks: Uint8Array;
  readonly blocked: readonly BlockedInterval[];
  readonly span: DatedSpan | null;
}

function planRows({ grid, marks, blocked, span }: PlanRowsInput): PlanRow[] {
  let wasExpired = false;
  return Array.from({ length: grid.count }, (_, b) => {
    const t = grid.start + b * grid.size;
    const isInSpan = span !== null && t <= span.last && t + grid.size > span.first;
    const isAfterSpan = span !== null && t > span.last;
    const state = stateOf({ mark: marks[b] ?? 0, wasExpired, isBlocked: overlaps(blocked, t, t + grid.size), isInSpan, isAfterSpan });
    wasExpired = state === 'expired';
    return { t, state };
  });
}

interface BucketFacts {
  readonly mark: number;
  readonly wasExpired: boolean;
  readonly isBlocked: boolean;
  readonly isInSpan: boolean;
  readonly isAfterSpan: boolean;
}

/**
 * Outside the logs' span little is known: a block holds until its reset says, and a plan that expired stays
 * expired (only a renewal ends it, and the user must make one); one that was answering may have changed, unseen.
 */
function stateOf({ mark, wasExpired, isBlocked, isInSpan, isAfterSpan }: BucketFacts): PlanState {
  if (!isInSpan) return isBlocked ? 'exhausted' : wasExpired && isAfterSpan ? 'expired' : 'no-data';
  if (mark & EXPIRED) return 'expired';
  if (wasExpired) return mark & OTHER_ERROR ? 'renewed' : 'expired';
  if (isBlocked) return 'exhausted';
  return mark & THROTTLED ? 'throttled' : 'active';
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
