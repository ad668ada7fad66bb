import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { announcementStep, announcementText, isResetAhead, RESETTING_MS, toCountdown, toDayCountdown, toIcsEvent } from './countdown';

const RESET = Date.UTC(2026, 7, 31, 10, 19, 41);

describe('toCountdown', () => {
  it.each([
    ['an hour before', RESET - 3_600_000, { state: 'counting', remainingMs: 3_600_000, sinceMs: 0 }],
    ['one second before', RESET - 1000, { state: 'counting', remainingMs: 1000, sinceMs: 0 }],
    ['at the instant', RESET, { state: 'resetting', remainingMs: 0, sinceMs: 0 }],
    ['59 s after', RESET + 59_000, { state: 'resetting', remainingMs: 0, sinceMs: 59_000 }],
    ['a minute after', RESET + RESETTING_MS, { state: 'passed', remainingMs: 0, sinceMs: RESETTING_MS }],
    ['a day after', RESET + 86_400_000, { state: 'passed', remainingMs: 0, sinceMs: 86_400_000 }],
  ] as const)('%s', (_label, now, expected) => {
    expect(toCountdown(RESET, now)).toEqual(expected);
  });

  it('is never negative and is zero exactly when now >= reset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 42 }), fc.integer({ min: 0, max: 2 ** 42 }), (resetAt, now) => {
        const c = toCountdown(resetAt, now);
        expect(c.remainingMs).toBeGreaterThanOrEqual(0);
        expect(c.sinceMs).toBeGreaterThanOrEqual(0);
        expect(c.remainingMs === 0).toBe(now >= resetAt);
        expect(c.remainingMs + c.sinceMs).toBe(Math.abs(resetAt - now));
      }),
    );
  });
});

describe('announcementStep', () => {
  it('changes only at thresholds, not every second', () => {
    expect(announcementStep(2 * 3_600_000)).toBe(announcementStep(2 * 3_600_000 - 1000));
    expect(announcementStep(3_600_001)).not.toBe(announcementStep(3_600_000));
    expect(announcementStep(0)).toBeGreaterThan(announcementStep(1000));
  });
});

describe('announcementText', () => {
  it.each([
    [2 * 86_400_000, 'more than a day left'],
    [5 * 3_600_000, 'less than a day left'],
    [45 * 60_000, 'less than an hour left'],
    [20 * 60_000, 'less than 30 minutes left'],
    [7 * 60_000, 'less than 10 minutes left'],
    [3 * 60_000, 'less than 5 minutes left'],
    [30_000, 'less than a minute left'],
    [0, 'resetting now'],
  ])('%d ms -> %s', (remaining, text) => expect(announcementText(remaining)).toBe(text));
});

describe('toIcsEvent', () => {
  it('writes the reset as a UTC event with an alarm, escaping text', () => {
    const ics = toIcsEvent({ resetAt: RESET, now: RESET - 3_600_000, title: 'Z.ai 5-hour quota resets', description: 'Code 1308; usage, reset', uid: '1308-x@quotalens' });
    expect(ics).toContain('DTSTART:20260831T101941Z\r\n');
    expect(ics).toContain('DTEND:20260831T103441Z\r\n');
    expect(ics).toContain('SUMMARY:Z.ai 5-hour quota resets\r\n');
    expect(ics).toContain('DESCRIPTION:Code 1308\\; usage\\, reset\r\n');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});

describe('toDayCountdown (E12: a reset known by its day only)', () => {
  const day = Date.UTC(2026, 7, 29, 16); // 2026-08-30 00:00 in UTC+8
  const hour = 3_600_000;
  it.each([
    [day - 30 * hour, { state: 'before', daysLeft: 2 }],
    [day - 1, { state: 'before', daysLeft: 1 }],
    [day, { state: 'today', daysLeft: 0 }],
    [day + 23 * hour, { state: 'today', daysLeft: 0 }],
    [day + 24 * hour, { state: 'passed', daysLeft: 0 }],
  ])('now %s -> %j', (now, expected) => expect(toDayCountdown(day, now)).toEqual(expected));
});

describe('isResetAhead', () => {
  const T = Date.UTC(2026, 10, 27, 12);
  it('is true until the instant, and for a day only until the day has ended', () => {
    expect(isResetAhead({ resetAt: T, dateOnly: false }, T - 1)).toBe(true);
    expect(isResetAhead({ resetAt: T, dateOnly: false }, T)).toBe(false);
    expect(isResetAhead({ resetAt: T, dateOnly: true }, T + 23 * 3_600_000)).toBe(true);
    expect(isResetAhead({ resetAt: T, dateOnly: true }, T + 24 * 3_600_000)).toBe(false);
  });
});
