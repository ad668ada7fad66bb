import { describe, expect, it } from 'vitest';
import { decodeInstant, formatInstant } from './instant-codec';

describe('decodeInstant', () => {
  it.each([
    ['2026-03-01T08:00:00Z', Date.UTC(2026, 2, 1, 8)],
    ['2026-03-01T08:00:00.250Z', Date.UTC(2026, 2, 1, 8, 0, 0, 250)],
    ['2026-03-01T08:00:00.29Z', Date.UTC(2026, 2, 1, 8, 0, 0, 290)],
    ['2026-03-01T08:00Z', Date.UTC(2026, 2, 1, 8)],
    ['2026-03-01T16:00:00+08:00', Date.UTC(2026, 2, 1, 8)],
    ['2026-03-01T03:30:00-04:30', Date.UTC(2026, 2, 1, 8)],
    ['1772352000000', Date.UTC(2026, 2, 1, 8)],
    ['0', 0],
    ['9999-12-31T23:59:59.999Z', Date.UTC(10000, 0, 1) - 1],
  ])('%s -> %d', (raw, at) => {
    expect(decodeInstant(raw)).toEqual({ at });
  });

  it.each([
    ['2026-03-01T08:00:00', 'no zone'],
    ['2025-02-30T00:00:00Z', 'rolled-over date'],
    ['2025-13-01T00:00:00Z', 'month 13'],
    ['2025-01-01T24:00:00Z', 'hour 24'],
    ['2025-01-01T23:59:60Z', 'leap second'],
    ['0000-01-01T00:00:00Z', 'year 0'],
    ['1969-12-31T23:59:59Z', 'before 1970'],
    ['+275760-09-13T00:00:00Z', 'JS max date'],
    ['NaN', 'NaN'],
    ['1e308', 'exponent'],
    ['-5', 'negative'],
    ['99999999999999999', 'too many digits'],
    ['', 'empty'],
    ['2026-03-01', 'date only'],
  ])('%s is rejected (%s)', (raw) => {
    expect('reason' in decodeInstant(raw)).toBe(true);
  });
});

describe('formatInstant', () => {
  it.each([
    [Date.UTC(2026, 2, 1, 8), '2026-03-01T08:00:00Z'],
    [Date.UTC(2026, 2, 1, 8, 0, 0, 5), '2026-03-01T08:00:00.005Z'],
    [0, '1970-01-01T00:00:00Z'],
  ])('%d -> %s', (at, text) => {
    expect(formatInstant(at)).toBe(text);
    expect(decodeInstant(text)).toEqual({ at });
  });
});
