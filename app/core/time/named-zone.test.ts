import { describe, expect, it } from 'vitest';
import { parseLogTimestamp } from './log-timestamp';
import { isNamedZone, namedZoneOffset, namedZones } from './named-zone';

describe('named zones', () => {
  it.each([
    ['America/New_York', true],
    ['Asia/Shanghai', true],
    ['America/Argentina/Buenos_Aires', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['CST', false],
    ['+08:00', false],
    ['', false],
    ['Europe/Berlin<script>', false],
  ])('%j is a named zone: %s', (name, known) => expect(isNamedZone(name)).toBe(known));

  it('lists the runtime\'s zones, Area/City names only, by the names cities have today', () => {
    const zones = namedZones();
    expect(zones).toContain('Europe/Berlin');
    expect(zones.every((zone) => zone.includes('/'))).toBe(true);
    expect(zones).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Europe/Kyiv', 'Asia/Ho_Chi_Minh']));
    expect(zones).not.toContain('Asia/Calcutta');
    expect(new Set(zones).size).toBe(zones.length);
    expect(namedZoneOffset('Asia/Kolkata')(Date.UTC(2026, 0, 1))).toBe(330);
  });

  it('gives the offset of an instant, daylight saving included', () => {
    const newYork = namedZoneOffset('America/New_York');
    expect(newYork(Date.UTC(2026, 0, 15, 12))).toBe(-300);
    expect(newYork(Date.UTC(2026, 6, 1, 12))).toBe(-240);
    // Clocks went forward at 07:00 UTC on 2026-03-08: the quarter-hour before and the one after.
    expect(newYork(Date.UTC(2026, 2, 8, 6, 59))).toBe(-300);
    expect(newYork(Date.UTC(2026, 2, 8, 7, 0))).toBe(-240);
    expect(namedZoneOffset('Asia/Kolkata')(Date.UTC(2026, 6, 1))).toBe(330);
    expect(namedZoneOffset('Australia/Lord_Howe')(Date.UTC(2026, 0, 15))).toBe(660);
  });

  it('follows a change at a minute that is not a quarter-hour\'s (Casey, Antarctica, 2020-10-04 00:01 local)', () => {
    const casey = namedZoneOffset('Antarctica/Casey');
    // +08:00 until 16:01 UTC on 2020-10-03, +11:00 from then: the same quarter-hour, asked at either side of it.
    expect(casey(Date.UTC(2020, 9, 3, 16, 0, 30))).toBe(480);
    expect(casey(Date.UTC(2020, 9, 3, 16, 5))).toBe(660);
    expect(casey(Date.UTC(2020, 9, 3, 16, 0, 30))).toBe(480);
  });

  it('reads zone-less wall times on both sides of a change with the offset of their own hour (E7)', () => {
    const at = (text: string, zone: string) => parseLogTimestamp(text, namedZoneOffset(zone))?.at;
    expect(at('2026-03-08 01:30:00', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 6, 30));
    expect(at('2026-03-08 03:30:00', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 7, 30));
    // Berlin: 02:30 does not exist on 30 March 2025 (read as 03:30 CEST); on 26 October it is read as its first pass.
    expect(at('2025-03-30 02:30:00', 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 30, 1, 30));
    expect(at('2025-10-26 02:30:00', 'Europe/Berlin')).toBe(Date.UTC(2025, 9, 26, 0, 30));
    // New York's repeated 01:30 on 2 November 2025 alike: its first pass, EDT.
    expect(at('2025-11-02 01:30:00', 'America/New_York')).toBe(Date.UTC(2025, 10, 2, 5, 30));
    expect(at('2026-11-27 10:00:00', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 27, 2));
  });
});
