import { describe, expect, it } from 'vitest';
import type { TimeZoneId, ViewRange } from '../../core/view-state';
import { describeRange } from './range-label';

const at = (iso: string) => Date.parse(iso);

describe('describeRange (what a chart\'s Back button returns to)', () => {
  it.each<[string, ViewRange, TimeZoneId, string]>([
    ['all data', 'all', 'utc', 'all data'],
    ['a preset from now', '24h', 'utc', 'the last 24 hours'],
    ['a preset from the latest error', 'last-1h', 'utc', 'the latest hour of data'],
    ['an hour narrowed from a bar', { from: at('2026-11-24T22:00:00Z'), to: at('2026-11-24T23:00:00Z') }, 'utc', 'Nov 24, 22:00–23:00'],
    ['the same hour in UTC+8', { from: at('2026-11-24T22:00:00Z'), to: at('2026-11-24T23:00:00Z') }, 'utc+8', 'Nov 25, 06:00–07:00'],
    ['days dragged across', { from: at('2026-11-23T20:00:00Z'), to: at('2026-11-25T04:00:00Z') }, 'utc', 'Nov 23, 20:00 – Nov 25, 04:00'],
    ['a bucket of 30 s', { from: at('2026-11-24T22:10:30Z'), to: at('2026-11-24T22:11:00Z') }, 'utc', 'Nov 24, 22:10:30–22:11:00'],
  ])('%s', (_name, range, tz, text) => {
    expect(describeRange(range, tz)).toBe(text);
  });
});
