import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount } from './format-count';

describe('formatCount and formatBytes', () => {
  it.each([
    [0, '0', '0 bytes'],
    [1, '1', '1 byte'],
    [999, '999', '999 bytes'],
    [1000, '1,000', '1,000 bytes'],
    [104_857_600, '104,857,600', '104,857,600 bytes'],
    [600_600_000, '600,600,000', '600,600,000 bytes'],
  ])('%i → %s, %s', (n, count, bytes) => {
    expect(formatCount(n)).toBe(count);
    expect(formatBytes(n)).toBe(bytes);
  });
});
