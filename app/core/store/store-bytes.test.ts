import { describe, expect, it } from 'vitest';
import { BYTES_PER_EVENT, INITIAL_CAPACITY } from './columns';
import { appendEvent, createEventStore } from './event-store';
import { storeBytes } from './store-bytes';
import { testEvent, testReset } from './test-events';

const T = Date.UTC(2026, 10, 20);
/** A reset row's fields: at and assumed offset (8 bytes each), bits, reason id, text start and length. */
const RESET_ROW = 8 + 8 + 1 + 4 + 4 + 1;

describe('storeBytes', () => {
  it('counts the rows’ columns, the request ids’ bytes and each distinct reset with its text', () => {
    const store = createEventStore();
    const reset = testReset(T + 3_600_000);
    appendEvent(store, testEvent({ ts: T, requestId: '20261120080000abc' }), 1);
    appendEvent(store, testEvent({ ts: T + 1, requestId: '请求', reset }), 1);
    appendEvent(store, testEvent({ ts: T + 2, reset }), 1);
    // The first id is of hexadecimal digits, kept two to a byte after a marker (see request-ids.ts).
    const ids = 1 + Math.ceil('20261120080000abc'.length / 2) + new TextEncoder().encode('请求').length;
    expect(storeBytes(store).used).toBe(3 * BYTES_PER_EVENT + ids + RESET_ROW + reset.raw.length);
  });

  it('counts what is allocated apart: the columns’ room grows by half again', () => {
    const store = createEventStore();
    const empty = storeBytes(store);
    expect(empty.used).toBe(0);
    expect(empty.held).toBeGreaterThanOrEqual(INITIAL_CAPACITY * BYTES_PER_EVENT);
    for (let i = 0; i <= INITIAL_CAPACITY; i += 1) appendEvent(store, testEvent({ ts: T + i }), 1);
    const grown = storeBytes(store);
    expect(grown.used).toBe((INITIAL_CAPACITY + 1) * BYTES_PER_EVENT);
    expect(grown.held - empty.held).toBe((INITIAL_CAPACITY / 2) * BYTES_PER_EVENT);
  });
});
