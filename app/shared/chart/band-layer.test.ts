import { describe, expect, it } from 'vitest';
import { bandRects } from './band-layer';
import { peakBands } from './peak-bands';
import { bandScale } from './fake-scales';

const plot = { y: 8, height: 222 };
const band = (x1: number, x2: number, key = `b${x1}`) => ({ key, x1, x2, className: 'peak-band' });

describe('bandRects', () => {
  it('spans from the start of the first category to the end of the last, over the plot height', () => {
    expect(bandRects([band(1, 2)], bandScale([0, 1, 2, 3], 40, 10), plot)).toEqual([{ key: 'b1', className: 'peak-band', x: 50, y: 8, width: 20, height: 222 }]);
  });

  it('covers one whole category when both ends are in it', () => {
    expect(bandRects([band(3, 3)], bandScale([0, 1, 2, 3], 40, 10), plot)[0]).toMatchObject({ x: 70, width: 10 });
  });

  it('leaves out a band whose ends the axis does not know, and keeps the others in order', () => {
    const rects = bandRects([band(0, 9), band(0, 0, 'first'), band(7, 1), band(2, 3, 'last')], bandScale([0, 1, 2, 3], 0, 5), plot);
    expect(rects.map((r) => r.key)).toEqual(['first', 'last']);
  });

  it('rounds coordinates to four decimals, as Recharts draws a reference area', () => {
    expect(bandRects([band(0, 1)], bandScale([0, 1], 10.123456, 3.333333), { y: 8.000001, height: 100.123456 })[0]).toMatchObject({
      x: 10.1235,
      y: 8,
      width: 6.6667,
      height: 100.1235,
    });
  });
});

describe('peakBands', () => {
  const HOUR = 3_600_000;
  const utc = (iso: string) => Date.parse(iso);
  const rows = (from: string, count: number, size: number) => Array.from({ length: count }, (_, i) => ({ t: utc(from) + i * size }));

  it('shades from the bucket 14:00 UTC+8 falls in to the bucket holding the window’s last moment', () => {
    // Monday 2026-11-23, hourly buckets from 00:00 UTC: the window is 06:00–10:00 UTC.
    expect(peakBands(rows('2026-11-23T00:00:00Z', 24, HOUR), HOUR)).toEqual([
      { key: `peak-${utc('2026-11-23T06:00:00Z')}`, x1: utc('2026-11-23T06:00:00Z'), x2: utc('2026-11-23T09:00:00Z'), className: 'peak-band' },
    ]);
  });

  it('starts a band at the bucket holding the window’s start when buckets do not line up with it', () => {
    // 7-hour buckets from 02:00 UTC: 06:00 falls in the first, 09:59 in the second.
    const [only] = peakBands(rows('2026-11-23T02:00:00Z', 3, 7 * HOUR), 7 * HOUR);
    expect(only).toMatchObject({ x1: utc('2026-11-23T02:00:00Z'), x2: utc('2026-11-23T09:00:00Z') });
  });

  it('draws none on weekends, on day-long buckets, or without rows', () => {
    expect(peakBands(rows('2026-11-28T00:00:00Z', 48, HOUR), HOUR)).toEqual([]);
    expect(peakBands(rows('2026-11-23T00:00:00Z', 7, 24 * HOUR), 24 * HOUR)).toEqual([]);
    expect(peakBands([], HOUR)).toEqual([]);
  });
});
