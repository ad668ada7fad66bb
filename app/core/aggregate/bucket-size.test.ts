import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketGrid, chooseBucketSize, MAX_BUCKETS, WEEK } from './bucket-size';

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
