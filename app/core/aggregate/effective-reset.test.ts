import { describe, expect, it } from 'vitest';
import type { ResetInfo } from '../classify/outcome';
import { effectiveReset, resetInZone } from './effective-reset';

const H = 3_600_000;
const EVENT = Date.parse('2026-09-05T22:37:09Z');
// "2026-09-06 09:04:58" read as UTC+8 (RELIABILITY E1).
const zoneless: ResetInfo = { raw: '2026-09-06 09:04:58', at: Date.parse('2026-09-06T01:04:58Z'), dateOnly: false, assumedOffsetMinutes: 480, plausible: true, implausibleReason: null };

describe('effectiveReset', () => {
  it('keeps the instant under the zone it was read in', () => {
    expect(effectiveReset(zoneless, EVENT, '5-hour', 480)).toBe(zoneless.at);
  });
  it('moves a zone-less stamp when the view reads it in another zone, and judges it again', () => {
    // Read as UTC the same stamp lies 8 h later: beyond the 5-hour window, so no countdown.
    expect(effectiveReset(zoneless, EVENT, '5-hour', 0)).toBeNull();
    expect(effectiveReset(zoneless, EVENT, 'weekly', 0)).toBe((zoneless.at ?? 0) + 8 * H);
  });
  it('never moves a stamp that carried its own zone', () => {
    const withZone: ResetInfo = { ...zoneless, raw: '2026-09-06T01:04:58Z', assumedOffsetMinutes: null };
    expect(effectiveReset(withZone, EVENT, '5-hour', 0)).toBe(withZone.at);
  });
  it('gives nothing for implausible, unreadable or missing resets', () => {
    expect(effectiveReset({ ...zoneless, plausible: false }, EVENT, '5-hour', 480)).toBeNull();
    expect(effectiveReset({ ...zoneless, at: null }, EVENT, '5-hour', 480)).toBeNull();
    expect(effectiveReset(null, EVENT, '5-hour', 480)).toBeNull();
  });
});

describe('resetInZone', () => {
  it("gives the instant in the view's zone with its verdict, implausible ones too, and the reason", () => {
    expect(resetInZone(zoneless, EVENT, '5-hour', 480)).toEqual({ at: zoneless.at, plausible: true, reason: null });
    const inUtc = resetInZone(zoneless, EVENT, '5-hour', 0);
    expect(inUtc.at).toBe((zoneless.at ?? 0) + 8 * H);
    expect(inUtc.plausible).toBe(false);
    expect(inUtc.reason).toMatch(/beyond the 5-hour window/);
  });
  it('keeps a stamp that carried its own zone, and an unreadable one, as read', () => {
    const withZone: ResetInfo = { ...zoneless, assumedOffsetMinutes: null };
    expect(resetInZone(withZone, EVENT, '5-hour', 0)).toEqual({ at: withZone.at, plausible: true, reason: null });
    expect(resetInZone({ ...zoneless, at: null, plausible: false, implausibleReason: 'unreadable' }, EVENT, '5-hour', 0)).toEqual({ at: null, plausible: false, reason: 'unreadable' });
  });
});
