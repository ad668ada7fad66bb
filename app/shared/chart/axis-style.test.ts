import { describe, expect, it } from 'vitest';
import { countAxisTicks } from './axis-style';

describe('countAxisTicks', () => {
  it.each([
    [0, 2],
    [1, 2],
    [2, 3],
    [3, 4],
    [4, 5],
    [250, 5],
    [1.5, 2],
  ])('highest count %d -> %d ticks (whole numbers from 0, at most 5)', (highest, ticks) => {
    expect(countAxisTicks(highest)).toBe(ticks);
  });
});
