import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProviderStamp } from './provider-stamp';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('parseProviderStamp', () => {
  it.each([
    // [raw, offset, expected instant, dateOnly, assumed offset]
    ['2026-08-31 18:19:41', undefined, '2026-08-31T10:19:41.000Z', false, 480],
    ['2026-09-06 09:04:58', undefined, '2026-09-06T01:04:58.000Z', false, 480],
    ['2025-09-30 14:38:37', undefined, '2025-09-30T06:38:37.000Z', false, 480],
    ['2026-08-31 18:19:41', 0, '2026-08-31T18:19:41.000Z', false, 0],
    ['2026-08-31T18:19:41', undefined, '2026-08-31T10:19:41.000Z', false, 480],
    // E11: ISO stamps with a zone keep it
    ['2026-07-14T07:49:08Z', undefined, '2026-07-14T07:49:08.000Z', false, null],
    ['2026-07-14T07:49:08+08:00', undefined, '2026-07-13T23:49:08.000Z', false, null],
    ['2026-07-14 07:49:08.250z', undefined, '2026-07-14T07:49:08.250Z', false, null],
    // E12: a date alone is the start of that day in UTC+8
    ['2026-08-30', undefined, '2026-08-29T16:00:00.000Z', true, 480],
    ['  2026-08-30  ', undefined, '2026-08-29T16:00:00.000Z', true, 480],
  ] as const)('%s (offset %s) -> %s', (raw, offset, expected, dateOnly, assumed) => {
    const stamp = parseProviderStamp(raw, offset);
    expect(iso(stamp?.at)).toBe(expected);
    expect(stamp?.dateOnly).toBe(dateOnly);
    expect(stamp?.assumedOffsetMinutes).toBe(assumed);
  });

  it.each([
    // E4 and other impossible or foreign stamps
    '2025-02-30 10:00:00',
    '2025-13-01 10:00:00',
    '2026-08-31 24:00:00',
    '2026-08-31 23:59:60',
    '0000-00-00 00:00:00',
    '2026-08-31 18:19:41+25:00',
    '${next_flush_time}',
    '{next_flush_time}',
    '5pm',
    '',
    '2026-08-31 18:19',
  ])('%s -> null unless it is a real time', (raw) => {
    const stamp = parseProviderStamp(raw);
    if (raw === '2026-08-31 18:19') expect(iso(stamp?.at)).toBe('2026-08-31T10:19:00.000Z');
    else expect(stamp).toBeNull();
  });

  it('round-trips any formatted UTC+8 wall time', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(9998, 11, 31) }), (ms) => {
        const at = Math.floor(ms / 1000) * 1000;
        const wall = new Date(at + 480 * 60_000).toISOString();
        const raw = `${wall.slice(0, 10)} ${wall.slice(11, 19)}`;
        expect(parseProviderStamp(raw)?.at).toBe(at);
      }),
    );
  });
});
