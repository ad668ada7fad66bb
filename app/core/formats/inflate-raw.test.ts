import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createRawInflater } from './inflate-raw';

describe('createRawInflater (reads fflate internals: this test guards the pinned version)', () => {
  it('reports the end of the deflate stream and the bytes after it, at any piece size', () => {
    const data = new TextEncoder().encode('hello world\n'.repeat(500));
    const packed = deflateSync(data);
    const input = new Uint8Array(packed.length + 3);
    input.set(packed);
    input.set([7, 8, 9], packed.length);
    for (const size of [1, 5, 64, input.length]) {
      let out = 0;
      const inflater = createRawInflater((chunk) => (out += chunk.length));
      let rest: number[] = [];
      for (let at = 0; at < input.length; at += size) {
        inflater.push(input.subarray(at, at + size));
        if (inflater.isDone()) {
          rest = [...inflater.rest(), ...input.subarray(at + size)];
          break;
        }
      }
      expect(out).toBe(data.length);
      expect(rest).toEqual([7, 8, 9]);
    }
  });

  it('is not done while data is missing', () => {
    const inflater = createRawInflater(() => undefined);
    const packed = deflateSync(new TextEncoder().encode('abc'.repeat(100)));
    inflater.push(packed.subarray(0, packed.length - 1));
    expect(inflater.isDone()).toBe(false);
  });
});
