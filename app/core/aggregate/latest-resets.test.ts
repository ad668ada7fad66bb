import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { testReset } from '../store/test-events';
import { latestResets, MAX_SUPERSEDED } from './latest-resets';
import { storeOf, viewOf, type TestRow } from './test-store';

const T = Date.UTC(2026, 2, 1, 8);
const H = 3_600_000;
const ctx = { now: T + 100 * H };
const hit = (at: number | null, resetAt: number | null, code = '1308', plausible = true): TestRow => [at, code, { reset: resetAt === null ? null : testReset(resetAt, plausible) }];
const fiveHour = (rows: TestRow[]) => latestResets(storeOf(rows), viewOf(), ctx)[0];

describe('latestResets', () => {
  it('returns the three windows in order, empty without data', () => {
    expect(latestResets(storeOf([]), viewOf(), ctx)).toEqual(
      ['5-hour', 'weekly', 'monthly'].map((window) => ({ window, latest: null, hitAfterReset: false, superseded: [], omitted: 0, implausible: { count: 0, latest: null } })),
    );
  });

  it('F8: the same reset in 10,000 errors is one entry with a count', () => {
    const rows = Array.from({ length: 10_000 }, (_, k) => hit(T + k, T + 5 * H));
    expect(fiveHour(rows)).toMatchObject({
      latest: { resetAt: T + 5 * H, count: 10_000, code: '1308', firstEventAt: T, lastEventAt: T + 9999 },
      superseded: [],
    });
  });

  it('E12: says when the latest reset was written as a day only', () => {
    const dayOnly: TestRow = [T, '1310', { reset: { ...testReset(T + 48 * H, true), dateOnly: true, raw: '2026-03-03' } }];
    const [, weekly] = latestResets(storeOf([dayOnly]), viewOf(), ctx);
    expect(weekly?.latest).toMatchObject({ resetAt: T + 48 * H, raw: '2026-03-03', dateOnly: true });
    expect(fiveHour([hit(T, T + 5 * H)])?.latest?.dateOnly).toBe(false);
  });

  it('says whether the stamp had a zone of its own or was read in the reset zone', () => {
    expect(fiveHour([hit(T, T + 5 * H)])?.latest?.zoneAssumed).toBe(false);
    const zoneless: TestRow = [T, '1308', { reset: { ...testReset(T + 2 * H, true), raw: '2026-03-04 23:37:11', assumedOffsetMinutes: 480 } }];
    expect(fiveHour([zoneless])?.latest?.zoneAssumed).toBe(true);
    const undated: TestRow = [null, '1308', { reset: { ...testReset(T + 2 * H, true), assumedOffsetMinutes: 480 } }];
    expect(fiveHour([undated])?.latest).toMatchObject({ undated: true, zoneAssumed: true });
  });

  it('a quota hit without a time still names its reset, when no dated hit of the window does, flagged as such', () => {
    const result = fiveHour([hit(null, T + 4 * H), hit(null, T + 6 * H), hit(null, T + 6 * H)]);
    expect(result?.latest).toMatchObject({ resetAt: T + 6 * H, count: 2, undated: true });
    expect(fiveHour([hit(null, T + 9 * H), hit(T, T + 5 * H)])?.latest).toMatchObject({ resetAt: T + 5 * H, count: 1 });
    expect(fiveHour([hit(null, T + 9 * H), hit(T, T + 5 * H)])?.latest?.undated).toBeUndefined();
  });

  it('F9: conflicting resets -> the latest by event time, others listed', () => {
    const result = fiveHour([hit(T, T + 9 * H), hit(T + 2 * H, T + 6 * H), hit(T + H, T + 9 * H)]);
    expect(result?.latest).toMatchObject({ resetAt: T + 6 * H, count: 1, lastEventAt: T + 2 * H });
    expect(result?.superseded).toMatchObject([{ resetAt: T + 9 * H, count: 2, lastEventAt: T + H }]);
  });

  it.each<[string, TestRow[], boolean]>([
    ['no later hit', [hit(T, T + 5 * H)], false],
    ['a hit before the reset', [hit(T, T + 5 * H), hit(T + H, null)], false],
    ['a hit after the reset passed', [hit(T, T + 5 * H), hit(T + 6 * H, null)], true],
    ['a throttle hit is not a quota hit', [hit(T, T + 5 * H), hit(T + 6 * H, null, '1302')], false],
  ])('hitAfterReset: %s', (_name, rows, expected) => {
    expect(fiveHour(rows)?.hitAfterReset).toBe(expected);
  });

  it.each<[string, TestRow[]]>([
    ['implausible resets take no part', [hit(T, T + 5 * H, '1308', false)]],
    ['resets of another window stay there', [hit(T, T + 5 * H, '1310')]],
  ])('%s', (_name, rows) => {
    expect(fiveHour(rows)?.latest).toBeNull();
  });

  it('puts each window in its place', () => {
    const [five, weekly, monthly] = latestResets(storeOf([hit(T, T + H, '1310'), hit(T, T + 2 * H, '1316')]), viewOf(), ctx);
    expect([five?.latest, weekly?.latest?.resetAt, monthly?.latest?.resetAt]).toEqual([null, T + H, T + 2 * H]);
  });

  it('lists implausible resets per window, with their raw text and reason, apart from the countdowns', () => {
    const rows = [hit(T, T + 5 * H, '1308', false), hit(T + H, T + 5 * H, '1308', false)];
    const five = fiveHour(rows);
    expect(five?.latest).toBeNull();
    expect(five?.implausible.count).toBe(2);
    expect(five?.implausible.latest).toMatchObject({ code: '1308', eventAt: T + H });
    expect(five?.implausible.latest?.reason).toEqual(expect.any(String));
    expect(five?.implausible.latest?.eventZoneAssumed).toBe(false);
  });

  it('says when the event of an implausible reset had its time read in an assumed zone', () => {
    const zoneless: TestRow = [T, '1308', { reset: testReset(T + 5 * H, false), flags: ['timestamp_zone_assumed'] }];
    expect(fiveHour([zoneless])?.implausible.latest?.eventZoneAssumed).toBe(true);
  });

  it('shows the same groups as grouping every reset and sorting them all (ties of time and instant, many groups)', () => {
    // Few distinct times, so that ties are common; up to 61 groups, more than are shown.
    const row = fc.record({ t: fc.integer({ min: 0, max: 6 }), reset: fc.integer({ min: 0, max: 60 }), raw: fc.integer({ min: 0, max: 2 }), plausible: fc.boolean() });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300, size: 'max' }), (drawn) => {
        const rows: TestRow[] = drawn.map((d) => [T + d.t * 60_000, '1308', { reset: { ...testReset(T + H + d.reset * 60_000, d.plausible), raw: `r${d.raw}` } }]);
        const result = fiveHour(rows);
        // The reference: stable time order, one group per instant, all sorted.
        const plausible = rows.map((r, index) => ({ t: r[0] ?? 0, reset: r[2]?.reset, index })).filter((r) => r.reset?.plausible).sort((a, b) => a.t - b.t || a.index - b.index);
        const groups = new Map<number, { resetAt: number; raw: string; count: number; firstEventAt: number; lastEventAt: number }>();
        for (const r of plausible) {
          const at = r.reset?.at ?? 0;
          const g = groups.get(at);
          if (g === undefined) groups.set(at, { resetAt: at, raw: r.reset?.raw ?? '', count: 1, firstEventAt: r.t, lastEventAt: r.t });
          else Object.assign(g, { count: g.count + 1, firstEventAt: Math.min(g.firstEventAt, r.t), ...(r.t >= g.lastEventAt ? { lastEventAt: r.t, raw: r.reset?.raw ?? '' } : {}) });
        }
        const sorted = [...groups.values()].sort((a, b) => b.lastEventAt - a.lastEventAt || b.resetAt - a.resetAt);
        expect(result?.latest ?? null).toEqual(sorted[0] === undefined ? null : { ...sorted[0], code: '1308', dateOnly: false, zoneAssumed: false });
        expect(result?.superseded).toEqual(sorted.slice(1, 1 + MAX_SUPERSEDED).map((g) => ({ ...g, code: '1308', dateOnly: false, zoneAssumed: false })));
        expect(result?.omitted).toBe(Math.max(0, sorted.length - 1 - MAX_SUPERSEDED));
      }),
      { numRuns: 300 },
    );
  });
});
