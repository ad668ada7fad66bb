import { describe, expect, it } from 'vitest';
import { appendEvent } from '../store/event-store';
import { testEvent, testReset } from '../store/test-events';
import { blockedIntervals } from './blocked-intervals';
import { bucketRateLimits } from './rate-limits';
import { bucketTrend } from './bucket-trend';
import { chartDomain, filterRange, latestDated } from './context';
import { filterEvents } from './filter-events';
import { MAX_BUCKETS } from './bucket-size';
import { planTimeline } from './plan-timeline';
import { denseExtent, EARLIEST_PLAUSIBLE, FUTURE_OUTLIER_MS, listOutlyingInstants, OUTLIERS_LISTED } from './outlying-dates';
import { storeOf, viewOf, type TestRow } from './test-store';

const T = Date.UTC(2026, 10, 27, 10);
const M = 60_000;
const H = 60 * M;
const EPOCH_DEFAULT = 0;
const YEAR_9999 = Date.UTC(9999, 11, 31, 23, 59, 59);
const ctx = { now: T + 24 * H };

/** A day of errors, one every 10 minutes from T. */
const day = (n = 144, code = '1302'): TestRow[] => Array.from({ length: n }, (_, k): TestRow => [T + k * 10 * M, code]);

describe('denseExtent (RELIABILITY E6)', () => {
  const now = ctx.now;

  it('sets a 1970 default and a year-9999 stamp apart from a day of errors', () => {
    const store = storeOf([[EPOCH_DEFAULT, '1302'], ...day(), [YEAR_9999, '1308']]);
    expect(denseExtent(store, now)).toEqual({ from: T, to: T + 143 * 10 * M, outliers: 2 });
  });

  it('keeps every plausible date, however far apart: the newest errors months after the others stay on the axis', () => {
    const january = Array.from({ length: 1000 }, (_, k): TestRow => [Date.UTC(2026, 0, 15) + k * M, '1302']);
    const today = Array.from({ length: 8 }, (_, k): TestRow => [T + k * M, '1308']);
    expect(denseExtent(storeOf([...january, ...today]), now)).toEqual({ from: Date.UTC(2026, 0, 15), to: T + 7 * M, outliers: 0 });
    const monthly = Array.from({ length: 36 }, (_, k): TestRow => [T - k * 30 * 24 * H, '1302']);
    expect(denseExtent(storeOf(monthly), now)?.outliers).toBe(0);
  });

  it(`keeps a clock a few days ahead on the axis; sets apart one more than ${FUTURE_OUTLIER_MS / (24 * H)} days ahead`, () => {
    expect(denseExtent(storeOf([...day(20), [now + 3 * 24 * H, '1302']]), now)?.outliers).toBe(0);
    expect(denseExtent(storeOf([...day(20), [now + FUTURE_OUTLIER_MS + H, '1302']]), now)?.outliers).toBe(1);
  });

  it('sets apart a stamp just before 2020, not one just after', () => {
    expect(denseExtent(storeOf([[EARLIEST_PLAUSIBLE - 1, '1302'], ...day(3)]), now)).toMatchObject({ from: T, outliers: 1 });
    expect(denseExtent(storeOf([[EARLIEST_PLAUSIBLE, '1302'], ...day(3)]), now)).toMatchObject({ from: EARLIEST_PLAUSIBLE, outliers: 0 });
  });

  it('sets apart only a minority: a log whose clock mostly said 1970 is drawn as it is', () => {
    const defaults = Array.from({ length: 5 }, (_, k): TestRow => [EPOCH_DEFAULT + k * 1000, '1302']);
    expect(denseExtent(storeOf([...defaults, ...day(5)]), now)?.outliers).toBe(0);
    expect(denseExtent(storeOf([...defaults, ...day(6)]), now)).toMatchObject({ from: T, outliers: 5 });
    // Two stamps of 2099 (a clock ahead) and one of today: the two are not fewer.
    expect(denseExtent(storeOf([[Date.UTC(2099, 0, 1), '1302'], [T, '1302'], [Date.UTC(2099, 5, 1), '1302']]), now)?.outliers).toBe(0);
    expect(denseExtent(storeOf([[EPOCH_DEFAULT, '1302'], [T, '1302']]), now)?.outliers).toBe(0);
  });

  it('is null when nothing is dated, and follows the store as it changes', () => {
    const store = storeOf([[null, '1302']]);
    expect(denseExtent(store, now)).toBeNull();
    for (const [ts, code] of day(3)) appendEvent(store, testEvent({ ts, code }), 0);
    expect(denseExtent(store, now)?.outliers).toBe(0);
    appendEvent(store, testEvent({ ts: YEAR_9999, code: '1302' }), 0);
    expect(denseExtent(store, now)).toEqual({ from: T, to: T + 20 * M, outliers: 1 });
  });
});

