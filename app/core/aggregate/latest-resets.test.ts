import { describe, expect, it } from 'vitest';
import { testReset } from '../store/test-events';
import { latestResets } from './latest-resets';
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
    ['undated events take no part', [hit(null, T + 5 * H)]],
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
  });
});
