import { describe, expect, it } from 'vitest';
import type { Overview, ResetGroup, WindowResets } from '../../core/aggregate';
import { nowHeadline } from './now-headline';

const T = Date.parse('2026-11-27T12:00:00Z');
const H = 3_600_000;
const group = (resetAt: number, code: string, dateOnly = false): ResetGroup => ({ resetAt, raw: '', code, count: 1, firstEventAt: T - H, lastEventAt: T - H, dateOnly, zoneAssumed: true });
const windowOf = (window: WindowResets['window'], latest: ResetGroup | null): WindowResets => ({ window, latest, hitAfterReset: false, superseded: [], omitted: 0, implausible: { count: 0, latest: null } });
const latest = (code: string | null, at: number, reset: NonNullable<Overview['latest']>['reset'] = null): Overview['latest'] => ({ code, at, reset }) as Overview['latest'];
const headline = (resets: WindowResets[], last: Overview['latest'], now = T) => nowHeadline({ resets, latest: last, now, tz: 'utc', resetOffsetMinutes: 480 });

describe('nowHeadline', () => {
  it('puts a limit that still blocks first, the one that blocks longest, whatever the latest error says', () => {
    const resets = [windowOf('5-hour', group(T + 2 * H, '1308')), windowOf('weekly', group(T + 72 * H + 12 * 60_000, '1310')), windowOf('monthly', null)];
    expect(headline(resets, latest('500', T - 60_000))).toEqual({
      tone: 'blocked',
      text: 'Weekly quota used up: wait for its reset at 2026-11-30 12:12 UTC, in 3d 0h 12m (1310).',
    });
  });

  it('says a reset written as a day only by its day, in the zone its stamps are read in', () => {
    // 2026-11-29 begins at 16:00 UTC the day before in UTC+8.
    const resets = [windowOf('weekly', group(Date.parse('2026-11-28T16:00:00Z'), '1310', true))];
    expect(headline(resets, null).text).toBe('Weekly quota used up: wait for its reset on 2026-11-29 (UTC+8, time of day not known) (1310).');
  });

  it('says a last minute as such, and a reset named only by errors without a time as unchecked', () => {
    expect(headline([windowOf('5-hour', group(T + 30_000, '1308'))], null).text).toBe('5-hour quota used up: wait for its reset at 2026-11-27 12:00 UTC, in under a minute (1308).');
    const undated = { ...group(T + 2 * H, '1308'), undated: true };
    expect(headline([windowOf('5-hour', undated)], null).text).toBe('5-hour quota used up: wait for its reset at 2026-11-27 14:00 UTC, in 2h 0m (1308, named by an error without a time).');
  });

  it('once every reset has passed, gives the latest error and what to do about it', () => {
    const resets = [windowOf('5-hour', group(T - H, '1308'))];
    expect(headline(resets, latest('1113', T - 2 * 60_000))).toEqual({ tone: 'latest', text: 'Latest error: 1113 Insufficient balance, 2m ago. Top up or check the endpoint.' });
    expect(headline(resets, latest('1308', T - 2 * H, { at: T - H, dateOnly: false, readInOffsetMinutes: 480 })).text).toBe(
      'Latest error: 1308 Usage limit reached, 2h 0m ago. Reset passed at 11:00: you can retry.',
    );
    expect(headline([], latest('9999', T - 10_000)).text).toBe('Latest error: 9999, just now. Not in the catalog: see its record.');
  });

  it('says when the view holds no dated error', () => {
    expect(headline([], null)).toEqual({ tone: 'none', text: 'No dated error in this view.' });
  });
});