describe('charts of "all data" with outlying dates', () => {
  const store = storeOf([[EPOCH_DEFAULT, '1302'], [EPOCH_DEFAULT, '1308'], ...day(), [YEAR_9999, '1308'], [null, '1302']]);
  const all = viewOf();

  it('draw the day, not fifty-six years: the axis is the bulk, the outliers are counted and named', () => {
    const domain = chartDomain(store, all, ctx);
    expect(domain).toEqual({ from: T, to: T + 143 * 10 * M + 1 });
    const trend = bucketTrend(store, all, ctx);
    expect(trend.grid?.size).toBe(15 * M);
    expect(trend.rows.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(trend.rows.reduce((sum, row) => sum + row.total, 0)).toBe(144);
    expect(trend).toMatchObject({ total: 148, undated: 1, outlying: 3 });
    expect(trend.outlyingInstants).toEqual([{ t: EPOCH_DEFAULT, count: 2 }, { t: YEAR_9999, count: 1 }]);
  });

  it('keep the outliers in the totals and the event list', () => {
    expect(filterEvents(store, all, ctx)).toHaveLength(148);
    expect(filterRange(store, all, ctx)).toBeNull();
  });

  it('count throttle and quota hits off the axis instead of piling them on its edges', () => {
    const limits = bucketRateLimits(store, all, ctx);
    expect(limits).toMatchObject({ throttleHits: 146, quotaHits: 2, undated: 1, outlying: 3 });
    const drawn = limits.rows.reduce((sum, row) => sum + row.throttle + row.quota, 0);
    expect(drawn).toBe(144);
    expect(limits.rows[0]?.throttle).toBe(2); // 00:00 and 00:10, in a bucket of 15 min
  });

  it('anchor "last hour" on the latest error of the bulk, not on a year-9999 stamp', () => {
    expect(latestDated(store, ctx.now)).toBe(T + 143 * 10 * M);
    const lastHour = filterEvents(store, viewOf({ range: 'last-1h' }), ctx);
    // The errors of 23:00 to 23:50, every ten minutes (the hour ends at the latest, included).
    expect([...lastHour].map((i) => store.columns.time[i])).toEqual(Array.from({ length: 6 }, (_, k) => T + (138 + k) * 10 * M));
  });

  it('leave a quota hit of an outlying date out of the time blocked, as out of the charts', () => {
    const blocking = storeOf([...day(), [EPOCH_DEFAULT, '1308', { reset: testReset(EPOCH_DEFAULT + 5 * H) }], [T, '1308', { reset: testReset(T + H) }]]);
    expect(blockedIntervals(blocking, all, ctx).intervals.map((i) => [i.from, i.to])).toEqual([[T, T + H]]);
    // Within a range that holds it, it blocks as any hit does.
    expect(blockedIntervals(blocking, viewOf({ range: { from: 0, to: T } }), ctx).intervals.map((i) => [i.from, i.to])).toEqual([[EPOCH_DEFAULT, EPOCH_DEFAULT + 5 * H]]);
  });

  it('draw the plan lane over the same axis', () => {
    const lane = planTimeline(store, all, ctx);
    expect(lane.grid).toEqual(bucketTrend(store, all, ctx).grid);
  });

  it('leave an explicit range as chosen: its events are all on its axis', () => {
    const range = { from: 0, to: YEAR_9999 + 1 };
    const trend = bucketTrend(store, viewOf({ range }), ctx);
    expect(trend).toMatchObject({ outlying: 0, undated: 0 });
    expect(trend.rows.reduce((sum, row) => sum + row.total, 0)).toBe(147);
    expect(trend.rows.length).toBeLessThanOrEqual(MAX_BUCKETS);
  });
});

describe('listOutlyingInstants', () => {
  it(`names the first ${OUTLIERS_LISTED} instants of the outliers in view, grouped`, () => {
    const defaults = Array.from({ length: 8 }, (_, k): TestRow => [EPOCH_DEFAULT + k * 1000, '1302']);
    const store = storeOf([...defaults, ...day(1000), [YEAR_9999, '1302']]);
    const listed = listOutlyingInstants(store, filterEvents(store, viewOf(), ctx), denseExtent(store, ctx.now));
    expect(listed).toHaveLength(OUTLIERS_LISTED);
    expect(listed[0]).toEqual({ t: EPOCH_DEFAULT, count: 1 });
  });

  it('lists only the outliers among the events given', () => {
    const store = storeOf([[EPOCH_DEFAULT, '1308'], ...day(), [YEAR_9999, '1302']]);
    const throttling = filterEvents(store, viewOf({ codes: ['1302'] }), ctx);
    expect(listOutlyingInstants(store, throttling, denseExtent(store, ctx.now))).toEqual([{ t: YEAR_9999, count: 1 }]);
  });
});
