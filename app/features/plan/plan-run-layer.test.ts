import { describe, expect, it } from 'vitest';
import { bandScale } from '../../shared/chart/fake-scales';
import { runPaths } from './plan-run-layer';

// Four buckets of 10 ms, 20 px each, the plot starting 44 px in (the time charts' y axis gutter).
const scale = bandScale([0, 10, 20, 30], 44, 20);
const plot = { y: 0, height: 44 };

describe('runPaths', () => {
  it('draws each run as one rectangle from its first bucket’s start to its last one’s end, one path per state', () => {
    const runs = [
      { from: 0, to: 20, state: 'no-data' },
      { from: 20, to: 30, state: 'active' },
      { from: 30, to: 40, state: 'no-data' },
    ] as const;
    expect(runPaths(runs, 10, scale, plot)).toEqual([
      { state: 'active', d: 'M 84,0 h 20 v 44 h -20 Z' },
      { state: 'no-data', d: 'M 44,0 h 40 v 44 h -40 Z M 104,0 h 20 v 44 h -20 Z' },
    ]);
  });

  it('leaves out a run whose buckets the axis does not know', () => {
    expect(runPaths([{ from: 40, to: 60, state: 'active' }], 10, scale, plot)).toEqual([]);
  });

  it('rounds coordinates to four decimals, as Recharts draws a rectangle', () => {
    expect(runPaths([{ from: 0, to: 10, state: 'throttled' }], 10, bandScale([0], 10.123456, 3.333333), { y: 0.000001, height: 44 })).toEqual([
      { state: 'throttled', d: 'M 10.1235,0 h 3.3333 v 44 h -3.3333 Z' },
    ]);
  });
});
