import { describe, expect, it } from 'vitest';
import { fittingZones } from './zone-fit';

const HOUR = 3_600_000;

describe('fittingZones', () => {
  // A log written in UTC: a 1308 at 10:00 UTC whose reset is at 12:00 UTC.
  const writtenAt = Date.UTC(2026, 7, 25, 10);
  const resetAt = Date.UTC(2026, 7, 25, 12);

  it('read in New York (5 h late), the reset falls before its error: UTC and UTC+1 make it fit', () => {
    const readInNewYork = writtenAt + 5 * HOUR;
    expect(fittingZones({ eventAt: readInNewYork, readAtOffset: -300, resetAt, window: '5-hour', dateOnly: false })).toEqual([
      ['UTC', 0],
      ['UTC+1', 60],
    ]);
  });

  it('read in Shanghai (8 h early), the reset is beyond the 5-hour window: UTC fits, and not the zone it was read in', () => {
    const readInShanghai = writtenAt - 8 * HOUR;
    const fits = fittingZones({ eventAt: readInShanghai, readAtOffset: 480, resetAt, window: '5-hour', dateOnly: false });
    expect(fits.map(([label]) => label)).toContain('UTC');
    expect(fits.map(([, offset]) => offset)).not.toContain(480);
  });

  it('offers nothing when no zone makes the reset fit (a stale stamp)', () => {
    expect(fittingZones({ eventAt: writtenAt, readAtOffset: 0, resetAt: resetAt - 30 * 24 * HOUR, window: '5-hour', dateOnly: false })).toEqual([]);
  });
});
