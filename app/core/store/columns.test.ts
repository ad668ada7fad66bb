import { describe, expect, it } from 'vitest';
import { allocateColumns, OFFSET_MAX, recordOffset, writeOffset } from './columns';

describe('record offsets', () => {
  it('keep every offset up to 256 TiB exactly, across the 4 GiB boundary', () => {
    const columns = allocateColumns(8);
    const offsets = [0, 1, 2 ** 32 - 1, 2 ** 32, 5_000_000_000, 2 ** 40 + 12_345, OFFSET_MAX];
    offsets.forEach((offset, i) => writeOffset(columns, i, offset));
    expect(offsets.map((_, i) => recordOffset(columns, i))).toEqual(offsets);
  });

  it('keep the largest offset for one past it, and 0 for what is no offset', () => {
    const columns = allocateColumns(4);
    [2 ** 48, Number.NaN, -5, Infinity].forEach((offset, i) => writeOffset(columns, i, offset));
    expect([0, 1, 2, 3].map((i) => recordOffset(columns, i))).toEqual([OFFSET_MAX, 0, 0, OFFSET_MAX]);
  });
});
