import { describe, expect, it } from 'vitest';
import { formatBucketRange, formatTick, niceTicks, tickInterval } from './time-axis';

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

  it('names the day at midnight in a view of a few hours too: the axis says it goes on to the next day', () => {
    const ts = starts(Date.UTC(2026, 10, 22, 21), 10 * MIN, 30);
    const nice = niceTicks(ts, 10 * MIN, utc, 900);
    expect(nice?.ticks.map((t) => formatTick(t, 10 * MIN, 'utc', 5 * 60 * MIN, nice.stepMs))).toContain('Nov 23');
    expect(nice?.ticks.map((t) => formatTick(t, 10 * MIN, 'utc', 5 * 60 * MIN, nice.stepMs))).not.toContain('00:00');
  });

  it('finds round instants in the display zone, and none where the buckets are half an hour off them', () => {
    const ts = starts(Date.UTC(2026, 10, 22, 0), 60 * MIN, 48);
    const beijing = niceTicks(ts, 60 * MIN, () => 480, 300);
    expect(beijing?.ticks.every((t) => (t + 480 * MIN) % beijing.stepMs === 0)).toBe(true);
    // Half an hour off the zone's hours, no hour is round: days are labelled, on the bucket that starts the day.
    const india = niceTicks(ts, 60 * MIN, () => 330, 900);
    expect(india?.stepMs).toBe(24 * 60 * MIN);
    expect(india?.ticks.every((t) => (t + 330 * MIN) % (24 * 60 * MIN) === 30 * MIN)).toBe(true);
  });

  it('labels long spans on round days: a month on a phone, summer data read in winter, three years of weeks with their year', () => {
    const DAY = 24 * 60 * MIN;
    const month = niceTicks(starts(Date.UTC(2026, 9, 20), 6 * 60 * MIN, 120), 6 * 60 * MIN, utc, 300);
    expect(month?.stepMs).toBeGreaterThanOrEqual(DAY);
    expect(month?.ticks.every((t) => t % DAY === 0)).toBe(true);
    // Buckets at today's offset (New York in winter, UTC−5), data from the summer (UTC−4): an hour past midnight.
    const summer = starts(Date.UTC(2026, 6, 1, 5), 6 * 60 * MIN, 120);
    const newYork = (t: number) => (t < Date.UTC(2026, 10, 1, 6) ? -240 : -300);
    const inSummer = niceTicks(summer, 6 * 60 * MIN, newYork, 900);
    expect(inSummer?.ticks.length).toBeGreaterThanOrEqual(2);
    expect(inSummer?.ticks.map((t) => formatTick(t, 6 * 60 * MIN, 'utc', 120 * 6 * 60 * MIN, inSummer.stepMs)).every((label) => /^[A-Z][a-z]{2} \d+$/.test(label))).toBe(true);
    const weeks = starts(Date.UTC(2024, 0, 8), 7 * DAY, 156);
    const years = niceTicks(weeks, 7 * DAY, utc, 1176);
    expect(years).not.toBeNull();
    const labels = years?.ticks.map((t) => formatTick(t, 7 * DAY, 'utc', 156 * 7 * DAY, years.stepMs)) ?? [];
    expect(labels[0]).toBe('Jan 8, 2024');
    expect(labels.every((label) => /, 202[4-7]$/.test(label))).toBe(true);
  });

  it('never gives more labels than fit', () => {
    for (const [bucketMs, n, px] of [[1000, 300, 320], [MIN, 300, 600], [5 * MIN, 288, 1176], [60 * MIN, 200, 390]] as const) {
      const nice = niceTicks(starts(Date.UTC(2026, 0, 1), bucketMs, n), bucketMs, utc, px);
      expect(nice).not.toBeNull();
      expect((nice?.ticks.length ?? 0) * (6 * 7 + 28)).toBeLessThanOrEqual(px + 6 * 7 + 28);
    }
  });
});

describe('formatBucketRange', () => {
  it('writes both ends as precisely as the bucket, and the zone when asked', () => {
    const MIN = 60_000;
    const t = Date.UTC(2026, 10, 22, 16);
    expect(formatBucketRange(t, 60 * MIN, 'utc')).toBe('2026-11-22 16:00 – 17:00');
    expect(formatBucketRange(t, 60 * MIN, 'utc', { zone: true })).toBe('2026-11-22 16:00 – 17:00 UTC');
    expect(formatBucketRange(t, 60 * MIN, 'utc+8', { zone: true })).toBe('2026-11-23 00:00 – 01:00 UTC+8');
    expect(formatBucketRange(t, 10_000, 'utc')).toBe('2026-11-22 16:00:00 – 16:00:10');
    // A day is its day; a week its first and last day.
    expect(formatBucketRange(Date.UTC(2026, 10, 22), 24 * 60 * MIN, 'utc')).toBe('2026-11-22');
    expect(formatBucketRange(Date.UTC(2026, 10, 22), 7 * 24 * 60 * MIN, 'utc')).toBe('2026-11-22 – 2026-11-28');
  });
});
