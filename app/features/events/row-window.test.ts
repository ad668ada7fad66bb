import { describe, expect, it } from 'vitest';
import { MAX_SPACER_PX, rowWindow } from './row-window';

const base = { viewportHeight: 420, rowHeight: 34, overscan: 0 };

describe('rowWindow', () => {
  it('draws the rows under the viewport, at their own offsets, for a list of normal height', () => {
    const w = rowWindow({ ...base, scrollTop: 340, total: 1000 });
    expect(w.spacerHeight).toBe(34_000);
    expect([w.first, w.last]).toEqual([10, 22]);
    expect(w.offset(10)).toBe(340);
  });

  it('adds the overscan on both sides without leaving the list', () => {
    expect(rowWindow({ ...base, overscan: 12, scrollTop: 0, total: 5 })).toMatchObject({ first: 0, last: 4 });
    expect(rowWindow({ ...base, overscan: 12, scrollTop: 340, total: 1000 })).toMatchObject({ first: 0, last: 34 });
  });

  it('an empty list draws nothing', () => {
    const w = rowWindow({ ...base, scrollTop: 0, total: 0 });
    expect(w.last).toBeLessThan(w.first);
  });

  it('reaches the last of 5,000,000 rows within a spacer browsers can lay out', () => {
    const total = 5_000_000;
    const top = rowWindow({ ...base, scrollTop: 0, total });
    expect(top.spacerHeight).toBe(MAX_SPACER_PX);
    expect(top.first).toBe(0);
    expect(top.offset(0)).toBe(0);
    const end = rowWindow({ ...base, scrollTop: MAX_SPACER_PX - base.viewportHeight, total });
    expect(end.last).toBe(total - 1);
    // The last row sits at the bottom of the viewport, inside the spacer.
    expect(end.offset(total - 1) + base.rowHeight).toBeCloseTo(MAX_SPACER_PX, 6);
    // Halfway down the spacer is halfway down the list; rows stay contiguous.
    const mid = rowWindow({ ...base, scrollTop: (MAX_SPACER_PX - base.viewportHeight) / 2, total });
    expect(mid.first / total).toBeCloseTo(0.5, 3);
    expect(mid.offset(mid.first + 1) - mid.offset(mid.first)).toBe(base.rowHeight);
  });
});
