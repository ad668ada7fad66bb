import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBytePool } from './byte-pool';
import { appendEvent, createEventStore } from './event-store';
import { getEvent } from './get-event';
import { removeSource } from './remove-source';
import { appendRequestId, markRequestIdsContaining, readRequestId } from './request-ids';
import { testEvent } from './test-events';

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
    const ids = [ZAI_ID, `${ZAI_ID}7`, '20261120abcdef0', 'abcdef01', 'abc', '2026112008000240EC6B41C697C5E2', 'req-8f3a', 'réq-😀', '请求', 'x'.repeat(80), '0'.repeat(80), '\uFEFF20260825101920a1b2c3d4e5f60718'];
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
    const { pool, lengths } = poolOf(['REQ-a', 'req-B', 'é', '请求', 'zzz', ZAI_ID, `${ZAI_ID}7`]);
    expect([...markRequestIdsContaining(pool, lengths, 7, needle.toLowerCase())]).toEqual(expected);
  });
});

describe('where a request id starts', () => {
  it('is found for any row, in any order, while rows are added and after a source is removed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(fc.constantFrom(ZAI_ID, 'req-1', '请求', `${ZAI_ID}7`), { nil: null }), fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 1200 }), fc.array(fc.nat({ max: 1200 }), { maxLength: 40 }), (rows, asks) => {
        const store = createEventStore();
        const expected: (string | null)[] = [];
        rows.forEach(([requestId, source], i) => {
          appendEvent(store, testEvent({ ts: i, requestId }), source);
          expected.push(requestId);
          // Asked while the log is read: earlier rows, the last one, backwards and forwards.
          const ask = asks[i % Math.max(1, asks.length)] ?? 0;
          if (i % 7 === 0) expect(getEvent(store, ask % store.size)?.requestId).toBe(expected[ask % store.size]);
        });
        for (const ask of asks) expect(getEvent(store, ask % store.size)?.requestId).toBe(expected[ask % store.size]);
        const backwards = Array.from({ length: store.size }, (_, i) => store.size - 1 - i);
        expect(backwards.map((i) => getEvent(store, i)?.requestId)).toEqual(backwards.map((i) => expected[i]));
        removeSource(store, 1);
        const left = expected.filter((_, i) => rows[i]?.[1] !== 1);
        expect(Array.from({ length: store.size }, (_, i) => getEvent(store, i)?.requestId)).toEqual(left);
      }),
      { numRuns: 40 },
    );
  });

  it('is found past the first blocks of rows', () => {
    const store = createEventStore();
    const ids = Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? null : i % 3 === 1 ? `${ZAI_ID.slice(0, -4)}${String(i).padStart(4, '0')}` : `req-${i}`));
    ids.forEach((requestId, i) => appendEvent(store, testEvent({ ts: i, requestId }), 1));
    for (const i of [1999, 0, 256, 255, 1024, 1025, 1500, 3]) expect(getEvent(store, i)?.requestId).toBe(ids[i]);
  });
});
