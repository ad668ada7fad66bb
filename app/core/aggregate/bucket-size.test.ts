import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketGrid, chooseBucketSize, coarsenGrid, MAX_BUCKETS, maxBucketsFor, MIN_BUCKET_PX, WEEK } from './bucket-size';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const T = Date.UTC(2026, 2, 4, 13, 37, 11, 123);

describe('chooseBucketSize', () => {
  it.each([
    ['single event (1 ms)', 1, S],
    ['1 minute', M, S],
    ['2 minutes', 2 * M, S],
    ['3 minutes (180 buckets of 1 s are too many)', 3 * M, 5 * S],
    ['15 minutes', 15 * M, 15 * S],
    ['1 hour', H, 30 * S],
    ['2 hours', 2 * H, M],
    ['4 hours', 4 * H, 5 * M],
    ['24 hours', D, 15 * M],
    ['3 days', 3 * D, 30 * M],
    ['4 days', 4 * D, H],
    ['7 days', 7 * D, 3 * H],
    ['30 days', 30 * D, 6 * H],
    ['60 days', 60 * D, 12 * H],
    ['120 days', 120 * D, D],
    ['200 days', 200 * D, WEEK],
    ['5 years', 5 * 365 * D, 2 * WEEK],
    ['50 years', 50 * 365.25 * D, 18 * WEEK],
  ])('%s', (_name, span, size) => {
    expect(chooseBucketSize(T, T + span)).toBe(size);
  });

  it('never yields more than MAX_BUCKETS aligned buckets (any range, any zone)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -8.64e15, max: 8.64e15 }),
        fc.integer({ min: 1, max: 8.64e15 }),
        fc.constantFrom(0, 480, -300, 330, 345),
        (from, span, offset) => {
          const grid = bucketGrid({ from, to: from + span }, offset);
          expect(grid.count).toBeGreaterThanOrEqual(1);
          expect(grid.count).toBeLessThanOrEqual(MAX_BUCKETS);
          expect(grid.start).toBeLessThanOrEqual(from);
          expect(grid.start + grid.count * grid.size).toBeGreaterThanOrEqual(from + span);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('bucketGrid alignment', () => {
  it.each([
    ['seconds align to the second', { from: T, to: T + M }, 0, Date.UTC(2026, 2, 4, 13, 37, 11)],
    ['days align to UTC midnight', { from: T, to: T + 120 * D }, 0, Date.UTC(2026, 2, 4)],
    ['days align to UTC+8 midnight', { from: T, to: T + 120 * D }, 480, Date.UTC(2026, 2, 3, 16)],
    ['weeks start on Monday (UTC)', { from: T, to: T + 3 * 365 * D }, 0, Date.UTC(2026, 2, 2)],
    ['weeks start on Monday (UTC+8)', { from: T, to: T + 3 * 365 * D }, 480, Date.UTC(2026, 2, 1, 16)],
  ])('%s', (_name, range, offset, start) => {
    expect(bucketGrid(range, offset).start).toBe(start);
  });
});

describe('maxBucketsFor (buckets a plot has room for)', () => {
  it.each([
    ['a 390 px phone (264 px plot)', 264, 52],
    ['a 360 px phone (234 px plot)', 234, 46],
    ['a 1280 px desktop (758 px plot): the worker\'s grid fits', 758, MAX_BUCKETS],
    ['a plot not measured yet', Number.NaN, MAX_BUCKETS],
    ['a plot of nothing', 0, 2],
  ])('%s', (_name, plotPx, max) => {
    expect(maxBucketsFor(plotPx)).toBe(max);
  });
});

describe('coarsenGrid (fewer, wider buckets for a narrow plot)', () => {
  const hourAt = Date.UTC(2026, 10, 24, 22);
  it.each([
    ['an hour narrowed from a bar, on a phone: 30 bars of 2 min', { start: hourAt, size: 30 * S, count: 120 }, 52, 0, { start: hourAt, size: 2 * M, count: 30 }],
    ['the demo on a phone: 94 hours in 47 bars of 2 hours', { start: Date.UTC(2026, 10, 22, 20), size: H, count: 94 }, 52, 0, { start: Date.UTC(2026, 10, 22, 20), size: 2 * H, count: 47 }],
    ['3-hour buckets start at a multiple of 3 h from midnight (UTC)', { start: Date.UTC(2026, 10, 22, 20), size: H, count: 94 }, 40, 0, { start: Date.UTC(2026, 10, 22, 18), size: 3 * H, count: 32 }],
    ['3-hour buckets start at a multiple of 3 h from midnight (UTC+8)', { start: Date.UTC(2026, 10, 22, 20), size: H, count: 94 }, 40, 480, { start: Date.UTC(2026, 10, 22, 19), size: 3 * H, count: 32 }],
    ['days become weeks starting on Monday', { start: Date.UTC(2026, 2, 4), size: D, count: 120 }, 40, 0, { start: Date.UTC(2026, 2, 2), size: WEEK, count: 18 }],
    ['weeks become whole multiples of themselves', { start: Date.UTC(2026, 2, 2), size: 2 * WEEK, count: 150 }, 52, 0, { start: Date.UTC(2026, 1, 16), size: 6 * WEEK, count: 51 }],
    ['a grid that fits is kept', { start: hourAt, size: H, count: 52 }, 52, 0, { start: hourAt, size: H, count: 52 }],
  ])('%s', (_name, grid, max, offset, coarse) => {
    expect(coarsenGrid(grid, max, offset)).toEqual(coarse);
  });

  it('a grid made in another offset (daylight saving since) is coarsened from its own start, not between its days', () => {
    // Days from midnight in UTC+1 (23:00 UTC), weeks asked for once the zone is UTC+2 (from 22:00 UTC).
    const grid = { start: Date.UTC(2026, 2, 1, 23), size: D, count: 120 };
    expect(coarsenGrid(grid, 40, 120)).toEqual({ start: grid.start, size: WEEK, count: 18 });
  });

  it('never more buckets than asked for, each of whole buckets of the grid, covering all of it (any grid, width, zone)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -8.64e15, max: 8.64e15 }),
        fc.integer({ min: 1, max: 8.64e15 }),
        fc.constantFrom(0, 480, -300, 330, 345),
        fc.integer({ min: 0, max: 2000 }),
        (from, span, offset, plotPx) => {
          const grid = bucketGrid({ from, to: from + span }, offset);
          const max = maxBucketsFor(plotPx);
          const coarse = coarsenGrid(grid, max, offset);
          expect(coarse.count).toBeLessThanOrEqual(max);
          expect(coarse.count).toBeGreaterThanOrEqual(1);
          expect(coarse.size % grid.size).toBe(0);
          expect((grid.start - coarse.start) % grid.size).toBe(0);
          expect(coarse.start).toBeLessThanOrEqual(grid.start);
          expect(coarse.start + coarse.count * coarse.size).toBeGreaterThanOrEqual(grid.start + grid.count * grid.size);
          // Bars no narrower than MIN_BUCKET_PX where the plot has room for two.
          if (plotPx >= 2 * MIN_BUCKET_PX) expect(plotPx / coarse.count).toBeGreaterThanOrEqual(MIN_BUCKET_PX);
        },
      ),
      { numRuns: 500 },
    );
  });
});
