import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIdWindow } from './id-window';
import { createLiveBuffer } from './live-buffer';
import { runSse } from './sse-test-support';

describe('createIdWindow (H12)', () => {
  it.each<[string, (string | null)[], boolean[], number]>([
    ['fresh ids pass', ['1', '2', '3'], [false, false, false], 0],
    ['a replay is caught', ['1', '2', '1', '2', '3'], [false, false, true, true, false], 2],
    ['frames without an id are never duplicates', [null, null, '', ''], [false, false, false, false], 0],
  ])('%s', (_name, ids, expected, count) => {
    const w = createIdWindow();
    expect(ids.map((id) => w.isDuplicate(id))).toEqual(expected);
    expect(w.duplicates()).toBe(count);
  });

  it('is bounded: an id older than the window passes again', () => {
    const w = createIdWindow(2);
    expect(['a', 'b', 'c', 'a'].map((id) => w.isDuplicate(id))).toEqual([false, false, false, false]);
  });

  it('H12 a server that replays from the start after a reconnect: each event shown once, replays counted', () => {
    const stream = 'id: 1\ndata: a\n\nid: 2\ndata: b\n\n';
    const calls = runSse([[stream], [stream + 'id: 3\ndata: c\n\n']]);
    const w = createIdWindow();
    const shown = calls.flatMap((c) => (c.kind === 'event' && !w.isDuplicate(c.id) ? [c.data] : []));
    expect(shown).toEqual(['a', 'b', 'c']);
    expect(w.duplicates()).toBe(2);
  });

  it('a duplicate is exactly an id among the last `capacity` ids it remembered (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50).map(String), { maxLength: 300 }), fc.integer({ min: 1, max: 20 }), (ids, capacity) => {
        const w = createIdWindow(capacity);
        const remembered: string[] = [];
        for (const id of ids) {
          const expected = remembered.slice(-capacity).includes(id);
          expect(w.isDuplicate(id)).toBe(expected);
          if (!expected) remembered.push(id);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('createLiveBuffer (H15)', () => {
  it('keeps the newest items and counts the overflow', () => {
    const b = createLiveBuffer<number>({ capacity: 3 });
    [1, 2, 3, 4, 5].forEach((n) => b.push(n));
    expect(b.toArray()).toEqual([3, 4, 5]);
    expect(b.size()).toBe(3);
    expect(b.overflowed()).toBe(2);
  });

  it('defaults to 200,000 events', () => {
    const b = createLiveBuffer<number>();
    for (let i = 0; i < 200_001; i++) b.push(i);
    expect([b.size(), b.overflowed(), b.toArray()[0]]).toEqual([200_000, 1, 1]);
  });

  it('pause freezes the version and counts unseen items; resume shows them; clear empties', () => {
    const b = createLiveBuffer<string>({ capacity: 10 });
    b.push('a');
    const v = b.version();
    b.pause();
    b.push('b');
    b.push('c');
    expect([b.version(), b.unseen(), b.isPaused(), b.size()]).toEqual([v, 2, true, 3]);
    b.resume();
    expect([b.version() > v, b.unseen(), b.isPaused()]).toEqual([true, 0, false]);
    b.clear();
    expect([b.size(), b.overflowed(), b.toArray()]).toEqual([0, 0, []]);
  });

  it('equals the last `capacity` items of everything pushed (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (items, capacity) => {
        const b = createLiveBuffer<number>({ capacity });
        items.forEach((n) => b.push(n));
        expect(b.toArray()).toEqual(items.slice(-capacity));
        expect(b.overflowed()).toBe(Math.max(0, items.length - capacity));
      }),
    );
  });
});
