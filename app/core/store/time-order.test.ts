import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTimeOrder, sortByTime } from './time-order';
import { appendEvent, clearStore, createEventStore } from './event-store';
import { testEvent } from './test-events';

const order = (times: number[]): number[] => [...sortByTime(Float64Array.from(times), times.length).order];

describe('sortByTime', () => {
  it.each([
    [[], []],
    [[1, 2, 3], [0, 1, 2]],
    [[3, 2, 1], [2, 1, 0]],
    [[5, NaN, 1, NaN, 3], [2, 4, 0, 1, 3]],
    [[1, 1, 0, 1], [2, 0, 1, 3]],
    [[1, 5, 2, 6, 3, 7], [0, 2, 4, 1, 3, 5]],
  ])('%j -> %j', (times, expected) => {
    expect(order(times)).toEqual(expected);
  });

  it('equals a stable sort, undated last', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(NaN)), { maxLength: 200 }), (times) => {
        const key = (i: number): number => (Number.isNaN(times[i]) ? Infinity : (times[i] ?? 0));
        const expected = times.map((_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
        expect(order(times)).toEqual(expected);
      }),
    );
  });
});

describe('getTimeOrder', () => {
  it('is cached per version', () => {
    const store = createEventStore();
    appendEvent(store, testEvent({ ts: 2 }), 0);
    const first = getTimeOrder(store);
    expect(getTimeOrder(store)).toBe(first);
    appendEvent(store, testEvent({ ts: 1 }), 0);
    expect([...getTimeOrder(store).order]).toEqual([1, 0]);
  });

  it('equals a full sort after every batch appended, and earlier orders stay as they were', () => {
    // Mostly later times (a log read in order), sometimes an earlier or undated one, and a clear now and then.
    const batch = fc.array(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: -20, max: 0 }) }, { weight: 1, arbitrary: fc.constant(NaN) }), { maxLength: 12 });
    const step = fc.record({ clear: fc.integer({ min: 0, max: 9 }).map((n) => n === 0), times: batch });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const store = createEventStore();
        let clock = 0;
        const seen: { order: number[]; view: Uint32Array }[] = [];
        for (const s of steps) {
          // A clear followed by more rows than before must not extend the order of the rows cleared.
          if (s.clear) clearStore(store);
          for (const d of s.times) appendEvent(store, testEvent({ ts: Number.isNaN(d) ? null : (clock += d) }), 0);
          const { order, dated } = getTimeOrder(store);
          const full = sortByTime(store.columns.time, store.size);
          expect([...order]).toEqual([...full.order]);
          expect(dated).toBe(full.dated);
          seen.push({ order: [...order], view: order });
        }
        for (const { order, view } of seen) expect([...view]).toEqual(order);
      }),
      { numRuns: 300 },
    );
  });
});
