import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendEvent, createEventStore } from './event-store';
import { sharedRequestIds } from './shared-request-ids';
import { testEvent } from './test-events';

const ZAI_ID = '20260825101920a1b2c3d4e5f60718';

function storeOf(rows: ReadonlyArray<readonly [source: number, requestId: string | null]>) {
  const store = createEventStore();
  for (const [source, requestId] of rows) appendEvent(store, testEvent({ code: '1308', ts: 0, requestId }), source);
  return store;
}

/** The same count from the ids as strings. */
function naive(rows: ReadonlyArray<readonly [number, string | null]>) {
  const sources = new Map<string, Set<number>>();
  for (const [source, id] of rows) if (id) sources.set(id, (sources.get(id) ?? new Set()).add(source));
  const shared = new Set([...sources].filter(([, s]) => s.size > 1).map(([id]) => id));
  const events = new Map<number, number>();
  for (const [source, id] of rows) if (id && shared.has(id)) events.set(source, (events.get(source) ?? 0) + 1);
  return { checked: true, ids: shared.size, eventsBySource: [...events].sort((a, b) => a[0] - b[0]) };
}

describe('sharedRequestIds', () => {
  it('finds a request logged by several sources, and counts its events per source', () => {
    const rows = [[0, ZAI_ID], [0, ZAI_ID], [1, ZAI_ID], [1, 'req_011'], [2, 'req_011'], [2, 'only-here'], [3, null]] as const;
    expect(sharedRequestIds(storeOf(rows))).toEqual({ checked: true, ids: 2, eventsBySource: [[0, 2], [1, 2], [2, 1]] });
  });

  it('counts nothing for ids repeated within one source (retries of one client)', () => {
    expect(sharedRequestIds(storeOf([[0, ZAI_ID], [0, ZAI_ID], [1, 'other']]))).toEqual({ checked: true, ids: 0, eventsBySource: [] });
    expect(sharedRequestIds(createEventStore())).toEqual({ checked: true, ids: 0, eventsBySource: [] });
  });

  it('is not checked past its cap of ids, and says so', () => {
    expect(sharedRequestIds(storeOf([[0, 'a1'], [1, 'a1'], [1, 'b2']]), 2)).toEqual({ checked: false, ids: 0, eventsBySource: [] });
  });

  it('agrees with a count over the ids as text, packed or not', () => {
    const id = fc.oneof(fc.constant(null), fc.constantFrom(ZAI_ID, `${ZAI_ID}7`, 'req_011', 'abcdef01', 'ABCDEF01', 'é'), fc.stringMatching(/^[0-9a-f]{1,12}$/));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), id), { maxLength: 60 }), (rows) => {
        expect(sharedRequestIds(storeOf(rows))).toEqual(naive(rows));
      }),
      { numRuns: 300 },
    );
  });
});
