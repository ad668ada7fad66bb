import { describe, expect, it } from 'vitest';
import { testReset } from '../store/test-events';
import type { ViewState } from '../view-state/view-state';
import { planTimeline, toPlanRuns, type PlanRow, type PlanState, type PlanTimeline } from './plan-timeline';
import { storeOf, viewOf, type TestRow } from './test-store';

const T = Date.UTC(2026, 10, 23, 0);
const H = 3_600_000;
const M = 60_000;
const ctx = { now: T + 48 * H };
// Buckets of minutes over a day.
const dayView = viewOf({ range: { from: T, to: T + 24 * H }, tz: 'utc' });
// An error at each end of the day: the logs speak for all of it.
const DAY_ENDS: TestRow[] = [[T, '1210'], [T + 24 * H - M, '1210']];

const timelineOf = (rows: readonly TestRow[], view: ViewState = dayView): PlanTimeline => planTimeline(storeOf(rows), view, ctx);
/** The state of the bucket holding `t`. */
const stateAt = (timeline: PlanTimeline, t: number): PlanState | undefined => timeline.rows.find((r) => r.t <= t && t < r.t + (timeline.grid?.size ?? 0))?.state;
const statesOf = (timeline: PlanTimeline): PlanState[] => timeline.rows.map((r) => r.state);
/** An instant in the bucket after the one holding `t`. */
const bucketAfter = (timeline: PlanTimeline, t: number): number => t + (timeline.grid?.size ?? 0);

describe('planTimeline', () => {
  it('is active with no errors and throttled where throttling codes appear', () => {
    const timeline = timelineOf([...DAY_ENDS, [T + 2 * H + M, '1302'], [T + 3 * H, '1210']]);
    expect(stateAt(timeline, T + H)).toBe('active');
    expect(stateAt(timeline, T + 2 * H + M)).toBe('throttled');
    expect(stateAt(timeline, T + 3 * H)).toBe('active');
  });

  it('is exhausted from a quota hit until its reset', () => {
    const timeline = timelineOf([...DAY_ENDS, [T + 4 * H, '1308', { reset: testReset(T + 6 * H) }]]);
    expect(stateAt(timeline, T + 3 * H)).toBe('active');
    expect(stateAt(timeline, T + 4 * H + 1)).toBe('exhausted');
    expect(stateAt(timeline, T + 5 * H + 30 * M)).toBe('exhausted');
    expect(stateAt(timeline, T + 6 * H + 30 * M)).toBe('active');
    expect(timeline.blockedPerDay).toEqual([{ day: T, blockedMs: 2 * H }]);
  });

  it('stays expired after a 1309 until another error shows the plan answering again', () => {
    const timeline = timelineOf([...DAY_ENDS, [T + 2 * H, '1309'], [T + 2 * H + M, '1309'], [T + 8 * H, '1302']]);
    expect(stateAt(timeline, T + H)).toBe('active');
    expect(stateAt(timeline, T + 2 * H)).toBe('expired');
    expect(stateAt(timeline, T + 5 * H)).toBe('expired');
    expect(stateAt(timeline, T + 8 * H)).toBe('renewed');
    expect(stateAt(timeline, T + 9 * H)).toBe('active');
  });

  it('ignores the code and category filters: the plan state is the same whatever the user looks at', () => {
    const rows: TestRow[] = [...DAY_ENDS, [T + 2 * H, '1302']];
    expect(statesOf(timelineOf(rows, { ...dayView, codes: ['1210'] }))).toEqual(statesOf(timelineOf(rows)));
    expect(statesOf(timelineOf(rows))).toContain('throttled');
  });

  it("says how much of the blocked time is after the lane's last bucket", () => {
    // All data: a day of errors ending in a weekly limit that resets three days later.
    const late = T + 23 * H;
    const weekly = timelineOf([[T, '1302'], [late, '1310', { reset: testReset(late + 72 * H) }]], viewOf({ tz: 'utc' }));
    const axisEnd = (weekly.grid?.start ?? 0) + (weekly.grid?.count ?? 0) * (weekly.grid?.size ?? 0);
    expect(axisEnd).toBeLessThan(late + 2 * H);
    expect(weekly.blockedPerDay.reduce((sum, d) => sum + d.blockedMs, 0)).toBe(72 * H);
    expect(weekly.blockedAfterAxisMs).toBe(late + 72 * H - axisEnd);
    // Over all data nothing is clipped: nothing continues beyond the range.
    expect(weekly.continuingBlock).toBeNull();
    // A range that ends before the reset counts only its own part of the block: nothing after its last bucket.
    expect(timelineOf([[late, '1308', { reset: testReset(late + 3 * H) }]]).blockedAfterAxisMs).toBe(0);
  });

  it('splits blocked time across days in the display zone', () => {
    const late = T + 23 * H;
    const timeline = timelineOf([[late, '1308', { reset: testReset(late + 3 * H) }]], viewOf({ range: { from: T, to: T + 48 * H }, tz: 'utc' }));
    expect(timeline.blockedPerDay).toEqual([
      { day: T, blockedMs: H },
      { day: T + 24 * H, blockedMs: 2 * H },
    ]);
  });
});

