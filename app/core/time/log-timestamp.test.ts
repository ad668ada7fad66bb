import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIsoUtcFast, parseLogTimestamp } from './log-timestamp';
import { epochToMs } from './epoch';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('parseLogTimestamp', () => {
  // E3: every ISO variant gives the right instant, and the offset it was written with (null when it had none)
  it.each([
    ['2026-09-06T06:37:09.823+08:00', '2026-09-05T22:37:09.823Z', false, 480],
    ['2026-09-06T06:37:09Z', '2026-09-06T06:37:09.000Z', false, 0],
    ['2026-09-06t06:37:09z', '2026-09-06T06:37:09.000Z', false, 0],
    ['2026-09-06T06:37:09+0800', '2026-09-05T22:37:09.000Z', false, 480],
    ['2026-09-06T06:37:09+08', '2026-09-05T22:37:09.000Z', false, 480],
    ['2026-09-06T06:37:09-05:30', '2026-09-06T12:07:09.000Z', false, -330],
    ['2026-09-06T06:37:09.1Z', '2026-09-06T06:37:09.100Z', false, 0],
    ['2026-09-06T06:37:09.123456789Z', '2026-09-06T06:37:09.123Z', false, 0],
    ['2025-11-10T10:56:15.929Z', '2025-11-10T10:56:15.929Z', false, 0],
    ['2026-09-06 06:37:09', '2026-09-06T06:37:09.000Z', true, null],
    ['2026-09-06 06:37:09.500', '2026-09-06T06:37:09.500Z', true, null],
    ['2026/09/06 06:37:09', '2026-09-06T06:37:09.000Z', true, null],
    ['2026-09-06 06:37:09,250', '2026-09-06T06:37:09.250Z', true, null],
  ])('%s -> %s (zone assumed: %s, offset %s)', (text, expected, zoneAssumed, offsetMinutes) => {
    const ts = parseLogTimestamp(text, 0);
    expect(iso(ts?.at)).toBe(expected);
    expect(ts?.zoneAssumed).toBe(zoneAssumed);
    expect(ts?.offsetMinutes).toBe(offsetMinutes);
  });

  it('E7: takes the offset the zone had at the stamp\'s own instant, on either side of a daylight-saving change', () => {
    // New York: clocks go from 02:00 EST (UTC−5) to 03:00 EDT (UTC−4) at 07:00 UTC on 2026-03-08, and back at
    // 06:00 UTC on 2026-11-01. The function answers by instant, as Date#getTimezoneOffset does.
    const newYork = (at: number) => (at >= Date.UTC(2026, 2, 8, 7) && at < Date.UTC(2026, 10, 1, 6) ? -240 : -300);
    expect(iso(parseLogTimestamp('2026-03-08 01:30:00', newYork)?.at)).toBe('2026-03-08T06:30:00.000Z');
    expect(iso(parseLogTimestamp('2026-03-08 03:30:00', newYork)?.at)).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(parseLogTimestamp('2026-03-08 23:30:00', newYork)?.at)).toBe('2026-03-09T03:30:00.000Z');
    expect(iso(parseLogTimestamp('2026-07-01 12:00:00', newYork)?.at)).toBe('2026-07-01T16:00:00.000Z');
    expect(iso(parseLogTimestamp('2026-11-01 00:30:00', newYork)?.at)).toBe('2026-11-01T04:30:00.000Z');
    expect(iso(parseLogTimestamp('2026-11-01 03:30:00', newYork)?.at)).toBe('2026-11-01T08:30:00.000Z');
    // Berlin goes forward at 01:00 UTC on 2026-03-29 (+1 to +2).
    const berlin = (at: number) => (at >= Date.UTC(2026, 2, 29, 1) && at < Date.UTC(2026, 9, 25, 1) ? 120 : 60);
    expect(iso(parseLogTimestamp('2026-03-29 01:30:00', berlin)?.at)).toBe('2026-03-29T00:30:00.000Z');
    expect(iso(parseLogTimestamp('2026-03-29 03:30:00', berlin)?.at)).toBe('2026-03-29T01:30:00.000Z');
  });

  it('E7: a time in the hour daylight saving skips is read as the hour after; one in the repeated hour as its first pass, east and west of UTC alike', () => {
    // Berlin, 2025: forward at 01:00 UTC on 03-30 (02:00–03:00 does not exist), back at 01:00 UTC on 10-26 (02:00–03:00 twice).
    const berlin = (at: number) => (at >= Date.UTC(2025, 2, 30, 1) && at < Date.UTC(2025, 9, 26, 1) ? 120 : 60);
    expect(iso(parseLogTimestamp('2025-03-30 02:30:00', berlin)?.at)).toBe(iso(parseLogTimestamp('2025-03-30 03:30:00', berlin)?.at));
    expect(iso(parseLogTimestamp('2025-03-30 02:30:00', berlin)?.at)).toBe('2025-03-30T01:30:00.000Z');
    // 02:30 CEST was 00:30 UTC, 02:30 CET is 01:30 UTC: which one a line meant is not written; the first is taken.
    expect(iso(parseLogTimestamp('2025-10-26 02:30:00', berlin)?.at)).toBe('2025-10-26T00:30:00.000Z');
    expect(iso(parseLogTimestamp('2025-10-26 03:30:00', berlin)?.at)).toBe('2025-10-26T02:30:00.000Z');
    expect(parseLogTimestamp('2025-10-26 02:30:00', berlin)?.zoneAssumed).toBe(true);
    // New York, 2025: forward at 07:00 UTC on 03-09, back at 06:00 UTC on 11-02 (01:00–02:00 twice).
    const newYork = (at: number) => (at >= Date.UTC(2025, 2, 9, 7) && at < Date.UTC(2025, 10, 2, 6) ? -240 : -300);
    expect(iso(parseLogTimestamp('2025-03-09 02:30:00', newYork)?.at)).toBe(iso(parseLogTimestamp('2025-03-09 03:30:00', newYork)?.at));
    expect(iso(parseLogTimestamp('2025-11-02 01:30:00', newYork)?.at)).toBe('2025-11-02T05:30:00.000Z');
    expect(iso(parseLogTimestamp('2025-11-02 02:30:00', newYork)?.at)).toBe('2025-11-02T07:30:00.000Z');
  });

  it('applies the local offset (number or function of the wall time) to zone-less stamps only', () => {
    expect(iso(parseLogTimestamp('2026-09-06 06:37:09', 120)?.at)).toBe('2026-09-06T04:37:09.000Z');
    expect(iso(parseLogTimestamp('2026-09-06 06:37:09', () => -300)?.at)).toBe('2026-09-06T11:37:09.000Z');
    expect(iso(parseLogTimestamp('2026-09-06T06:37:09Z', 120)?.at)).toBe('2026-09-06T06:37:09.000Z');
    expect(iso(parseLogTimestamp('2026-09-06 06:37:09', () => Number.NaN)?.at)).toBe('2026-09-06T06:37:09.000Z');
  });

  // E4: invalid dates are null (the caller flags timestamp_invalid), never rolled over
  it.each(['2025-02-30 10:00:00', '2025-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01 23:59:60', '0000-00-00 00:00:00', 'yesterday', '2026-01-01', ''])(
    '%s -> null',
    (text) => expect(parseLogTimestamp(text, 0)).toBeNull(),
  );

  // E5: epoch units by magnitude
  it.each([
    [1777552855, '2026-04-30T12:40:55.000Z'],
    ['1777552855', '2026-04-30T12:40:55.000Z'],
    [1777552855.5, '2026-04-30T12:40:55.500Z'],
    [1779792169974, '2026-05-26T10:42:49.974Z'],
    ['1779792169974', '2026-05-26T10:42:49.974Z'],
    ['1779792169974123', '2026-05-26T10:42:49.974Z'],
    ['1779792169974123456', '2026-05-26T10:42:49.974Z'],
    [1779792169974123, '2026-05-26T10:42:49.974Z'],
  ] as const)('epoch %s -> %s', (value, expected) => {
    expect(iso(parseLogTimestamp(value)?.at)).toBe(expected);
  });

  it.each([12, 123456789, 17775528551, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_VALUE, '12345678901'])('epoch %s -> null', (value) => {
    expect(epochToMs(value)).toBeNull();
  });

  it('the fast ISO path agrees with Date.parse on canonical UTC stamps', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(9999, 11, 31) }), fc.boolean(), (ms, withMs) => {
        const text = withMs ? new Date(ms).toISOString() : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
        expect(parseIsoUtcFast(text)).toBe(Date.parse(text));
        expect(parseLogTimestamp(text)?.at).toBe(Date.parse(text));
      }),
    );
  });

  it('reads a stamp before 1970 too, and no impossible day or other length', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: Date.UTC(9999, 11, 31) }), fc.boolean(), (ms, withMs) => {
        const text = withMs ? new Date(ms).toISOString() : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
        expect(parseIsoUtcFast(text)).toBe(Date.parse(text));
      }),
    );
    expect(parseIsoUtcFast('2026-02-29T10:00:00Z')).toBeNull();
    expect(parseIsoUtcFast('2026-11-20T10:00:00')).toBeNull();
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => void parseLogTimestamp(s, 0)));
  });
});
