import { describe, expect, it } from 'vitest';
import { assessReset } from './assess-reset';
import { parseLogTimestamp } from './log-timestamp';
import { parseProviderStamp } from './provider-stamp';

const at = (iso: string) => Date.parse(iso);

describe('assessReset', () => {
  it('E1: the oh-my-pi #11014 numbers are plausible when read as UTC+8', () => {
    const reset = parseProviderStamp('2026-09-06 09:04:58');
    const event = parseLogTimestamp('2026-09-06T06:37:09.823+08:00');
    expect(new Date(reset?.at ?? 0).toISOString()).toBe('2026-09-06T01:04:58.000Z');
    expect(assessReset({ resetAt: reset?.at ?? 0, eventAt: event?.at ?? null, window: '5-hour' })).toEqual({ plausible: true, reason: null });
    // the same stamp read as UTC is 8 h off: beyond the 5-hour window
    const asUtc = parseProviderStamp('2026-09-06 09:04:58', 0);
    expect(assessReset({ resetAt: asUtc?.at ?? 0, eventAt: event?.at ?? null, window: '5-hour' }).plausible).toBe(false);
  });

  // E10 and the window horizons
  it.each([
    ['8 h in the past', '2026-09-06T02:00:00Z', '2026-09-06T10:00:00Z', '5-hour', false, false],
    ['4 min in the past (skew)', '2026-09-06T09:56:00Z', '2026-09-06T10:00:00Z', '5-hour', false, true],
    ['5 h ahead', '2026-09-06T15:00:00Z', '2026-09-06T10:00:00Z', '5-hour', false, true],
    ['6 h ahead of a 5-hour window', '2026-09-06T16:00:00Z', '2026-09-06T10:00:00Z', '5-hour', false, false],
    ['6 d ahead, weekly', '2026-09-12T10:00:00Z', '2026-09-06T10:00:00Z', 'weekly', false, true],
    ['8 d ahead, weekly', '2026-09-14T10:00:00Z', '2026-09-06T10:00:00Z', 'weekly', false, false],
    ['30 d ahead, monthly', '2026-10-06T10:00:00Z', '2026-09-06T10:00:00Z', 'monthly', false, true],
    ['32 d ahead, monthly', '2026-10-08T12:00:00Z', '2026-09-06T10:00:00Z', 'monthly', false, false],
    ['30 d ahead, window unknown', '2026-10-06T10:00:00Z', '2026-09-06T10:00:00Z', null, false, true],
    ['date-only reset on the day of the event', '2026-09-05T16:00:00Z', '2026-09-06T10:00:00Z', 'weekly', true, true],
    ['date-only reset two days before', '2026-09-03T16:00:00Z', '2026-09-06T10:00:00Z', 'weekly', true, false],
  ] as const)('%s', (_label, reset, event, window, dateOnly, plausible) => {
    const result = assessReset({ resetAt: at(reset), eventAt: at(event), window, dateOnly });
    expect(result.plausible).toBe(plausible);
    expect(result.reason === null).toBe(plausible);
  });

  it('is plausible when the event time is unknown, implausible when the reset is not a number', () => {
    expect(assessReset({ resetAt: at('2020-01-01T00:00:00Z'), eventAt: null, window: '5-hour' }).plausible).toBe(true);
    expect(assessReset({ resetAt: Number.NaN, eventAt: null, window: '5-hour' }).plausible).toBe(false);
  });

  it('explains why', () => {
    const result = assessReset({ resetAt: at('2026-09-06T02:00:00Z'), eventAt: at('2026-09-06T10:00:00Z'), window: '5-hour' });
    expect(result.reason).toBe('the reset is 8h before the error was logged');
    // Spans are written as the countdowns write them.
    expect(assessReset({ resetAt: at('2026-09-06T08:30:00Z'), eventAt: at('2026-09-06T10:00:00Z'), window: '5-hour' }).reason).toBe('the reset is 1h 30m before the error was logged');
    expect(assessReset({ resetAt: at('2026-09-15T10:00:00Z'), eventAt: at('2026-09-06T10:00:00Z'), window: 'weekly' }).reason).toBe('the reset is 9d after the error, beyond the weekly window');
  });
});
