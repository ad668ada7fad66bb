import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterEvents } from './filter-events';
import { listOrder } from './list-order';
import { storeOf, viewOf } from './test-store';

const T = Date.UTC(2026, 10, 27, 10);
const M = 60_000;
// Stored out of time order, with two undated events.
const store = storeOf([[T + 2 * M, '1302'], [null, '1113'], [T, '1308'], [T + M, '1305'], [null, '1001']]);
const ctx = { now: T + 60 * M };
const codesIn = (order: 'oldest' | 'newest') => {
  const indices = filterEvents(store, viewOf(), ctx);
  const at = listOrder(store, indices, order);
  return Array.from(indices, (_, position) => store.codes.values[store.columns.code[at(position)] ?? 0]);
};

describe('listOrder', () => {
  it('reads the events oldest first, undated last', () => {
    expect(codesIn('oldest')).toEqual(['1308', '1305', '1302', '1113', '1001']);
  });

  it('reads them newest first, the undated still last and in the same order', () => {
    expect(codesIn('newest')).toEqual(['1302', '1305', '1308', '1113', '1001']);
  });

  it('is the dated events reversed, then the undated as they were, for any mix', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }), { maxLength: 40 }), (times) => {
        const mixed = storeOf(times.map((t) => [t === null ? null : T + t * M, '1302'] as const));
        const indices = filterEvents(mixed, viewOf(), ctx);
        const dated = Array.from(indices).filter((i) => !Number.isNaN(mixed.columns.time[i] ?? NaN));
        const expected = [...dated.reverse(), ...Array.from(indices).slice(dated.length)];
        const at = listOrder(mixed, indices, 'newest');
        expect(Array.from(indices, (_, position) => at(position))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('gives -1 past the end', () => {
    expect(listOrder(store, filterEvents(store, viewOf(), ctx), 'newest')(5)).toBe(-1);
  });
});
