import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTimeOrder, sortByTime } from './time-order';
import { appendEvent, createEventStore } from './event-store';
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
});
