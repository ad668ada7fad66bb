import { describe, expect, it } from 'vitest';
import { RESETTING_MS } from '../../core/countdown/countdown';
import { latestAdvice } from './latest-advice';

const RESET = Date.parse('2026-11-27T18:00:00Z');
const MIN = 60_000;
const timed = { at: RESET, dateOnly: false, readInOffsetMinutes: 480 };
// A day-only stamp read in UTC+8: 2026-11-28 begins there at 16:00 UTC the day before.
const DAY_START = Date.parse('2026-11-27T16:00:00Z');
const day = { at: DAY_START, dateOnly: true, readInOffsetMinutes: 480 };

describe('latestAdvice', () => {
  it.each([
    ['no reset: the verdict', 'wait-for-reset', null, RESET, 'utc', { text: 'Wait for the reset' }],
    ['no reset, no catalog entry', null, null, RESET, 'utc', { text: 'uncatalogued' }],
    ['a reset to come', 'wait-for-reset', timed, RESET - 30 * MIN, 'utc', { text: 'Wait for the reset at 18:00', title: '2026-11-27 18:00:00 UTC' }],
    ['the reset instant: passed', 'wait-for-reset', timed, RESET, 'utc', { text: 'Reset passed at 18:00: you can retry', title: '2026-11-27 18:00:00 UTC' }],
    ['a reset passed', 'wait-for-reset', timed, RESET + RESETTING_MS + 2 * MIN, 'utc', { text: 'Reset passed at 18:00: you can retry', title: '2026-11-27 18:00:00 UTC' }],
    ['in the display zone', 'wait-for-reset', timed, RESET + 2 * MIN, 'utc+8', { text: 'Reset passed at 02:00: you can retry', title: '2026-11-28 02:00:00 UTC+8' }],
    // 15:50 UTC is 23:50 on the 27th in UTC+8, the reset 02:00 on the 28th: another day there, not in UTC.
    ['its day in the display zone', 'wait-for-reset', timed, RESET - 130 * MIN, 'utc+8', { text: 'Wait for the reset at Nov 28, 02:00', title: '2026-11-28 02:00:00 UTC+8' }],
    ['the same instants in UTC', 'wait-for-reset', timed, RESET - 130 * MIN, 'utc', { text: 'Wait for the reset at 18:00', title: '2026-11-27 18:00:00 UTC' }],
    ['a reset passed on another day', 'wait-for-reset', timed, RESET + 26 * 60 * MIN, 'utc', { text: 'Reset passed on Nov 27: you can retry', title: '2026-11-27 18:00:00 UTC' }],
    ['a reset days ahead', 'wait-for-reset', timed, RESET - 3 * 24 * 60 * MIN, 'utc', { text: 'Wait for the reset at Nov 27, 18:00', title: '2026-11-27 18:00:00 UTC' }],
    ['a reset day to come', 'wait-for-reset', day, DAY_START - MIN, 'utc', { text: 'Wait for the reset on Nov 28', title: '2026-11-28 (UTC+8), time of day not known' }],
    ['on the reset day, its hour unknown', 'wait-for-reset', day, DAY_START + 20 * 60 * MIN, 'utc', { text: 'Resets today, time not known', title: '2026-11-28 (UTC+8), time of day not known' }],
    ['a reset day passed', 'wait-for-reset', day, DAY_START + 24 * 60 * MIN, 'utc', { text: 'Reset day Nov 28 passed: you can retry', title: '2026-11-28 (UTC+8), time of day not known' }],
  ] as const)('%s', (_name, verdict, reset, now, tz, expected) => {
    expect(latestAdvice({ verdict, reset, now, tz })).toEqual(expected);
  });
});
