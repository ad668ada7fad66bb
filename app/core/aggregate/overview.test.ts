import { describe, expect, it } from 'vitest';
import { testReset } from '../store/test-events';
import { breakdownByCode } from './breakdown';
import { dataExtent } from './data-extent';
import { summarizeOverview } from './overview';
import { storeOf, viewOf } from './test-store';

const T = Date.UTC(2026, 2, 1, 8);
const ctx = { now: T };
const store = storeOf([
  [T + 2, '1302'],
  [T, '1302'],
  [T + 5, '1308'],
  [null, '1302'],
  [T + 1, '9999'],
  [T + 9, null],
]);

describe('summarizeOverview', () => {
  it('totals, shares, hits and top codes', () => {
    const o = summarizeOverview(store, viewOf(), ctx);
    expect(o).toMatchObject({ total: 6, dated: 5, undated: 1, throttleHits: 3, quotaHits: 1 });
    expect(o.categories.find((c) => c.category === 'api-policy-block')).toEqual({ category: 'api-policy-block', count: 4, share: 4 / 6 });
    expect(o.categories.find((c) => c.category === 'uncatalogued')).toEqual({ category: 'uncatalogued', count: 2, share: 2 / 6 });
    expect(o.categories.reduce((s, c) => s + c.count, 0)).toBe(6);
    expect(o.topCodes.map((c) => [c.code, c.count, c.verdict])).toEqual([
      ['1302', 3, 'slow-down'],
      ['1308', 1, 'wait-for-reset'],
      ['9999', 1, null],
      [null, 1, null],
    ]);
  });

  it('names the error logged last, not one dated after now, nor an undated one', () => {
    expect(summarizeOverview(store, viewOf(), ctx).latest).toEqual({ code: null, at: T + 9, reset: null });
    const withFuture = storeOf([[T - 60_000, '1113'], [T + 3_600_000, '1302'], [null, '1308'], [T - 120_000, '1308']]);
    expect(summarizeOverview(withFuture, viewOf(), ctx).latest).toEqual({ code: '1113', at: T - 60_000, reset: null });
    expect(summarizeOverview(storeOf([[null, '1302']]), viewOf(), ctx).latest).toBeNull();
    // The same instant: the one read last.
    expect(summarizeOverview(storeOf([[T, '1302'], [T, '1308']]), viewOf(), ctx).latest).toEqual({ code: '1308', at: T, reset: null });
  });

  const H = 3_600_000;
  // A zone-less stamp read as UTC+8 (the provider's time), as Z.ai writes next_flush_time.
  const providerReset = (at: number) => ({ ...testReset(at), assumedOffsetMinutes: 480 });
  it.each([
    ['the reset it names', [[T - H, '1308', { reset: testReset(T + 4 * H) }]], viewOf(), { at: T + 4 * H, dateOnly: false, readInOffsetMinutes: 480 }],
    ['a reset already passed', [[T - 6 * H, '1308', { reset: testReset(T - H) }]], viewOf(), { at: T - H, dateOnly: false, readInOffsetMinutes: 480 }],
    ['its own reset, not an earlier error’s', [[T - 2 * H, '1308', { reset: testReset(T + 3 * H) }], [T - H, '1302']], viewOf(), null],
    ['none for a reset set aside as implausible', [[T - H, '1308', { reset: testReset(T - 2 * H, false) }]], viewOf(), null],
    ['a day only', [[T - H, '1310', { reset: { ...testReset(T + 48 * H), dateOnly: true } }]], viewOf(), { at: T + 48 * H, dateOnly: true, readInOffsetMinutes: 480 }],
    ['a zone-less stamp in the zone the view reads resets in', [[T - H, '1308', { reset: providerReset(T + 2 * H) }]], viewOf({ resetOffsetMinutes: 420 }), { at: T + 3 * H, dateOnly: false, readInOffsetMinutes: 420 }],
  ] as const)('the latest error carries %s', (_name, rows, view, reset) => {
    expect(summarizeOverview(storeOf(rows), view, ctx).latest?.reset).toEqual(reset);
  });

  it('E9: counts the events dated after now (past a few minutes of clock drift), and only those', () => {
    const at = (offsetMs: number | null): [number | null, string] => [offsetMs === null ? null : T + offsetMs, '1302'];
    const mixed = storeOf([at(-3_600_000), at(0), at(4 * 60_000), at(6 * 60_000), at(8 * 3_600_000), at(null)]);
    const o = summarizeOverview(mixed, viewOf(), ctx);
    expect(o).toMatchObject({ total: 6, dated: 5, undated: 1, future: 2 });
    expect(summarizeOverview(store, viewOf(), ctx).future).toBe(0);
  });

  it('E9: an error flagged as dated in the future when read stays counted so, and is not the latest, once now has passed it', () => {
    const rows = storeOf([
      [T - 3_600_000, '1302'],
      [T - 60_000, '1308', { flags: ['timestamp_in_future'] }],
    ]);
    const o = summarizeOverview(rows, viewOf(), ctx);
    expect(o.future).toBe(1);
    expect(o.latest).toMatchObject({ code: '1302', at: T - 3_600_000 });
  });

  it('I4: zero matching events gives zeros, not NaN', () => {
    const o = summarizeOverview(store, viewOf({ codes: ['4242'] }), ctx);
    expect(o.total).toBe(0);
    expect(o.categories.every((c) => c.share === 0)).toBe(true);
  });
});

describe('breakdownByCode', () => {
  it('count, share, first and last seen, verdict', () => {
    expect(breakdownByCode(store, viewOf(), ctx)).toEqual([
      { code: '1302', count: 3, share: 0.5, firstSeen: T, lastSeen: T + 2, verdict: 'slow-down', category: 'api-policy-block', family: 'throttle' },
      { code: '1308', count: 1, share: 1 / 6, firstSeen: T + 5, lastSeen: T + 5, verdict: 'wait-for-reset', category: 'api-policy-block', family: 'quota' },
      { code: '9999', count: 1, share: 1 / 6, firstSeen: T + 1, lastSeen: T + 1, verdict: null, category: null, family: null },
      { code: null, count: 1, share: 1 / 6, firstSeen: T + 9, lastSeen: T + 9, verdict: null, category: null, family: null },
    ]);
  });

  it('an undated-only code has no first/last seen', () => {
    expect(breakdownByCode(storeOf([[null, '1302']]), viewOf(), ctx)[0]).toMatchObject({ firstSeen: null, lastSeen: null });
  });
});

describe('dataExtent', () => {
  it.each([
    ['mixed', store, { min: T, max: T + 9, dated: 5, undated: 1 }],
    ['empty', storeOf([]), { min: null, max: null, dated: 0, undated: 0 }],
    ['undated only', storeOf([[null, '1302']]), { min: null, max: null, dated: 0, undated: 1 }],
  ])('%s', (_name, s, expected) => {
    expect(dataExtent(s)).toEqual(expected);
  });
});
