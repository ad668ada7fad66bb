import { describe, expect, it } from 'vitest';
import { createEmptyLedger } from '../core/ledger/ledger';
import { appendEvent, createEventStore } from '../core/store';
import { getEvent } from '../core/store/get-event';
import { testEntry, testEvent, testReset } from '../core/store/test-events';
import { toPartDone, unpackedOrFailed } from './part-message';

const ENTRIES = new Map(['1308', '1302'].map((code) => [code, testEntry(code)]));

describe('a part result between workers', () => {
  it('reads back every event of the part, its messages and resets included, after a transferring clone', () => {
    const store = createEventStore();
    const T = Date.UTC(2026, 10, 27, 10);
    for (let i = 0; i < 3000; i += 1) {
      // A storm: a new reset and message each second, with now and then one judged implausible or zone-less.
      const base = i % 7 === 0 ? testReset(T - 1000, false) : { ...testReset(T + i * 1000), assumedOffsetMinutes: i % 3 === 0 ? 480 : null };
      // Some reset texts are not ASCII (a log's own field), a lone surrogate included.
      const reset = i % 11 === 0 ? { ...base, raw: `重置 ${i} \ud800` } : base;
      const code = i % 2 ? '1308' : '1302';
      // Most messages name their reset (kept as a wording with a hole), some do not.
      const message = i % 3 === 0 ? `limit resets at ${i} ‘${String.fromCharCode(0xd800 + (i % 5))}’` : `Usage limit reached, reset at ${reset.raw} (${i % 4})`;
      appendEvent(store, testEvent({ ts: T + i, code, entry: ENTRIES.get(code) ?? null, message, reset: i % 5 === 4 ? null : reset, requestId: `req-${i}` }), 3);
    }
    expect(store.wordings.values.length).toBeGreaterThan(1);
    const expected = Array.from({ length: store.size }, (_, i) => getEvent(store, i));
    const { message, transfer } = toPartDone({ state: 'done', bytesRead: 0, ledger: createEmptyLedger(), firstLine: null, store, notStored: 0 });
    const arrived = unpackedOrFailed(structuredClone(message, { transfer }));
    expect(arrived.state).toBe('done');
    expect(Array.from({ length: arrived.store.size }, (_, i) => getEvent(arrived.store, i))).toEqual(expected);
  });
});
