import { describe, expect, it } from 'vitest';
import { datedSpan } from './dated-span';
import { storeOf, viewOf, type TestRow } from './test-store';

const T = Date.UTC(2026, 10, 23, 10);
const M = 60_000;
const ctx = { now: T + 24 * 3_600_000 };

describe('datedSpan', () => {
  it.each<[string, TestRow[], readonly string[], [number, number] | null]>([
    ['the first and the last dated error', [[T + 5 * M, '1302'], [T, '1210'], [T + 9 * M, '1308']], [], [T, T + 9 * M]],
    ['one error: a span of one instant', [[T, '1302']], [], [T, T]],
    ['undated errors have no place in it', [[null, '1302'], [T, '1210'], [null, '1308']], [], [T, T]],
    ['nothing dated, no span', [[null, '1302']], [], null],
    ['an empty store, no span', [], [], null],
    ['of the view\'s sources only', [[T, '1210', {}, 1], [T + M, '1302', {}, 2], [T + 5 * M, '1302', {}, 2], [T + 9 * M, '1210', {}, 1]], ['2'], [T + M, T + 5 * M]],
    ['a linked source that is not loaded, no span', [[T, '1210', {}, 1]], ['4'], null],
    ['an outlying date (a 1970 default) is left out, as the charts leave it out', [[0, '1302'], [T, '1210'], [T + M, '1210']], [], [T, T + M]],
  ])('%s', (_name, rows, sources, expected) => {
    const span = datedSpan(storeOf(rows), viewOf({ sources }), ctx);
    expect(span === null ? null : [span.first, span.last]).toEqual(expected);
  });

  it('ignores the time range and the other filters: the logs span what they span', () => {
    const rows: TestRow[] = [[T, '1210'], [T + 9 * M, '1302']];
    expect(datedSpan(storeOf(rows), viewOf({ range: { from: T + M, to: T + 2 * M }, codes: ['1302'], q: 'nothing' }), ctx)).toEqual({ first: T, last: T + 9 * M });
  });
});
