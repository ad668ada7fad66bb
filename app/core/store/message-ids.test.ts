import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ResetInfo } from '../classify/outcome';
import { filterEvents } from '../aggregate/filter-events';
import { viewOf } from '../aggregate/test-store';
import { appendStore } from './append-store';
import { appendEvent, createEventStore, type EventStore } from './event-store';
import { getEvent } from './get-event';
import { removeSource } from './remove-source';
import { testEntry, testEvent, testReset } from './test-events';
import { capMessage } from './message-ids';

const T = Date.UTC(2026, 10, 20);
const reset = (raw: string): ResetInfo => ({ ...testReset(T + 3_600_000), raw });
const stamp = (i: number) => `2026-11-20 ${String(11 + (i % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:0${i % 10}`;
const storm = (n: number) => Array.from({ length: n }, (_, i) => ({ message: `Usage limit reached for 5 hour. Your limit will reset at ${stamp(i)}`, raw: stamp(i) }));

interface Row {
  readonly message: string | null;
  readonly raw: string | null;
  readonly code?: string;
  readonly requestId?: string;
  /** The reader's name ('ndjson' when left out). */
  readonly format?: string;
}

/** One entry object per code, as the catalog gives: rows of one entry find the ids of their other fields at once. */
const ENTRIES = new Map(['1308', '1310', '1302'].map((code) => [code, testEntry(code)]));

function fill(rows: readonly Row[], store = createEventStore(), source = 1): EventStore {
  rows.forEach((row, i) => {
    const code = row.code ?? '1308';
    const event = testEvent({ ts: T + i, code, entry: ENTRIES.get(code) ?? null, message: row.message, reset: row.raw === null ? null : reset(row.raw), requestId: row.requestId ?? null });
    appendEvent(store, row.format === undefined ? event : { ...event, format: row.format }, source);
  });
  return store;
}

const messagesOf = (store: EventStore) => Array.from({ length: store.size }, (_, i) => getEvent(store, i)?.message ?? null);

