import { describe, expect, it } from 'vitest';
import { createBytePool } from './byte-pool';
import { appendRequestId, markRequestIdsContaining, readRequestId } from './request-ids';

function poolOf(ids: readonly string[]) {
  const pool = createBytePool(4);
  const starts = new Uint32Array(ids.length);
  const lengths = new Uint8Array(ids.length);
  ids.forEach((id, i) => {
    starts[i] = pool.length;
    lengths[i] = appendRequestId(pool, id);
  });
  return { pool, starts, lengths };
}

const ZAI_ID = '2026112008000240ec6b41c697c5e2';

describe('request ids', () => {
  it('read back as written, whether packed or kept as text', () => {
    const ids = [ZAI_ID, `${ZAI_ID}7`, '20261120abcdef0', 'abcdef01', 'abc', '2026112008000240EC6B41C697C5E2', 'req-8f3a', 'réq-😀', '请求', 'x'.repeat(80), '0'.repeat(80)];
    const { pool, starts, lengths } = poolOf(ids);
    expect(ids.map((_, i) => readRequestId(pool, starts[i] ?? 0, lengths[i] ?? 0))).toEqual(ids);
  });

  it('keep an id of lowercase hexadecimal digits two to a byte', () => {
    const { lengths } = poolOf([ZAI_ID, `${ZAI_ID}7`, ZAI_ID.toUpperCase(), 'req-8f3a-2026']);
    expect([...lengths]).toEqual([16, 17, 30, 13]);
  });

  it.each([
    ['req', [1, 1, 0, 0, 0, 0, 0]],
    ['REQ-b', [0, 1, 0, 0, 0, 0, 0]],
    ['areq', [0, 0, 0, 0, 0, 0, 0]],
    ['请', [0, 0, 0, 1, 0, 0, 0]],
    ['é', [0, 0, 1, 0, 0, 0, 0]],
    ['zz', [0, 0, 0, 0, 1, 0, 0]],
    // In packed ids, at either half of a byte, and across bytes; a letter of the needle in either case.
    ['0240EC6B', [0, 0, 0, 0, 0, 1, 1]],
    ['240ec6b4', [0, 0, 0, 0, 0, 1, 1]],
    ['c5e2', [0, 0, 0, 0, 0, 1, 1]],
    ['5e27', [0, 0, 0, 0, 0, 0, 1]],
    ['20261120', [0, 0, 0, 0, 0, 1, 1]],
    ['c5e2-', [0, 0, 0, 0, 0, 0, 0]],
  ])('are found by what they contain: %s', (needle, expected) => {
    // 'REQ-a' then 'req-B': a match spanning two ids ('a' + 'r...') must not count.
    const { pool, starts, lengths } = poolOf(['REQ-a', 'req-B', 'é', '请求', 'zzz', ZAI_ID, `${ZAI_ID}7`]);
    expect([...markRequestIdsContaining(pool, starts, lengths, 7, needle.toLowerCase())]).toEqual(expected);
  });
});
