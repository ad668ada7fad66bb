import { describe, expect, it } from 'vitest';
import { createEmptyLedger } from '../core/ledger/ledger';
import type { SourceStatus } from '../ingest/protocol';
import { holdsOnlyKept, leavingDemoIds, removableDemoIds, shownSources } from './kept-sources';

const source = (id: number, kind: SourceStatus['kind'], state: SourceStatus['state'] = 'done', events = 0) =>
  ({ id, kind, state, ledger: { ...createEmptyLedger(), events } }) as SourceStatus;
const ids = (sources: readonly SourceStatus[]) => sources.map((s) => s.id);

describe('kept sources', () => {
  it('shows the demo while it is alone, and hides it once a source of the user is listed', () => {
    expect(ids(shownSources([source(1, 'demo')]))).toEqual([1]);
    expect(leavingDemoIds([source(1, 'demo')])).toEqual([]);
    expect(ids(shownSources([source(1, 'demo'), source(2, 'file', 'reading')]))).toEqual([2]);
    expect(leavingDemoIds([source(1, 'demo'), source(2, 'file', 'reading')])).toEqual([1]);
    expect(ids(shownSources([source(2, 'file'), source(3, 'stream'), source(4, 'paste')]))).toEqual([2, 3, 4]);
  });

  it('asks the worker to drop the demo only once a source of the user has an event or has stopped reading', () => {
    expect(removableDemoIds([source(1, 'demo'), source(2, 'file', 'reading', 0)])).toEqual([]);
    expect(removableDemoIds([source(1, 'demo'), source(2, 'file', 'reading', 3)])).toEqual([1]);
    expect(removableDemoIds([source(1, 'demo'), source(2, 'file', 'done', 0)])).toEqual([1]);
    expect(removableDemoIds([source(1, 'demo'), source(2, 'stream', 'cancelled', 0)])).toEqual([1]);
    // A stream at once: its view is live, and a quiet one would have said "Loading…" until its first error.
    expect(removableDemoIds([source(1, 'demo'), source(2, 'stream', 'reading', 0)])).toEqual([1]);
    expect(removableDemoIds([source(1, 'demo', 'done', 939)])).toEqual([]);
  });

  it('an answer that holds a source no longer kept is outdated; one over fewer sources is not', () => {
    const kept = ids(shownSources([source(1, 'demo'), source(2, 'file'), source(3, 'file')]));
    expect(holdsOnlyKept([1], kept)).toBe(false);
    expect(holdsOnlyKept([1, 2], kept)).toBe(false);
    expect(holdsOnlyKept([2], kept)).toBe(true);
    expect(holdsOnlyKept([2, 3], kept)).toBe(true);
    expect(holdsOnlyKept([], kept)).toBe(true);
    expect(holdsOnlyKept([2, 3], [3])).toBe(false);
  });
});