describe('messages that name their reset', () => {
  it('share one wording in a storm, and each reads back whole', () => {
    const rows = storm(3000);
    const store = fill(rows);
    expect(messagesOf(store)).toEqual(rows.map((r) => r.message));
    expect(store.messages.values.length + store.wordings.values.length).toBeLessThan(5);
  });

  it('share one wording when the storm comes through readers of several formats', () => {
    // A mixed log: each line another reader's, so rows seldom find the ids of their other fields.
    const formats = ['ndjson', 'text', 'sse', 'http'];
    const rows = storm(400).map((row, i) => ({ ...row, format: formats[i % formats.length] ?? 'ndjson' }));
    const store = fill(rows);
    expect(messagesOf(store)).toEqual(rows.map((r) => r.message));
    expect(store.messages.values.length + store.wordings.values.length).toBeLessThan(5);
  });

  it('keep interleaved wordings apart, even of the same lengths, each storm line reading back whole', () => {
    // Two windows' storms interleave; a third wording differs from the second only after the stamp.
    const wordings = [['Usage limit reached for 5 hour. Your limit will reset at ', ''], ['Weekly limit exhausted. Reset at ', ' (a)'], ['Weekly limit exhausted. Reset at ', ' (b)']] as const;
    const rows = Array.from({ length: 900 }, (_, i) => {
      const [before, after] = wordings[i % 3]!;
      return { message: `${before}${stamp(i)}${after}`, raw: stamp(i) };
    });
    const store = fill(rows);
    expect(messagesOf(store)).toEqual(rows.map((r) => r.message));
    expect(store.wordings.values.length).toBe(4);
  });

  it('read back whole whatever the message and reset text', () => {
    const text = fc.oneof(fc.constantFrom('Usage limit reached. Reset at ', ' (UTC+8)', '$&', '$1', 'ΑΣ', 'Σ', '\u0000', '已达到上限，'), fc.string({ unit: 'binary', maxLength: 8 }));
    const raw = fc.oneof(fc.constantFrom('2026-11-20 11:00:02', '$&', 'T', '11', 'Σ', '重置'), fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), fc.string({ minLength: 101, maxLength: 120 }));
    const row = fc.record({ before: text, after: text, raw, inMessage: fc.boolean(), long: fc.boolean() }).map(({ before, after, raw: r, inMessage, long }) => ({
      message: `${long ? 'x'.repeat(295) : ''}${before}${inMessage ? r : ''}${after}`,
      raw: r,
    }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        // An empty message is kept as none, as always.
        expect(messagesOf(fill(rows))).toEqual(rows.map((r) => (r.message === '' ? null : capMessage(r.message))));
      }),
      { numRuns: 300 },
    );
  });

  it('read back whole after another store is appended and after a source is removed', () => {
    const first = storm(50);
    const second = storm(80).map((r, i) => ({ ...r, message: `${r.message} (${i})` }));
    const store = fill(first, createEventStore(), 1);
    const part = fill(second, createEventStore(), 2);
    appendStore(store, part, { lineShift: 0, limit: 1000 });
    expect(messagesOf(store)).toEqual([...first, ...second].map((r) => r.message));
    fill(storm(20), store, 3);
    removeSource(store, 1);
    expect(messagesOf(store)).toEqual([...second, ...storm(20)].map((r) => r.message));
  });

  it('are found by text search as their whole text is, the stamp and Σ included', () => {
    const words = ['Usage limit reached ', 'reset at ', '已达到 ', 'ΑΣ', 'ς', ' hour', 'T', 'Z', '-', ' ', '$&'];
    const piece = fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 4 }));
    const raw = fc.oneof(fc.constantFrom('2026-11-20 11:00:02', '2026-11-21T03:00:00Z', 'Σoon', '重置', 'at'), fc.string({ minLength: 1, maxLength: 5 }));
    const row = fc.record({ before: piece, after: piece, raw, hasRaw: fc.boolean(), code: fc.constantFrom('1308', '1310', '1302'), requestId: fc.constantFrom('req-AB', 'x') });
    const rows = fc.array(row.map((r) => ({ message: `${r.before}${r.hasRaw ? r.raw : ''}${r.after}`, raw: r.raw, code: r.code, requestId: r.requestId })), { minLength: 2, maxLength: 40 });
    const needle = (list: readonly Row[]) =>
      fc.oneof(
        fc.tuple(fc.nat(list.length - 1), fc.nat(40), fc.nat(12), fc.boolean()).map(([i, start, length, upper]) => {
          const text = list[i]?.message ?? '';
          const cut = text.slice(start % (text.length + 1), (start % (text.length + 1)) + length + 1);
          return upper ? cut.toUpperCase() : cut;
        }),
        fc.constantFrom(...words, '11:00', '0 h', 't ', 'σ', 'ς', ' 2026', 'reset at 2026'),
      );
    fc.assert(
      fc.property(rows.chain((list) => fc.tuple(fc.constant(list), needle(list))), ([list, q]) => {
        fc.pre(q.trim() !== '' && q === q.trim());
        const store = fill(list);
        const lower = q.toLowerCase();
        const expected = Array.from({ length: store.size }, (_, i) => i).filter((i) => {
          const e = getEvent(store, i);
          return [e?.message, e?.code, e?.requestId].some((s) => typeof s === 'string' && s.toLowerCase().includes(lower));
        });
        expect([...filterEvents(store, viewOf({ q }), { now: T })].sort((a, b) => a - b)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});

describe('capMessage', () => {
  const FAMILY = '👩‍👩‍👧‍👦';
  const ZALGO_A = 'a\u0337\u0322\u031b';
  it.each([
    ['a message of 300 units, whole', 'x'.repeat(300), 'x'.repeat(300)],
    ['a longer one, cut to 299 units and marked', 'x'.repeat(301), `${'x'.repeat(299)}…`],
    ['a family emoji the cut would split goes whole (11 units)', `${'x'.repeat(290)}${FAMILY}`, `${'x'.repeat(290)}…`],
    ['families only: whole ones, never half a ZWJ sequence', FAMILY.repeat(40), `${FAMILY.repeat(27)}…`],
    ['a surrogate pair the cut would split goes whole', `${'x'.repeat(298)}😀😀`, `${'x'.repeat(298)}…`],
    ['a letter keeps all its combining marks or goes with them', `${'x'.repeat(297)}${ZALGO_A}${ZALGO_A}`, `${'x'.repeat(297)}…`],
    ['CJK: one unit each', '该'.repeat(400), `${'该'.repeat(299)}…`],
  ])('%s', (_name, message, expected) => {
    const kept = capMessage(message);
    expect(kept).toBe(expected);
    expect(kept.length).toBeLessThanOrEqual(300);
  });
});
