import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../catalog/types';
import { bucketTrend, toTrendChartRows, topWithOther } from './bucket-trend';
import { filterEvents } from './filter-events';
import { storeOf, viewOf, type TestRow } from './test-store';

const T = Date.UTC(2026, 2, 1, 8);
const M = 60_000;
const H = 60 * M;
const ctx = { now: T + 24 * H };

describe('bucketTrend', () => {
  it('gap-fills the view range and counts per category and code', () => {
    const store = storeOf([
      [T + 5 * M, '1302'],
      [T + 6 * M, '1308'],
      [T + 6 * M, '1302'],
      [T + 50 * M, '9999'],
    ]);
    const trend = bucketTrend(store, viewOf({ range: { from: T, to: T + H } }), ctx);
    expect(trend.grid).toEqual({ start: T, size: 30_000, count: 120 });
    expect(trend.rows).toHaveLength(120);
    const busy = trend.rows[10];
    expect(busy?.t).toBe(T + 5 * M);
    expect(busy?.total).toBe(1);
    expect(trend.rows[12]).toMatchObject({ total: 2, byCode: [['1302', 1], ['1308', 1]] });
    expect(trend.rows[12]?.byCategory['api-policy-block']).toBe(2);
    expect(trend.rows[100]).toMatchObject({ total: 1, uncatalogued: 1, byCode: [['9999', 1]] });
    expect(trend.rows.filter((r) => r.total === 0)).toHaveLength(117);
    expect(trend.rows[1]).toMatchObject({ total: 0, byCode: [], uncatalogued: 0 });
  });

  it('I3: a single event is drawn as one bar in a quarter-hour axis, not as a chart-wide block', () => {
    const trend = bucketTrend(storeOf([[T, '1302']]), viewOf(), ctx);
    const grid = trend.grid;
    expect(grid).not.toBeNull();
    expect((grid?.size ?? 0) * (grid?.count ?? 0)).toBeGreaterThanOrEqual(15 * M);
    expect(trend.rows.filter((r) => r.total > 0)).toHaveLength(1);
    expect(trend.rows.find((r) => r.total > 0)?.t).toBeLessThanOrEqual(T);
    expect(trend.rows.length).toBeGreaterThan(30);
  });

  it('I2: a 50-year span stays under the bucket cap', () => {
    const trend = bucketTrend(storeOf([[0, '1302'], [Date.UTC(2020, 0, 1), '1302']]), viewOf(), ctx);
    expect(trend.rows.length).toBeLessThanOrEqual(300);
    expect(trend.rows.reduce((s, r) => s + r.total, 0)).toBe(2);
  });

  it('keeps undated events out of the chart and reports them', () => {
    const trend = bucketTrend(storeOf([[null, '1302'], [T, '1308'], [null, null]]), viewOf(), ctx);
    expect(trend).toMatchObject({ total: 3, undated: 2 });
    expect(trend.rows.reduce((s, r) => s + r.total, 0)).toBe(1);
  });

  it('has no rows when nothing is dated', () => {
    expect(bucketTrend(storeOf([[null, '1302']]), viewOf(), ctx)).toEqual({ grid: null, rows: [], total: 1, undated: 1, outlying: 0, outlyingInstants: [] });
  });

  it('caps the tooltip codes with "other"', () => {
    const rows: TestRow[] = Array.from({ length: 12 }, (_, k) => [T, String(2000 + k)]);
    const trend = bucketTrend(storeOf(rows), viewOf({ range: { from: T, to: T + 1000 } }), ctx);
    expect(trend.rows[0]?.byCode).toHaveLength(9);
    expect(trend.rows[0]?.byCode[8]).toEqual(['other', 4]);
  });

  it('flattens rows for the chart', () => {
    const trend = bucketTrend(storeOf([[T, '1302'], [T, null]]), viewOf({ range: { from: T, to: T + 1000 } }), ctx);
    expect(toTrendChartRows(trend.rows)).toEqual([
      { t: T, total: 2, basic: 0, authentication: 0, account: 0, 'api-call': 0, 'api-policy-block': 1, uncatalogued: 1 },
    ]);
  });

  it('property: category stacks sum to the bucket total, buckets plus undated plus outlying equal the filtered total', () => {
    const codes = ['500', '1001', '1113', '1210', '1302', '1308', '9999', null];
    // Now and then a default stamp (1970, 9999) far from the rest: drawn or set apart, never lost.
    const time = fc.oneof({ weight: 20, arbitrary: fc.integer({ min: T - 40 * H, max: T + 40 * H }) }, { weight: 1, arbitrary: fc.constantFrom(0, Date.UTC(9999, 11, 31)) });
    const row = fc.tuple(fc.option(time, { nil: null }), fc.constantFrom(...codes), fc.constant({}), fc.integer({ min: 0, max: 3 }));
    const view = fc.record({
      range: fc.constantFrom('all', '24h', 'last-6h', '7d'),
      codes: fc.subarray(['1302', '1308', '9999', 'none']),
      sources: fc.subarray(['0', '1', '2']),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), view, (rows, patch) => {
        const store = storeOf(rows);
        const v = viewOf(patch);
        const trend = bucketTrend(store, v, ctx);
        const drawn = trend.rows.reduce((sum, r) => sum + r.total, 0);
        expect(drawn + trend.undated + trend.outlying).toBe(filterEvents(store, v, ctx).length);
        expect(trend.total).toBe(filterEvents(store, v, ctx).length);
        for (const r of trend.rows) {
          expect(CATEGORIES.reduce((s, c) => s + r.byCategory[c], r.uncatalogued)).toBe(r.total);
          expect(r.byCode.reduce((s, [, n]) => s + n, 0)).toBe(r.total);
        }
        expect(trend.rows.length).toBeLessThanOrEqual(300);
      }),
      { numRuns: 200 },
    );
  });
});

describe('topWithOther', () => {
  it.each<[[string, number][], number, [string, number][]]>([
    [[], 2, []],
    [[['a', 1], ['b', 3]], 2, [['b', 3], ['a', 1]]],
    [[['a', 1], ['b', 3], ['c', 1], ['d', 2]], 2, [['b', 3], ['d', 2], ['other', 2]]],
  ])('%j top %d -> %j', (entries, n, expected) => {
    expect(topWithOther(entries, n)).toEqual(expected);
  });
});
