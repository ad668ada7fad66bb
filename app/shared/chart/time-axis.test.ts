import { describe, expect, it } from 'vitest';
import { tickInterval } from './time-axis';

describe('tickInterval', () => {
  it('draws every label when they fit, and thins them so that they never overlap', () => {
    expect(tickInterval(10, 5, 1000)).toBe(0);
    expect(tickInterval(500, 5, 1000)).toBe(33);
    // 500 labels of 12 characters on 300 px: 2 fit, one every 250 buckets.
    expect(tickInterval(500, 12, 300)).toBe(249);
    for (const [buckets, chars, px] of [[211, 11, 1176], [289, 5, 600], [1, 8, 10], [1000, 8, 320]] as const) {
      const shown = Math.ceil(buckets / (tickInterval(buckets, chars, px) + 1));
      expect(shown * (chars * 7 + 28)).toBeLessThanOrEqual(Math.max(px, chars * 7 + 28));
    }
  });

  it('is 0 for no buckets', () => expect(tickInterval(0, 5, 800)).toBe(0));
});
