import { describe, expect, it } from 'vitest';
import { BYTES_PER_EVENT, columnBytes } from './columns';
import { appendEvent, appendEvents, clearStore, createEventStore } from './event-store';
import { getEvent } from './get-event';
import { removeSource } from './remove-source';
import { testEvent, testReset } from './test-events';
import { RECENT_LOOKUP } from './string-table';

const T = Date.UTC(2026, 2, 1, 8);

describe('EventStore', () => {
  it('appends, reads back and bumps the version', () => {
    const store = createEventStore();
    const reset = testReset(T + 3_600_000);
    const index = appendEvent(
      store,
      testEvent({ ts: T, code: '1308', requestId: 'req-1', reset, flags: ['reset_zone_assumed', 'code_from_text'], line: 42, attempts: 3 }),
      7,
    );
    expect(index).toBe(0);
    expect(store.size).toBe(1);
    expect(store.version).toBe(1);
    expect(getEvent(store, 0)).toEqual({
      index: 0, time: T, code: '1308', category: 'api-policy-block', verdict: 'wait-for-reset', family: 'quota',
      sourceId: 7, line: 42, byteOffset: 0, byteLength: 10, flags: ['reset_zone_assumed', 'code_from_text'],
      reset, window: '5-hour', http: 429, attempts: 3, message: 'message for 1308', language: 'en', requestId: 'req-1', format: 'ndjson',
    });
  });

  it.each([
    ['undated', { ts: null }, { time: null }],
    ['uncatalogued code', { code: '9999' }, { code: '9999', category: null, verdict: null, family: null }],
    ['no code', { code: null }, { code: null, category: null }],
    ['attempts capped', { attempts: 1000 }, { attempts: 255 }],
    ['negative line', { line: -3 }, { line: 0 }],
    ['long message capped at 300, marked as cut', { message: 'x'.repeat(1000) }, { message: `${'x'.repeat(299)}…` }],
    ['long request id capped at 80', { requestId: 'r'.repeat(500) }, { requestId: 'r'.repeat(80) }],
    ['non-ASCII request id', { requestId: 'réq-😀-请求' }, { requestId: 'réq-😀-请求' }],
    ['empty request id', { requestId: '' }, { requestId: null }],
    ['non-ASCII request id at the cap', { requestId: '😀'.repeat(100) }, { requestId: '😀'.repeat(40) }],
    ['no http', { code: null, http: null }, { http: null }],
  ])('%s', (_name, input, expected) => {
    const store = createEventStore();
    appendEvent(store, testEvent(input), 0);
    expect(getEvent(store, 0)).toMatchObject(expected);
  });

  it('returns null outside the store', () => {
    const store = createEventStore();
    appendEvent(store, testEvent(), 0);
    expect([getEvent(store, -1), getEvent(store, 1), getEvent(store, 0.5)]).toEqual([null, null, null]);
  });

  it('interns codes, messages and resets (F8: one reset object for many errors)', () => {
    const store = createEventStore();
    const reset = testReset(T + 1000);
    for (let i = 0; i < 1000; i += 1) appendEvent(store, testEvent({ ts: T + i, code: '1308', reset: { ...reset } }), 0);
    expect(store.codes.values).toEqual(['', '1308']);
    expect(store.messages.values).toHaveLength(2);
    expect(store.resets.size).toBe(2);
  });

  it('keeps a reset written the same way but judged differently apart', () => {
    const store = createEventStore();
    const reset = testReset(T + 1000);
    const late = { ...reset, plausible: false, implausibleReason: 'the reset is before its event' };
    const ids = [reset, late, { ...reset }, { ...late }, { ...reset, at: Number.NaN }, { ...reset, at: null }].map((r) => {
      appendEvent(store, testEvent({ ts: T, code: '1308', reset: r }), 0);
      return store.columns.reset[store.size - 1];
    });
    expect(ids).toEqual([1, 2, 1, 2, 3, 3]);
    expect(getEvent(store, 1)?.reset).toEqual(late);
  });


  it('looks up only recent messages and resets, yet reads every row back as written', () => {
    // A quota storm names a new reset each second: messages and resets never repeat, so their lookup is bounded.
    const store = createEventStore();
    const distinct = RECENT_LOOKUP * 3 + 7;
    const rows = [];
    for (let i = 0; i < distinct; i += 1) rows.push({ message: `limit resets at ${i}`, reset: testReset(T + i * 1000) });
    // The first stamp comes back long after the lookup forgot it, then again at once.
    rows.push(rows[0]!, rows[0]!);
    for (const [i, row] of rows.entries()) appendEvent(store, testEvent({ ts: T + i, code: '1310', ...row }), 0);
    expect(store.messages.ids.size).toBeLessThanOrEqual(RECENT_LOOKUP);
    for (const [i, row] of rows.entries()) expect(getEvent(store, i)).toMatchObject({ message: row.message, reset: row.reset });
    // Seen again at once: one new id for the two rows, not one each.
    expect(store.columns.message[distinct]).toBe(store.columns.message[distinct + 1]);
    expect(store.columns.reset[distinct]).toBe(store.columns.reset[distinct + 1]);
    // Codes keep one id each whatever the count (charts group by code id).
    expect(store.codes.ids.size).toBe(1);
  });

  it('reads back each row as written when rows share a message but not the rest', () => {
    // Rows are written through a memo keyed by message: every other field must still be the row's own.
    const store = createEventStore();
    const quota = testEvent({ ts: T, code: '1308', message: 'same words', flags: ['timestamp_zone_assumed'] });
    const variants = [
      testEvent({ ts: T, code: '1302', message: 'same words', flags: ['timestamp_zone_assumed'] }),
      testEvent({ ts: T, code: '9999', message: 'same words', flags: ['timestamp_zone_assumed'] }),
      testEvent({ ts: T, code: '1308', message: 'same words', flags: ['timestamp_zone_assumed'], entry: null }),
      { ...quota, entry: { ...quota.entry!, category: 'account' as const } },
      { ...quota, format: 'text' },
      { ...quota, details: { ...quota.details, language: 'zh' as const } },
      { ...quota, details: { ...quota.details, window: 'weekly' as const } },
      { ...quota, details: { ...quota.details, flags: ['code_from_text' as const] } },
    ];
    // Each variant differs from the row before it in one field only.
    const inputs = variants.flatMap((variant) => [quota, variant]);
    for (const event of inputs) appendEvent(store, event, 0);
    inputs.forEach((event, i) => {
      expect(getEvent(store, i)).toMatchObject({
        code: event.details.code, category: event.entry?.category ?? null, message: 'same words', format: event.format,
        language: event.details.language, window: event.details.window ?? event.entry?.window ?? null, flags: event.details.flags,
      });
    });
  });

  it('reads back each quota message when every row names a new reset (same entry, new message each time)', () => {
    const store = createEventStore();
    const base = testEvent({ ts: T, code: '1310' });
    const messages = Array.from({ length: 50 }, (_, i) => `Weekly/Monthly Limit Exhausted. Your limit will reset at 2026-11-23 06:00:${String(i).padStart(2, '0')}`);
    for (const message of [...messages, messages[3]!]) appendEvent(store, { ...base, details: { ...base.details, message } }, 0);
    expect([...messages, messages[3]].map((_, i) => getEvent(store, i)?.message)).toEqual([...messages, messages[3]]);
    expect(getEvent(store, 49)).toMatchObject({ code: '1310', category: base.entry?.category, window: 'weekly' });
  });

  it('writes rows with the right ids after its tables were compacted or cleared', () => {
    // The same event objects again, as the classifier hands over the same strings and entry for each wording.
    const store = createEventStore();
    const gone = testEvent({ ts: T, code: '1302', message: 'gone' });
    const kept = testEvent({ ts: T, code: '1308', message: 'kept' });
    appendEvent(store, gone, 2);
    appendEvent(store, kept, 1);
    removeSource(store, 2);
    appendEvent(store, kept, 1);
    appendEvent(store, gone, 1);
    expect([0, 1, 2].map((i) => [getEvent(store, i)?.code, getEvent(store, i)?.message])).toEqual([['1308', 'kept'], ['1308', 'kept'], ['1302', 'gone']]);
    clearStore(store);
    appendEvent(store, gone, 1);
    expect(getEvent(store, 0)).toMatchObject({ code: '1302', message: 'gone' });
    expect(store.messages.values).toEqual(['', 'gone']);
  });

  it('grows by half again and keeps every row', () => {
    const store = createEventStore();
    for (let i = 0; i < 5000; i += 1) appendEvent(store, testEvent({ ts: T + i, line: i + 1 }), 0);
    // 1,024 -> 1,536 -> 2,304 -> 3,456 -> 5,184
    expect(store.capacity).toBe(5184);
    expect(getEvent(store, 4999)).toMatchObject({ time: T + 4999, line: 5000 });
    expect(columnBytes(store.columns)).toBe(5184 * BYTES_PER_EVENT);
  });

  it('tracks the dated extent and the undated count', () => {
    const store = createEventStore();
    appendEvents(store, [testEvent({ ts: T }), testEvent({ ts: null }), testEvent({ ts: T - 5 })], 0);
    expect([store.minTime, store.maxTime, store.undated]).toEqual([T - 5, T, 1]);
  });

  it('removeSource compacts rows and string tables, keeping order', () => {
    const store = createEventStore();
    appendEvent(store, testEvent({ ts: T, code: '1308', requestId: 'a' }), 1);
    appendEvent(store, testEvent({ ts: T + 1, code: '1302', requestId: 'b' }), 2);
    appendEvent(store, testEvent({ ts: T + 2, code: '1310', requestId: 'c' }), 1);
    appendEvent(store, testEvent({ ts: null, code: '1302', requestId: 'd' }), 2);
    const version = store.version;
    expect(removeSource(store, 2)).toBe(2);
    expect(store.size).toBe(2);
    expect(store.version).toBeGreaterThan(version);
    expect([0, 1].map((i) => getEvent(store, i)?.requestId)).toEqual(['a', 'c']);
    expect(store.codes.values).toEqual(['', '1308', '1310']);
    expect(store.requestIds.length).toBe(2);
    expect([store.minTime, store.maxTime, store.undated]).toEqual([T, T + 2, 0]);
    expect(removeSource(store, 9)).toBe(0);
  });

  it('clearStore empties everything and moves the version on', () => {
    const store = createEventStore();
    appendEvent(store, testEvent(), 0);
    clearStore(store);
    expect(store.size).toBe(0);
    expect(store.version).toBe(2);
    expect(store.codes.values).toEqual(['']);
    expect(Number.isNaN(store.maxTime)).toBe(true);
  });

  it('is prototype-safe with hostile strings', () => {
    const store = createEventStore();
    appendEvent(store, testEvent({ code: null, message: '__proto__', requestId: 'constructor' }), 0);
    expect(getEvent(store, 0)).toMatchObject({ message: '__proto__', requestId: 'constructor' });
  });
});

describe('memory', () => {
  it('stays within 60 bytes per event in typed arrays (1 M events <= 60 MB)', () => {
    expect(BYTES_PER_EVENT).toBeLessThanOrEqual(60);
    expect((BYTES_PER_EVENT * 1_000_000) / 1e6).toBeLessThanOrEqual(60);
  });
});

describe('stored strings', () => {
  it('are copies, not views into the log text they were cut from', () => {
    // A fresh string of the same characters is what the store must hold; equality is all a test can see,
    // the memory effect is measured by the benchmark.
    const parent = `${'x'.repeat(1000)}Usage limit reached for 5 hour.${'y'.repeat(1000)}`;
    const message = parent.slice(1000, 1031);
    const store = createEventStore();
    appendEvent(store, testEvent({ code: '1308', message }), 0);
    expect(getEvent(store, 0)?.message).toBe('Usage limit reached for 5 hour.');
  });
});
