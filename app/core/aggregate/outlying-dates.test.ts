import { describe, expect, it } from 'vitest';
import { appendEvent } from '../store/event-store';
import { testEvent } from '../store/test-events';
import { bucketRateLimits } from './rate-limits';
import { bucketTrend } from './bucket-trend';
import { chartDomain, filterRange, latestDated } from './context';
import { filterEvents } from './filter-events';
import { MAX_BUCKETS } from './bucket-size';
import { planTimeline } from './plan-timeline';
import { denseExtent, listOutlyingInstants, OUTLIER_GAP_MS, OUTLIER_MIN_DATED, OUTLIERS_LISTED } from './outlying-dates';
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
  it('sets a 1970 default and a year-9999 stamp apart from a day of errors', () => {
    const store = storeOf([[EPOCH_DEFAULT, '1302'], ...day(), [YEAR_9999, '1308']]);
    expect(denseExtent(store)).toEqual({ from: T, to: T + 143 * 10 * M, outliers: 2 });
  });

  it('keeps every date when the span is under the gap, however sparse', () => {
    const store = storeOf([[T, '1302'], [T + OUTLIER_GAP_MS - 1, '1302']]);
    expect(denseExtent(store)).toEqual({ from: T, to: T + OUTLIER_GAP_MS - 1, outliers: 0 });
  });

  it('keeps a long log whose errors never pause for half a year', () => {
    const monthly = Array.from({ length: 36 }, (_, k): TestRow => [T - k * 30 * 24 * H, '1302']);
    expect(denseExtent(storeOf(monthly))?.outliers).toBe(0);
  });

  it('keeps two real periods of a log: a tail larger than 1% (or three errors) is not an outlier', () => {
    const lastYear = Array.from({ length: 10 }, (_, k): TestRow => [T - 365 * 24 * H + k * M, '1302']);
    const store = storeOf([...lastYear, ...day(144)]);
    expect(denseExtent(store)).toEqual({ from: T - 365 * 24 * H, to: T + 143 * 10 * M, outliers: 0 });
  });

  it('sets apart several default stamps at one end, up to 1% of the dated errors', () => {
    const defaults = Array.from({ length: 5 }, (): TestRow => [EPOCH_DEFAULT, '1302']);
    const store = storeOf([...defaults, ...day(500)]);
    expect(denseExtent(store)).toMatchObject({ from: T, outliers: 5 });
  });

  it(`cannot tell a bulk from its tails in fewer than ${OUTLIER_MIN_DATED} dated errors, so keeps them all`, () => {
    expect(denseExtent(storeOf([[EPOCH_DEFAULT, '1302'], [T, '1302']]))?.outliers).toBe(0);
    // Two stamps of 2099 (a clock ahead) and one of today: no side is the outlier.
    expect(denseExtent(storeOf([[Date.UTC(2099, 0, 1), '1302'], [T, '1302'], [Date.UTC(2099, 5, 1), '1302']]))?.outliers).toBe(0);
    expect(denseExtent(storeOf([[EPOCH_DEFAULT, '1302'], ...day(OUTLIER_MIN_DATED - 2)]))?.outliers).toBe(0);
    expect(denseExtent(storeOf([[EPOCH_DEFAULT, '1302'], ...day(OUTLIER_MIN_DATED - 1)]))?.outliers).toBe(1);
  });

  it('is null when nothing is dated, and follows the store as it changes', () => {
    const store = storeOf([[null, '1302']]);
    expect(denseExtent(store)).toBeNull();
    for (const [ts, code] of day(10)) appendEvent(store, testEvent({ ts, code }), 0);
    expect(denseExtent(store)?.outliers).toBe(0);
    appendEvent(store, testEvent({ ts: YEAR_9999, code: '1302' }), 0);
    expect(denseExtent(store)).toEqual({ from: T, to: T + 90 * M, outliers: 1 });
  });
});

describe('charts of "all data" with outlying dates', () => {
  const store = storeOf([[EPOCH_DEFAULT, '1302'], [EPOCH_DEFAULT, '1308'], ...day(), [YEAR_9999, '1308'], [null, '1302']]);
  const all = viewOf();

  it('draw the day, not fifty-six years: the axis is the bulk, the outliers are counted and named', () => {
    const domain = chartDomain(store, all, ctx);
    expect(domain).toEqual({ from: T, to: T + 143 * 10 * M + 1 });
    const trend = bucketTrend(store, all, ctx);
    expect(trend.grid?.size).toBe(5 * M);
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
    expect(limits.rows[0]?.throttle).toBe(1);
  });

  it('anchor "last hour" on the latest error of the bulk, not on a year-9999 stamp', () => {
    expect(latestDated(store)).toBe(T + 143 * 10 * M);
    const lastHour = filterEvents(store, viewOf({ range: 'last-1h' }), ctx);
    expect(lastHour.length).toBeGreaterThan(0);
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
    const listed = listOutlyingInstants(store, filterEvents(store, viewOf(), ctx), denseExtent(store));
    expect(listed).toHaveLength(OUTLIERS_LISTED);
    expect(listed[0]).toEqual({ t: EPOCH_DEFAULT, count: 1 });
  });

  it('lists only the outliers among the events given', () => {
    const store = storeOf([[EPOCH_DEFAULT, '1308'], ...day(), [YEAR_9999, '1302']]);
    const throttling = filterEvents(store, viewOf({ codes: ['1302'] }), ctx);
    expect(listOutlyingInstants(store, throttling, denseExtent(store))).toEqual([{ t: YEAR_9999, count: 1 }]);
  });
});
