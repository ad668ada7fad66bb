import { describe, expect, it } from 'vitest';
import { bucketAtX } from './use-drag-select';

describe('bucketAtX', () => {
  const plot = { x: 80, width: 400 };

  it('gives the band under the pointer, bands equal and side by side across the plot', () => {
    expect(bucketAtX(80, plot, 8)).toBe(0);
    expect(bucketAtX(130, plot, 8)).toBe(1);
    expect(bucketAtX(129.9, plot, 8)).toBe(0);
    expect(bucketAtX(479, plot, 8)).toBe(7);
    // The plot's right edge belongs to the last band.
    expect(bucketAtX(480, plot, 8)).toBe(7);
  });

  it('gives none outside the plot (the axis gutter, the margin) or without buckets', () => {
    expect(bucketAtX(79, plot, 8)).toBeNull();
    expect(bucketAtX(481, plot, 8)).toBeNull();
    expect(bucketAtX(200, plot, 0)).toBeNull();
    expect(bucketAtX(200, { x: 80, width: 0 }, 8)).toBeNull();
    expect(bucketAtX(Number.NaN, plot, 8)).toBeNull();
  });
});
