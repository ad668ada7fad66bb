import { describe, expect, it } from 'vitest';
import { peakWindows } from './peak-hours';

const utc = (s: string) => Date.parse(s);

describe('peakWindows', () => {
  it('is 06:00–10:00 UTC on a weekday (14:00–18:00 in UTC+8)', () => {
    expect(peakWindows(utc('2026-11-23T00:00:00Z'), utc('2026-11-24T00:00:00Z'))).toEqual([
      { from: utc('2026-11-23T06:00:00Z'), to: utc('2026-11-23T10:00:00Z') },
    ]);
  });
  it('skips Saturday and Sunday in UTC+8', () => {
    // 2026-11-28 is a Saturday, 2026-11-29 a Sunday.
    expect(peakWindows(utc('2026-11-28T00:00:00Z'), utc('2026-11-30T00:00:00Z'))).toEqual([]);
  });
  it('gives five windows in a week and clips to the range', () => {
    const week = peakWindows(utc('2026-11-23T07:00:00Z'), utc('2026-11-30T05:00:00Z'));
    expect(week).toHaveLength(5);
    expect(week[0]).toEqual({ from: utc('2026-11-23T07:00:00Z'), to: utc('2026-11-23T10:00:00Z') });
  });
  it('gives none for empty or reversed ranges and for spans of years', () => {
    expect(peakWindows(10, 10)).toEqual([]);
    expect(peakWindows(20, 10)).toEqual([]);
    expect(peakWindows(0, utc('2020-01-01T00:00:00Z'))).toEqual([]);
  });
});
