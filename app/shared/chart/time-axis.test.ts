import { describe, expect, it } from 'vitest';
import { formatTick, niceTicks, tickInterval } from './time-axis';

describe('tickInterval', () => {
  it('draws every label when they fit, and thins them so that they never overlap', () => {
    expect(tickInterval(10, 5, 1000)).toBe(0);
    expect(tickInterval(500, 5, 1000)).toBe(33);
    // 500 labels of 12 characters on 300 px: 2 fit, one every 250 buckets.
    expect(tickInterval(500, 12, 300)).toBe(249);
    for (const [buckets, chars, px] of [[211, 11, 1176], [289, 5, 600], [1, 8, 10], [1000, 8, 320]] as const) {
      const shown = Math.ceil(buckets / (tickInterval(buckets, chars, px) + 1));
      expect(shown * (chars * 7 + 28)).toBeLessThanOrEqual(Math.max(px, chars * 7 + 28));
    }
  });

  it('is 0 for no buckets', () => expect(tickInterval(0, 5, 800)).toBe(0));
});

describe('niceTicks', () => {
  const MIN = 60_000;
  const starts = (from: number, bucketMs: number, n: number) => Array.from({ length: n }, (_, i) => from + i * bucketMs);
  const utc = () => 0;

  it("labels each midnight of four days of half-hour buckets on a phone's plot, as days", () => {
    const ts = starts(Date.UTC(2026, 10, 22, 8, 0), 30 * MIN, 188);
    const nice = niceTicks(ts, 30 * MIN, utc, 300);
    expect(nice?.stepMs).toBe(24 * 60 * MIN);
    expect(nice?.ticks.map((t) => new Date(t).toISOString())).toEqual(['2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z', '2026-11-25T00:00:00.000Z', '2026-11-26T00:00:00.000Z']);
    expect(nice?.ticks.map((t) => formatTick(t, 30 * MIN, 'utc', 188 * 30 * MIN, nice.stepMs))).toEqual(['Nov 23', 'Nov 24', 'Nov 25', 'Nov 26']);
  });

  it('labels two hours of minutes that start at 19:19 on the quarter hours, never at odd minutes', () => {
    const ts = starts(Date.UTC(2026, 7, 24, 19, 19), MIN, 120);
    const nice = niceTicks(ts, MIN, utc, 780);
    expect(nice?.stepMs).toBe(15 * MIN);
    expect(nice?.ticks.map((t) => formatTick(t, MIN, 'utc', 120 * MIN, nice.stepMs))).toEqual(['19:30', '19:45', '20:00', '20:15', '20:30', '20:45', '21:00', '21:15']);
  });

  it('names the day at midnight and the hour otherwise when hours span days', () => {
    const ts = starts(Date.UTC(2026, 10, 22, 12), 60 * MIN, 48);
    const nice = niceTicks(ts, 60 * MIN, utc, 900);
    expect(nice?.ticks.map((t) => formatTick(t, 60 * MIN, 'utc', 48 * 60 * MIN, nice.stepMs))).toEqual(['12:00', '18:00', 'Nov 23', '06:00', '12:00', '18:00', 'Nov 24', '06:00']);
  });

  it('finds round instants in the display zone, and none where the buckets are half an hour off them', () => {
    const ts = starts(Date.UTC(2026, 10, 22, 0), 60 * MIN, 48);
    const beijing = niceTicks(ts, 60 * MIN, () => 480, 300);
    expect(beijing?.ticks.every((t) => (t + 480 * MIN) % beijing.stepMs === 0)).toBe(true);
    expect(niceTicks(ts, 60 * MIN, () => 330, 300)).toBeNull();
  });

  it('never gives more labels than fit', () => {
    for (const [bucketMs, n, px] of [[1000, 300, 320], [MIN, 300, 600], [5 * MIN, 288, 1176], [60 * MIN, 200, 390]] as const) {
      const nice = niceTicks(starts(Date.UTC(2026, 0, 1), bucketMs, n), bucketMs, utc, px);
      expect(nice).not.toBeNull();
      expect((nice?.ticks.length ?? 0) * (6 * 7 + 28)).toBeLessThanOrEqual(px + 6 * 7 + 28);
    }
  });
});
