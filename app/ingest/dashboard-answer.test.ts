import { describe, expect, it } from 'vitest';
import { storeOf, viewOf } from '../core/aggregate/test-store';
import { testReset } from '../core/store/test-events';
import { dashboardAnswer } from './dashboard-answer';

const T = Date.UTC(2026, 10, 27, 8);
const H = 3_600_000;

describe('dashboardAnswer', () => {
  // A weekly quota hit two days ago, still blocking for a day; a rate limit an hour ago; both in a.log, and a 5-hour
  // hit in b.log.
  const store = storeOf([
    [T - 48 * H, '1310', { reset: testReset(T + 24 * H, true) }, 0],
    [T - H, '1302', {}, 0],
    [T - 2 * H, '1308', { reset: testReset(T + 2 * H, true) }, 1],
  ]);
  const ctx = { now: T };
  const resetsOf = (patch: Parameters<typeof viewOf>[0]) =>
    dashboardAnswer(store, viewOf(patch), ctx, [0, 1]).resets.flatMap((w) => (w.latest ? [`${w.window} ${w.latest.code}`] : []));

  it('takes the quota resets from every error, whatever the time range or filters: a block still to come stays in sight', () => {
    expect(resetsOf({})).toEqual(['5-hour 1308', 'weekly 1310']);
    expect(resetsOf({ range: '24h' })).toEqual(['5-hour 1308', 'weekly 1310']);
    expect(resetsOf({ range: { from: T - 30 * 60_000, to: T } })).toEqual(['5-hour 1308', 'weekly 1310']);
    expect(resetsOf({ codes: ['1302'], q: 'limit' })).toEqual(['5-hour 1308', 'weekly 1310']);
    // The overview follows the view.
    expect(dashboardAnswer(store, viewOf({ codes: ['1302'] }), ctx, [0, 1]).overview.total).toBe(1);
  });

  it('keeps to the sources chosen: two files may be two accounts', () => {
    // (The worker has turned the names of the link into ids by then.)
    expect(resetsOf({ sources: ['1'] })).toEqual(['5-hour 1308']);
  });
});
