import { describe, expect, it } from 'vitest';
import { testReset } from '../store/test-events';
import { planTimeline, type PlanState } from './plan-timeline';
import { storeOf, viewOf, type TestRow } from './test-store';

const T = Date.UTC(2026, 10, 23, 0);
const H = 3_600_000;
const ctx = { now: T + 48 * H };
// One-hour buckets over a day, so each row below is one hour.
const dayView = viewOf({ range: { from: T, to: T + 24 * H }, tz: 'utc' });

const statesOf = (rows: readonly TestRow[]): PlanState[] => planTimeline(storeOf(rows), dayView, ctx).rows.map((r) => r.state);
const hourly = (states: PlanState[]) => states.filter((_, i) => i % 12 === 0);

describe('planTimeline', () => {
  it('is active with no errors and throttled where throttling codes appear', () => {
    const states = statesOf([[T + 2 * H + 60_000, '1302'], [T + 3 * H, '1210']]);
    expect(states.length).toBeGreaterThan(20);
    const hourOf = (h: number) => states[Math.floor((h * states.length) / 24)];
    expect(hourOf(0)).toBe('active');
    expect(hourOf(2)).toBe('throttled');
    expect(hourOf(3)).toBe('active');
  });

  it('is exhausted from a quota hit until its reset', () => {
    const timeline = planTimeline(storeOf([[T + 4 * H, '1308', { reset: testReset(T + 6 * H) }]]), dayView, ctx);
    const at = (t: number) => timeline.rows.find((r) => r.t <= t && t < r.t + (timeline.grid?.size ?? 0))?.state;
    expect(at(T + 3 * H)).toBe('active');
    expect(at(T + 4 * H + 1)).toBe('exhausted');
    expect(at(T + 5 * H + 30 * 60_000)).toBe('exhausted');
    expect(at(T + 6 * H + 30 * 60_000)).toBe('active');
    expect(timeline.blockedPerDay).toEqual([{ day: T, blockedMs: 2 * H }]);
  });

  it('stays expired after a 1309 until another error shows the plan answering again', () => {
    const timeline = planTimeline(storeOf([[T + 2 * H, '1309'], [T + 2 * H + 60_000, '1309'], [T + 8 * H, '1302']]), dayView, ctx);
    const at = (t: number) => timeline.rows.find((r) => r.t <= t && t < r.t + (timeline.grid?.size ?? 0))?.state;
    expect(at(T + H)).toBe('active');
    expect(at(T + 2 * H)).toBe('expired');
    expect(at(T + 5 * H)).toBe('expired');
    expect(at(T + 8 * H)).toBe('renewed');
    expect(at(T + 9 * H)).toBe('active');
  });

  it('ignores the code and category filters: the plan state is the same whatever the user looks at', () => {
    const rows: TestRow[] = [[T + 2 * H, '1302']];
    const filtered = planTimeline(storeOf(rows), { ...dayView, codes: ['1210'] }, ctx);
    expect(filtered.rows.map((r) => r.state)).toEqual(statesOf(rows));
    expect(hourly(statesOf(rows))).toContain('throttled');
  });

  it('says how much of the blocked time is after the lane\'s last bucket', () => {
    // All data: a day of errors ending in a weekly limit that resets three days later.
    const late = T + 23 * H;
    const weekly = planTimeline(storeOf([[T, '1302'], [late, '1310', { reset: testReset(late + 72 * H) }]]), viewOf({ tz: 'utc' }), ctx);
    const axisEnd = (weekly.grid?.start ?? 0) + (weekly.grid?.count ?? 0) * (weekly.grid?.size ?? 0);
    expect(axisEnd).toBeLessThan(late + 2 * H);
    expect(weekly.blockedPerDay.reduce((sum, d) => sum + d.blockedMs, 0)).toBe(72 * H);
    expect(weekly.blockedAfterAxisMs).toBe(late + 72 * H - axisEnd);
    // A range that ends before the reset counts only its own part of the block: nothing after its last bucket.
    expect(planTimeline(storeOf([[late, '1308', { reset: testReset(late + 3 * H) }]]), dayView, ctx).blockedAfterAxisMs).toBe(0);
  });

  it('splits blocked time across days in the display zone', () => {
    const late = T + 23 * H;
    const timeline = planTimeline(storeOf([[late, '1308', { reset: testReset(late + 3 * H) }]]), viewOf({ range: { from: T, to: T + 48 * H }, tz: 'utc' }), ctx);
    expect(timeline.blockedPerDay).toEqual([
      { day: T, blockedMs: H },
      { day: T + 24 * H, blockedMs: 2 * H },
    ]);
  });
});