describe('planTimeline: time the logs do not speak for', () => {
  it('is no data before the first dated error of the sources and after their last', () => {
    const timeline = timelineOf([[T + 6 * H, '1210'], [T + 10 * H, '1302'], [T + 18 * H, '1210']]);
    expect(stateAt(timeline, T)).toBe('no-data');
    expect(stateAt(timeline, T + 6 * H - M)).toBe('no-data');
    expect(stateAt(timeline, T + 6 * H)).toBe('active');
    expect(stateAt(timeline, T + 10 * H)).toBe('throttled');
    expect(stateAt(timeline, T + 18 * H)).toBe('active');
    expect(stateAt(timeline, bucketAfter(timeline, T + 18 * H))).toBe('no-data');
    expect(timeline.hasDatedErrors).toBe(true);
  });

  it('is no data over the whole range when the view holds no dated error', () => {
    const rows: TestRow[] = [[T - 48 * H, '1210'], [T + 30 * H, '1302'], [null, '1308']];
    // A linked source that is not loaded, and a store with nothing dated.
    for (const timeline of [timelineOf(rows, { ...dayView, sources: ['7'] }), timelineOf([[null, '1302']])]) {
      expect(new Set(statesOf(timeline))).toEqual(new Set(['no-data']));
      expect(timeline.runs).toEqual([{ from: timeline.grid?.start, to: T + 24 * H, state: 'no-data' }]);
      expect(timeline.hasDatedErrors).toBe(false);
    }
  });

  it('is active over a quiet range inside the logs: they were written, with no error', () => {
    const timeline = timelineOf([[T - 48 * H, '1210'], [T + 30 * H, '1302']]);
    expect(new Set(statesOf(timeline))).toEqual(new Set(['active']));
    expect(timeline.hasDatedErrors).toBe(false);
  });

  it("reads the span of the view's sources only", () => {
    const rows: TestRow[] = [[T + 2 * H, '1210', {}, 1], [T + 4 * H, '1210', {}, 1], [T + H, '1302', {}, 2], [T + 20 * H, '1302', {}, 2]];
    const one = timelineOf(rows, { ...dayView, sources: ['1'] });
    expect([T + H + 30 * M, T + 2 * H, T + 4 * H, bucketAfter(one, T + 4 * H)].map((t) => stateAt(one, t))).toEqual(['no-data', 'active', 'active', 'no-data']);
  });

  it('stays exhausted after the last error until the reset: the reset says until when', () => {
    const timeline = timelineOf([[T + 2 * H, '1210'], [T + 4 * H, '1308', { reset: testReset(T + 7 * H) }]]);
    expect(stateAt(timeline, T + 6 * H)).toBe('exhausted');
    expect(stateAt(timeline, bucketAfter(timeline, T + 7 * H))).toBe('no-data');
  });

  it('stays expired after a last error that expired the plan: only a renewal ends it, and none is seen', () => {
    const timeline = timelineOf([[T + 2 * H, '1210'], [T + 4 * H, '1309']]);
    expect(stateAt(timeline, T + 4 * H)).toBe('expired');
    expect(stateAt(timeline, T + 5 * H)).toBe('expired');
    expect(stateAt(timeline, T + 23 * H)).toBe('expired');
    // Before the logs begin, nothing is known.
    expect(stateAt(timeline, T + H)).toBe('no-data');
  });
});

describe('planTimeline: a range shorter than a block', () => {
  // Four minutes, one-second buckets; a 5-hour limit hit 30 s before the end, resetting 3 h later.
  const from = T + 10 * H;
  const hitAt = from + 3 * M + 30_000;
  const resetAt = hitAt + 3 * H + 17 * M;
  const narrow = viewOf({ range: { from, to: from + 4 * M }, tz: 'utc' });
  const timeline = timelineOf([[T, '1210'], [hitAt, '1308', { reset: testReset(resetAt) }]], narrow);

  it('counts the blocked time in the range, and names the block the range cuts off', () => {
    expect(timeline.blockedPerDay).toEqual([{ day: T, blockedMs: 30_000 }]);
    expect(timeline.continuingBlock).toEqual({ until: resetAt, beyondMs: resetAt - (from + 4 * M) });
    expect(timeline.blockedAfterAxisMs).toBe(0);
  });

  it('draws the hit and the rest of the range as two runs', () => {
    expect(timeline.runs).toEqual([
      { from, to: hitAt, state: 'active' },
      { from: hitAt, to: from + 4 * M, state: 'exhausted' },
    ]);
  });
});

describe('toPlanRuns', () => {
  const rowsOf = (states: PlanState[]): PlanRow[] => states.map((state, i) => ({ t: i * 10, state }));

  it.each<[string, PlanState[], [number, number, PlanState][]]>([
    ['no rows, no runs', [], []],
    ['one bucket', ['active'], [[0, 10, 'active']]],
    ['equal states merge', ['active', 'active', 'active'], [[0, 30, 'active']]],
    [
      'each change of state starts a run',
      ['no-data', 'active', 'active', 'throttled', 'active', 'no-data'],
      [[0, 10, 'no-data'], [10, 30, 'active'], [30, 40, 'throttled'], [40, 50, 'active'], [50, 60, 'no-data']],
    ],
  ])('%s', (_name, states, expected) => {
    expect(toPlanRuns(rowsOf(states), 10).map((r) => [r.from, r.to, r.state])).toEqual(expected);
  });

  it('covers the lane end to end, each run a different state from the one before', () => {
    const timeline = timelineOf([[T + 2 * H, '1210'], [T + 3 * H, '1302'], [T + 4 * H, '1308', { reset: testReset(T + 9 * H) }], [T + 12 * H, '1210']]);
    const { start, size, count } = timeline.grid ?? { start: 0, size: 0, count: 0 };
    expect(timeline.runs[0]?.from).toBe(start);
    expect(timeline.runs.at(-1)?.to).toBe(start + count * size);
    timeline.runs.slice(1).forEach((run, i) => {
      expect(run.from).toBe(timeline.runs[i]?.to);
      expect(run.state).not.toBe(timeline.runs[i]?.state);
    });
    expect(timeline.runs.map((r) => r.state)).toEqual(['no-data', 'active', 'throttled', 'active', 'exhausted', 'active', 'no-data']);
  });
});
