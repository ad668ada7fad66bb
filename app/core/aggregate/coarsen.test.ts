import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../catalog/types';
import { bucketTrend, OTHER_CODES, TOOLTIP_CODES } from './bucket-trend';
import { coarsenPlan, coarsenRateLimits, coarsenTrend } from './coarsen';
import { planTimeline } from './plan-timeline';
import { testReset } from '../store/test-events';
import { bucketRateLimits } from './rate-limits';
import { storeOf, viewOf, type TestRow } from './test-store';

const T = Date.UTC(2026, 2, 1, 8);
const M = 60_000;
const H = 60 * M;
const ctx = { now: T + 24 * H };
/** A phone's plot (264 px) has room for 52 buckets; UTC. */
const phone = { maxBuckets: 52, offsetMinutes: 0 };
const hour = viewOf({ range: { from: T, to: T + H } });

describe('coarsenTrend', () => {
  it('an hour of 120 buckets of 30 s is 30 of 2 min on a phone, each the sum of its four', () => {
    const store = storeOf([
      [T + 5 * M, '1302'],
      [T + 6 * M + 30_000, '1308'],
      [T + 7 * M, '1302'],
      [T + 50 * M, '9999'],
    ]);
    const trend = bucketTrend(store, hour, ctx);
    const coarse = coarsenTrend(trend, phone);
    expect(coarse.grid).toEqual({ start: T, size: 2 * M, count: 30 });
    expect(coarse.rows.map((r) => r.t)).toEqual(Array.from({ length: 30 }, (_, b) => T + b * 2 * M));
    // 08:04–08:06 holds the 1302 at 08:05; 08:06–08:08 the 1308 at 08:06:30 and the 1302 at 08:07.
    expect(coarse.rows[2]).toMatchObject({ total: 1, byCode: [['1302', 1]] });
    expect(coarse.rows[3]).toMatchObject({ total: 2, byCode: [['1302', 1], ['1308', 1]] });
    expect(coarse.rows[3]?.byCategory['api-policy-block']).toBe(2);
    expect(coarse.rows[25]).toMatchObject({ total: 1, uncatalogued: 1, byCode: [['9999', 1]] });
    expect(coarse.rows.filter((r) => r.total === 0)).toHaveLength(27);
    // What is not drawn is the answer's own.
    expect(coarse).toMatchObject({ total: 4, undated: 0, outlying: 0 });
  });

  it('keeps an answer that fits as it is (the same object: a chart does not redraw for it)', () => {
    const trend = bucketTrend(storeOf([[T, '1302']]), hour, ctx);
    expect(coarsenTrend(trend, { maxBuckets: 150, offsetMinutes: 0 })).toBe(trend);
    const undated = bucketTrend(storeOf([[null, '1302']]), viewOf(), ctx);
    expect(coarsenTrend(undated, phone)).toBe(undated);
  });

  it("sums a wider bucket's codes, keeps the top ones, and adds its buckets' 'other' to its own", () => {
    // Ten codes in one 30 s bucket (the top 8 and 'other'), two more in the next: both in one bucket of 2 min.
    const rows: TestRow[] = [];
    for (let k = 0; k < 10; k += 1) for (let n = 0; n <= k; n += 1) rows.push([T, String(2000 + k)]);
    rows.push([T + 30_000, '2000'], [T + 30_000, '2000'], [T + 30_000, '2000']);
    const trend = bucketTrend(storeOf(rows), hour, ctx);
    expect(trend.rows[0]?.byCode.at(-1)).toEqual([OTHER_CODES, 1 + 2]);
    const merged = coarsenTrend(trend, phone).rows[0]?.byCode ?? [];
    expect(merged).toHaveLength(TOOLTIP_CODES + 1);
    expect(merged[0]).toEqual(['2009', 10]);
    // 2000 (3 in the second bucket; its 1 in the first is in that bucket's 'other') ties 2002 (3) and wins by its
    // name: 2002 goes to 'other', with the 3 the first bucket held there.
    expect(merged).toContainEqual(['2000', 3]);
    expect(merged).not.toContainEqual(['2002', 3]);
    expect(merged.at(-1)).toEqual([OTHER_CODES, 3 + 3]);
    expect(merged.reduce((sum, [, n]) => sum + n, 0)).toBe(55 + 3);
  });

  it('loses no error and draws no more buckets than asked for (any events, width, zone)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 * 24 * H }), fc.constantFrom('1302', '1308', '1113', '9999', null)), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 150 }),
        fc.constantFrom(0, 480, -300, 345),
        (events, maxBuckets, offsetMinutes) => {
          const trend = bucketTrend(storeOf(events.map(([dt, code]): TestRow => [T + dt, code])), viewOf(), { ...ctx, now: T + 5 * 24 * H });
          const coarse = coarsenTrend(trend, { maxBuckets, offsetMinutes });
          expect(coarse.rows.length).toBeLessThanOrEqual(maxBuckets);
          expect(coarse.rows.length).toBe(coarse.grid?.count);
          for (const key of ['total', 'uncatalogued'] as const) {
            expect(coarse.rows.reduce((sum, r) => sum + r[key], 0)).toBe(trend.rows.reduce((sum, r) => sum + r[key], 0));
          }
          for (const c of CATEGORIES) expect(coarse.rows.reduce((sum, r) => sum + r.byCategory[c], 0)).toBe(trend.rows.reduce((sum, r) => sum + r.byCategory[c], 0));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('coarsenRateLimits', () => {
  it('sums the families and every series of the buckets each wider one holds', () => {
    const store = storeOf([
      [T + 5 * M, '1302'],
      [T + 5 * M + 30_000, '1302'],
      [T + 5 * M + 45_000, '1308'],
      [T + 59 * M, '1308'],
    ]);
    const limits = bucketRateLimits(store, hour, ctx);
    const coarse = coarsenRateLimits(limits, phone);
    expect(coarse.grid).toEqual({ start: T, size: 2 * M, count: 30 });
    expect(coarse.series).toBe(limits.series);
    expect({ ...coarse.rows[2] }).toEqual({ t: T + 4 * M, throttle: 2, quota: 1, code_1302: 2, code_1308: 1, code_other: 0 });
    expect({ ...coarse.rows[29] }).toEqual({ t: T + 58 * M, throttle: 0, quota: 1, code_1302: 0, code_1308: 1, code_other: 0 });
    expect(coarse.rows.reduce((sum, r) => sum + r.throttle + r.quota, 0)).toBe(4);
    expect(coarse).toMatchObject({ throttleHits: 2, quotaHits: 2, undated: 0, outlying: 0 });
  });

  it('rows have no prototype, as the worker makes them: a series key read from a log is never inherited', () => {
    const limits = bucketRateLimits(storeOf([[T, '1302']]), hour, ctx);
    expect(Object.getPrototypeOf(coarsenRateLimits(limits, phone).rows[0])).toBeNull();
  });
});

describe('coarsenPlan', () => {
  it('puts the lane on the grid of the charts above and below it, each wider bucket in the state that matters most', () => {
    // A 1302 at 08:05 (throttled) and a 1308 at 08:07 with its reset 08:07:40 (exhausted until then), in an hour.
    const store = storeOf([
      [T + 5 * M, '1302'],
      [T + 7 * M, '1308', { reset: testReset(T + 7 * M + 40_000) }],
      [T + 59 * M, '1302'],
    ]);
    const plan = planTimeline(store, hour, ctx);
    const trend = bucketTrend(store, hour, ctx);
    expect(plan.grid).toEqual(trend.grid);
    const coarse = coarsenPlan(plan, phone);
    expect(coarse.grid).toEqual(coarsenTrend(trend, phone).grid);
    expect(coarse.rows.map((r) => r.t)).toEqual(coarsenTrend(trend, phone).rows.map((r) => r.t));
    // 08:04–08:06 throttled; 08:06–08:08 holds the quota hit: exhausted, though its first 30 s were active.
    expect(coarse.rows[2]?.state).toBe('throttled');
    expect(coarse.rows[3]?.state).toBe('exhausted');
    expect(coarse.rows[10]?.state).toBe('active');
    // The runs are the wider rows', one per stretch of one state, end to end over the grid (no data before the first error).
    expect(coarse.runs.map((run) => run.state)).toEqual(['no-data', 'throttled', 'exhausted', 'active', 'throttled']);
    expect(coarse.runs[0]?.from).toBe(coarse.grid?.start);
    expect(coarse.runs.at(-1)?.to).toBe((coarse.grid?.start ?? 0) + (coarse.grid?.count ?? 0) * (coarse.grid?.size ?? 0));
    // What the lane says beside its runs is its own.
    expect(coarse.blockedPerDay).toEqual(plan.blockedPerDay);
    expect(coarsenPlan(plan, { maxBuckets: 150, offsetMinutes: 0 })).toBe(plan);
  });
});
