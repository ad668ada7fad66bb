import { describe, expect, it } from 'vitest';
import { testReset } from '../store/test-events';
import type { AbsoluteRange } from '../view-state/view-state';
import { blockedIntervals, continuingBlock } from './blocked-intervals';
import { storeOf, viewOf, type TestRow } from './test-store';

const T = Date.UTC(2026, 2, 1, 8);
const H = 3_600_000;
const ctx = { now: T + 100 * H };
const hit = (at: number, resetAt: number | null, code = '1308', plausible = true): TestRow => [at, code, { reset: resetAt === null ? null : testReset(resetAt, plausible) }];

describe('blockedIntervals', () => {
  it.each<[string, TestRow[], AbsoluteRange | null, [number, number, number][]]>([
    ['one hit', [hit(T, T + 5 * H)], null, [[T, T + 5 * H, 1]]],
    ['overlapping hits merge', [hit(T, T + 5 * H), hit(T + H, T + 6 * H)], null, [[T, T + 6 * H, 2]]],
    ['a hit inside a block extends nothing', [hit(T, T + 5 * H), hit(T + H, T + 2 * H)], null, [[T, T + 5 * H, 2]]],
    ['touching blocks merge', [hit(T, T + H), hit(T + H, T + 2 * H)], null, [[T, T + 2 * H, 2]]],
    ['disjoint blocks stay apart', [hit(T, T + H), hit(T + 3 * H, T + 4 * H)], null, [[T, T + H, 1], [T + 3 * H, T + 4 * H, 1]]],
    ['no reset, no block', [hit(T, null)], null, []],
    ['implausible reset, no block', [hit(T, T + H, '1308', false)], null, []],
    ['reset before the hit, no block', [hit(T, T - H)], null, []],
    ['throttling never blocks', [hit(T, T + H, '1302')], null, []],
    ['clipped to the view range', [hit(T, T + 5 * H)], { from: T + H, to: T + 2 * H }, [[T + H, T + 2 * H, 1]]],
    ['a block that started before the range reaches into it', [hit(T - 3 * H, T + 2 * H)], { from: T, to: T + 10 * H }, [[T, T + 2 * H, 1]]],
    ['a block entirely before the range is gone', [hit(T - 3 * H, T - H)], { from: T, to: T + 10 * H }, []],
    ['hits after the range are ignored', [hit(T + 20 * H, T + 25 * H)], { from: T, to: T + 10 * H }, []],
    ['order of input does not matter', [hit(T + H, T + 6 * H), hit(T, T + 5 * H)], null, [[T, T + 6 * H, 2]]],
  ])('%s', (_name, rows, range, expected) => {
    const result = blockedIntervals(storeOf(rows), viewOf({ range: range ?? 'all' }), ctx);
    expect(result.intervals.map((i) => [i.from, i.to, i.hits])).toEqual(expected);
  });

  it('lists codes and windows of a merged block', () => {
    const result = blockedIntervals(storeOf([hit(T, T + 5 * H, '1310'), hit(T + H, T + 2 * H, '1308')]), viewOf(), ctx);
    expect(result.intervals[0]).toMatchObject({ codes: ['1308', '1310'], windows: ['5-hour', 'weekly'] });
  });

  it.each<[string, TestRow[], AbsoluteRange | null, number[]]>([
    ['a block the range holds ends where it ends', [hit(T, T + 5 * H)], { from: T, to: T + 10 * H }, [T + 5 * H]],
    ['a block the range cuts off keeps its real end', [hit(T, T + 5 * H)], { from: T - H, to: T + H }, [T + 5 * H]],
    ['merged hits end at the latest reset', [hit(T, T + 2 * H), hit(T + H, T + 6 * H)], { from: T, to: T + 2 * H }, [T + 6 * H]],
    ['over all data nothing is cut off', [hit(T, T + 5 * H)], null, [T + 5 * H]],
  ])('unclippedTo: %s', (_name, rows, range, expected) => {
    expect(blockedIntervals(storeOf(rows), viewOf({ range: range ?? 'all' }), ctx).intervals.map((i) => i.unclippedTo)).toEqual(expected);
  });
});

describe('continuingBlock', () => {
  it.each<[string, TestRow[], AbsoluteRange | null, ReturnType<typeof continuingBlock>]>([
    ['none without blocks', [], { from: T, to: T + H }, null],
    ['none when the range holds the reset', [hit(T, T + H)], { from: T, to: T + 2 * H }, null],
    ['the block the range cuts off: until its reset, and how far past the end', [hit(T + 3 * 60_000, T + 3 * H)], { from: T, to: T + 4 * 60_000 }, { until: T + 3 * H, beyondMs: 3 * H - 4 * 60_000 }],
    ['only the last block can run past the end', [hit(T, T + H), hit(T + 2 * H, T + 9 * H)], { from: T, to: T + 3 * H }, { until: T + 9 * H, beyondMs: 6 * H }],
    ['none over all data', [hit(T, T + 5 * H)], null, null],
  ])('%s', (_name, rows, range, expected) => {
    expect(continuingBlock(blockedIntervals(storeOf(rows), viewOf({ range: range ?? 'all' }), ctx).intervals)).toEqual(expected);
  });
});
