import { describe, expect, it } from 'vitest';
import { formatBytes, formatCountOf, formatDayIn, formatDuration, formatInstant, formatRate, zoneSuffix } from './format';

describe('format', () => {
  it.each([
    [0, 'quota hit', undefined, '0 quota hits'],
    [1, 'quota hit', undefined, '1 quota hit'],
    [1200, 'line', undefined, '1,200 lines'],
    [2, 'entry', 'entries', '2 entries'],
  ])('formatCountOf(%d, %s) = %s', (n, noun, plural, expected) => expect(formatCountOf(n, noun, plural)).toBe(expected));

  it.each([
    [0, '0s'],
    [59_000, '59s'],
    [61_000, '1m 1s'],
    [3_600_000, '1h 0m 0s'],
    [93_784_000, '1d 2h 3m 4s'],
    [-5_000, '0s'],
  ])('formatDuration(%d) = %s', (ms, expected) => expect(formatDuration(ms)).toBe(expected));

  it.each([
    [0, 'UTC'],
    [480, 'UTC+8'],
    [-300, 'UTC−5'],
    [330, 'UTC+5:30'],
  ])('zoneSuffix(%d) = %s', (offset, expected) => expect(zoneSuffix(offset)).toBe(expected));

  it('formats an instant in UTC and in the provider zone', () => {
    const at = Date.UTC(2026, 7, 31, 10, 19, 41);
    expect(formatInstant(at, 'utc')).toBe('2026-08-31 10:19:41 UTC');
    expect(formatInstant(at, 'utc+8')).toBe('2026-08-31 18:19:41 UTC+8');
  });

  it.each([
    [512, '512 B'],
    [2048, '2.0 KiB'],
    [5 * 1024 * 1024, '5.0 MiB'],
    [1024 * 1024 - 1, '1.0 MiB'],
    [1024 * 1024 - 600, '1023 KiB'],
  ])('formatBytes(%d) = %s', (bytes, expected) => expect(formatBytes(bytes)).toBe(expected));

  it.each([
    [117.4, '117 MB/s'],
    [4.13, '4.1 MB/s'],
    [1, '1.0 MB/s'],
    [0.25, '250 kB/s'],
    // A live stream of a few records a second: it read "0.0 MB/s".
    [0.00056, '0.6 kB/s'],
    [0, '0.0 kB/s'],
  ])('formatRate(%d) = %s', (rate, expected) => expect(formatRate(rate)).toBe(expected));
});

describe('formatDayIn', () => {
  it('gives the day at the offset, not in UTC', () => {
    const at = Date.UTC(2026, 7, 29, 16);
    expect(formatDayIn(at, 480)).toBe('2026-08-30');
    expect(formatDayIn(at, 0)).toBe('2026-08-29');
  });
});
