import { describe, expect, it } from 'vitest';
import { appendText, createBytePool, readText } from './byte-pool';

function poolOf(texts: string[]) {
  const pool = createBytePool(4);
  const starts = new Uint32Array(texts.length);
  const lengths = new Uint8Array(texts.length);
  texts.forEach((text, i) => {
    starts[i] = pool.length;
    lengths[i] = appendText(pool, text);
  });
  return { pool, starts, lengths };
}

describe('byte pool', () => {
  it('reads back what was appended, growing as needed', () => {
    const texts = ['abc', '', 'réq-😀', '请求', 'x'.repeat(200)];
    const { pool, starts, lengths } = poolOf(texts);
    expect(texts.map((_, i) => readText(pool, starts[i] ?? 0, lengths[i] ?? 0))).toEqual(texts);
    expect(lengths[2]).toBe(9);
  });
});
