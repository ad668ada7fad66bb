import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { updateCrc32 } from './crc32';

describe('updateCrc32', () => {
  it('matches the standard check value', () => {
    expect(updateCrc32(0, new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('matches the gzip trailer for any split of the data', () => {
    const data = new TextEncoder().encode('Usage limit reached for 5 hour. 已达到 5 小时的使用上限。'.repeat(7));
    const packed = gzipSync(data);
    const trailer = new DataView(packed.buffer, packed.byteOffset + packed.length - 8, 4).getUint32(0, true);
    for (const cut of [0, 1, 7, 8, 9, 33, data.length]) {
      expect(updateCrc32(updateCrc32(0, data.subarray(0, cut)), data.subarray(cut))).toBe(trailer);
    }
  });
});
