import { describe, expect, it } from 'vitest';
import { stackedBarPaths } from './bar-layer';
import { bandScale } from './fake-scales';

type Row = { readonly t: number; readonly a: number; readonly b: number };

/** A linear value scale: `bottom` px at 0, `perUnit` px up per unit. */
const valueScale = (bottom: number, perUnit: number) => (v: number) => bottom - v * perUnit;
const series = [{ value: (r: Row) => r.a }, { value: (r: Row) => r.b }];

describe('stackedBarPaths', () => {
  it('stacks the series bottom to top, a gap in from each side of the band', () => {
    const rows: Row[] = [{ t: 0, a: 2, b: 3 }];
    expect(stackedBarPaths(rows, series, bandScale([0], 10, 5), valueScale(100, 10), 1)).toEqual([
      'M 11,80 h 3 v 20 h -3 Z',
      'M 11,50 h 3 v 30 h -3 Z',
    ]);
  });

  it('leaves out zero-height segments and series without a bar', () => {
    const rows: Row[] = [
      { t: 0, a: 0, b: 3 },
      { t: 1, a: 0, b: 0 },
    ];
    expect(stackedBarPaths(rows, series, bandScale([0, 1], 0, 4), valueScale(100, 10), 1)).toEqual(['', 'M 1,70 h 2 v 30 h -2 Z']);
  });

  it('rounds the width, and coordinates to four decimals, as Recharts does', () => {
    const rows: Row[] = [{ t: 0, a: 1, b: 0 }];
    expect(stackedBarPaths(rows, series, bandScale([0], 10.123456, 4.7), valueScale(100, 3.333333), 1)[0]).toBe('M 11.1235,96.6667 h 3 v 3.3333 h -3 Z');
  });

  it('fills a band too narrow for its gaps, at least a pixel wide and centred, where Recharts would draw nothing or a bar backwards', () => {
    const rows: Row[] = [{ t: 0, a: 1, b: 0 }];
    // 2.6 px less two gaps of 1 px leaves 0.6 px: the bar takes the band's 2.6 px.
    expect(stackedBarPaths(rows, series, bandScale([0], 0, 2.6), valueScale(100, 10), 1)[0]).toBe('M 0,90 h 2.6 v 10 h -2.6 Z');
    // 1.4 px less two gaps is negative.
    expect(stackedBarPaths(rows, series, bandScale([0], 10, 1.4), valueScale(100, 10), 1)[0]).toBe('M 10,90 h 1.4 v 10 h -1.4 Z');
    // A band of half a pixel: a bar of one, centred on it.
    expect(stackedBarPaths(rows, series, bandScale([0], 10, 0.5), valueScale(100, 10), 1)[0]).toBe('M 9.75,90 h 1 v 10 h -1 Z');
  });

  it('takes the band width as the scale has it, not as two positions subtract', () => {
    // 1.6 + 2.5 - 1.6 is 2.4999999999999996 in floating point: the width (2.5 - 2 * 0.5) would round to 1, not 2.
    const rows: Row[] = [{ t: 0, a: 1, b: 0 }];
    expect(1.6 + 2.5 - 1.6).toBeLessThan(2.5);
    expect(stackedBarPaths(rows, series, bandScale([0], 1.6, 2.5), valueScale(100, 10), 0.5)[0]).toBe('M 2.1,90 h 2 v 10 h -2 Z');
  });

  it('draws nothing for rows the axis does not know, or without a band', () => {
    const rows: Row[] = [{ t: 7, a: 1, b: 1 }];
    expect(stackedBarPaths(rows, series, bandScale([0], 0, 4), valueScale(100, 10), 1)).toEqual(['', '']);
    expect(stackedBarPaths([{ t: 0, a: 1, b: 1 }], series, bandScale([0], 0, 0), valueScale(100, 10), 1)).toEqual(['', '']);
  });
});
