import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COLUMN_NAMES } from './columns';
import { appendStore } from './append-store';
import { appendEvent, createEventStore, type EventStore } from './event-store';
import { getEvent } from './get-event';
import { testEvent, testReset } from './test-events';
import type { IngestedEvent } from '../formats/types';

const T = Date.UTC(2026, 10, 20);

const eventArb = fc
  .record({
    ts: fc.option(fc.integer({ min: 0, max: 1_000 }).map((s) => T + s * 1000), { nil: null }),
    code: fc.constantFrom('1302', '1308', '1310', '1113', '9999', null),
    message: fc.option(fc.constantFrom('a', 'b', 'reset soon', '限额'), { nil: null }),
    requestId: fc.option(fc.constantFrom('req-1', 'req-2', '20261120080000abc', '请求'), { nil: null }),
    reset: fc.option(fc.integer({ min: 0, max: 5 }).map((h) => testReset(T + h * 3_600_000, h > 0)), { nil: null }),
    flags: fc.subarray(['timestamp_missing', 'reset_zone_assumed', 'code_from_text'] as const),
    attempts: fc.integer({ min: 1, max: 300 }),
  })
  .map((input) => testEvent(input));

/** The store as appendEvent builds it, row by row, read back through getEvent. */
function rows(store: EventStore) {
  return Array.from({ length: store.size }, (_, i) => getEvent(store, i));
}

function oneByOne(events: readonly IngestedEvent[], lines: readonly number[]): EventStore {
  const store = createEventStore();
  events.forEach((event, i) => appendEvent(store, { ...event, line: lines[i] ?? 1, byteOffset: i * 10 }, 3));
  return store;
}

describe('appendStore', () => {
  it('gives the same store as appending the part’s events one by one, wherever the source is split', () => {
    // `padding` events before the split fill the store's first columns (1,024 rows) to the brim or near it, so
    // that the join also grows them.
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), fc.nat(), fc.constantFrom(0, 1000, 1024), (events, cut, padding) => {
        const all = [...Array.from({ length: padding }, (_, i) => testEvent({ ts: T + i, requestId: `pad-${i}` })), ...events];
        const split = padding + (events.length === 0 ? 0 : cut % (events.length + 1));
        const lines = all.map((_, i) => 2 * i + 1);
        const expected = oneByOne(all, lines);
        const store = oneByOne(all.slice(0, split), lines);
        const lineShift = split === 0 ? 0 : (lines[split - 1] ?? 0) + 1;
        const part = createEventStore();
        all.slice(split).forEach((event, i) => appendEvent(part, { ...event, line: (lines[split + i] ?? 0) - lineShift, byteOffset: (split + i) * 10 }, 3));
        const capacityBefore = store.capacity;
        expect(appendStore(store, part, { lineShift, limit: Infinity })).toBe(all.length - split);
        expect(rows(store)).toEqual(rows(expected));
        expect(store.size).toBe(expected.size);
        expect(store.capacity).toBe(Math.max(capacityBefore, store.size));
        for (const name of COLUMN_NAMES) {
          expect(store.columns[name].length, name).toBe(store.capacity);
          if (name === 'code' || name === 'message' || name === 'reset' || name === 'format') continue;
          expect(Array.from(store.columns[name].subarray(0, store.size)), name).toEqual(Array.from(expected.columns[name].subarray(0, expected.size)));
        }
        expect([store.minTime, store.maxTime, store.undated]).toEqual([expected.minTime, expected.maxTime, expected.undated]);
      }),
      { numRuns: 300 },
    );
  });

  it('takes no more than the limit (the events cap) and grows the columns as needed', () => {
    const store = createEventStore();
    const part = createEventStore();
    for (let i = 0; i < 3000; i += 1) appendEvent(part, testEvent({ ts: T + i, requestId: `r${i}` }), 1);
    expect(appendStore(store, part, { lineShift: 10, limit: 2500 })).toBe(2500);
    expect(store.size).toBe(2500);
    expect(getEvent(store, 2499)).toMatchObject({ time: T + 2499, requestId: 'r2499', line: 11 });
    expect(appendStore(store, part, { lineShift: 0, limit: 0 })).toBe(0);
  });

  it('grows the request-id pool and the reset table to fit the part, not by their growth step', () => {
    // What growing would leave empty stays empty: a 1 GiB log's joined store held about 8 MB of such room.
    const store = createEventStore();
    const part = createEventStore();
    for (let i = 0; i < 10; i += 1) appendEvent(store, testEvent({ ts: T + i, requestId: `first-${i}`, reset: testReset(T + i * 1000) }), 1);
    for (let i = 0; i < 3000; i += 1) appendEvent(part, testEvent({ ts: T + i, requestId: `later-part-${i}`, reset: testReset(T + 60_000 + i * 1000) }), 1);
    const ids = store.requestIds.length + part.requestIds.length;
    const resets = store.resets.size + part.resets.size - 1;
    appendStore(store, part, { lineShift: 10, limit: Infinity });
    expect([store.requestIds.length, store.requestIds.bytes.length]).toEqual([ids, ids]);
    expect([store.resets.size, store.resets.bits.length, store.resets.at.length]).toEqual([resets, resets, resets]);
    expect(store.resets.raw.bytes.length).toBe(store.resets.raw.length);
    expect(getEvent(store, store.size - 1)).toMatchObject({ requestId: 'later-part-2999', reset: { at: T + 60_000 + 2999 * 1000 } });
    // And the next event still finds room, by growing again (by half: GROWTH).
    appendEvent(store, testEvent({ ts: T, requestId: 'next', reset: testReset(T - 5000) }), 2);
    expect(getEvent(store, store.size - 1)).toMatchObject({ requestId: 'next', reset: { at: T - 5000 } });
    expect(store.requestIds.bytes.length).toBe(Math.ceil(1.5 * ids));
  });
});
