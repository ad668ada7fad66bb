import { describe, expect, it } from 'vitest';
import { testEntry } from '../store/test-events';
import { bucketRateLimits } from './rate-limits';
import { storeOf, viewOf, type TestRow } from './test-store';

const T = Date.UTC(2026, 2, 1, 8);
const ctx = { now: T };

describe('bucketRateLimits', () => {
  it('counts throttle and quota hits per code, ignoring other families', () => {
    const store = storeOf([
      [T, '1302'],
      [T, '1302'],
      [T + 1000, '1308'],
      [T + 1000, '1001'],
      [null, '1305'],
    ]);
    const result = bucketRateLimits(store, viewOf(), ctx);
    expect(result).toMatchObject({ throttleHits: 3, quotaHits: 1, undated: 1 });
    const seconds = bucketRateLimits(store, viewOf({ range: { from: T, to: T + 2000 } }), ctx);
    expect(result.series).toEqual([
      { key: 'code_1302', code: '1302', family: 'throttle', total: 2 },
      { key: 'code_1305', code: '1305', family: 'throttle', total: 1 },
      { key: 'code_1308', code: '1308', family: 'quota', total: 1 },
      { key: 'code_other', code: 'other', family: null, total: 0 },
    ]);
    expect(seconds.rows.map((r) => ({ ...r }))).toEqual([
      // An absolute range leaves the undated 1305 out, so it has no series here.
      { t: T, throttle: 2, quota: 0, code_1302: 2, code_1308: 0, code_other: 0 },
      { t: T + 1000, throttle: 0, quota: 1, code_1302: 0, code_1308: 1, code_other: 0 },
    ]);
  });

  it('I1: keeps the top 8 codes and sums the rest in "other"', () => {
    const throttle = testEntry('1302');
    const rows: TestRow[] = [];
    for (let k = 0; k < 12; k += 1) {
      const code = String(2000 + k);
      const entry = throttle === null ? null : { ...throttle, code };
      for (let n = 0; n <= k; n += 1) rows.push([T, code, { entry }]);
    }
    const result = bucketRateLimits(storeOf(rows), viewOf({ range: { from: T, to: T + 1000 } }), ctx);
    expect(result.series.map((s) => s.code)).toEqual(['2011', '2010', '2009', '2008', '2007', '2006', '2005', '2004', 'other']);
    expect(result.series.at(-1)?.total).toBe(1 + 2 + 3 + 4);
    expect(Object.keys(result.rows[0] ?? {})).toHaveLength(3 + 9);
    expect(result.rows[0]?.throttle).toBe(78);
  });

  it('respects the filters', () => {
    const store = storeOf([[T, '1302'], [T, '1308']]);
    expect(bucketRateLimits(store, viewOf({ codes: ['1308'] }), ctx)).toMatchObject({ throttleHits: 0, quotaHits: 1 });
  });
});
