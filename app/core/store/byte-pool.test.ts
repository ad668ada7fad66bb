import { describe, expect, it } from 'vitest';
import { appendText, createBytePool, markContaining, readText } from './byte-pool';

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

  it.each([
    ['req', [1, 1, 0, 0, 0]],
    ['REQ-b', [0, 1, 0, 0, 0]],
    ['areq', [0, 0, 0, 0, 0]],
    ['请', [0, 0, 0, 1, 0]],
    ['é', [0, 0, 1, 0, 0]],
    ['zz', [0, 0, 0, 0, 1]],
  ])('markContaining %s', (needle, expected) => {
    // 'REQ-a' then 'req-B': a match spanning two ids ('a' + 'r...') must not count.
    const { pool, starts, lengths } = poolOf(['REQ-a', 'req-B', 'é', '请求', 'zzz']);
    expect([...markContaining(pool, starts, lengths, 5, needle.toLowerCase())]).toEqual(expected);
  });
});
