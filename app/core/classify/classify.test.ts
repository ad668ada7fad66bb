import { describe, expect, it } from 'vitest';
import { classifyRecord, classifyRecordFull } from './classify';
import type { ErrorDetails, Outcome } from './outcome';
import { CLASSIFIER_SAMPLES, LOOKALIKE_SAMPLES } from './samples';

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());
const detailsOf = (o: Outcome): ErrorDetails | null => (o.kind === 'catalogued' || o.kind === 'uncatalogued' ? o.details : null);

describe('classifyRecord: samples', () => {
  it.each(CLASSIFIER_SAMPLES.map((s) => [s.id, s] as const))('%s', (_id, sample) => {
    const outcome = classifyRecord(sample.text);
    const e = sample.expected;
    const d = detailsOf(outcome);
    expect(outcome.kind).toBe(e.kind);
    if (e.code !== undefined) expect(d?.code).toBe(e.code);
    if (e.category !== undefined) expect(outcome.kind === 'catalogued' ? outcome.entry.category : null).toBe(e.category);
    if (e.http !== undefined) expect(d?.http).toBe(e.http);
    if (e.reset !== undefined) expect(iso(d?.reset?.at)).toBe(e.reset);
    if (e.plausible !== undefined) expect(d?.reset?.plausible).toBe(e.plausible);
    if (e.window !== undefined) expect(d?.window).toBe(e.window);
    if (e.requestId !== undefined) expect(d?.requestId).toBe(e.requestId);
    if (e.ts !== undefined) expect(iso(d?.ts)).toBe(e.ts);
    if (e.reason !== undefined) expect(outcome.kind === 'rejected' ? outcome.reason : null).toBe(e.reason);
    for (const flag of e.flags ?? []) expect(d?.flags).toContain(flag);
    for (const [key, value] of Object.entries(e.params ?? {})) expect(d?.params[key]).toBe(value);
    if (outcome.kind === 'catalogued') expect(outcome.entry.code).toBe(d?.code);
    expect(classifyRecordFull(sample.text)).toEqual(outcome);
  });

  it.each(LOOKALIKE_SAMPLES.map((s) => [s.id, s.text] as const))('look-alike %s is never catalogued', (_id, text) => {
    expect(classifyRecord(text).kind).not.toBe('catalogued');
  });
});

describe('classifyRecord: details', () => {
  const line1308 = '{"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41"}}';

  it('reads `2026-08-31 18:19:41` in a 1308 message as 2026-08-31T10:19:41Z (UTC+8)', () => {
    const d = detailsOf(classifyRecord(line1308));
    expect(iso(d?.reset?.at)).toBe('2026-08-31T10:19:41.000Z');
    expect(d?.reset).toMatchObject({ raw: '2026-08-31 18:19:41', assumedOffsetMinutes: 480, plausible: true, dateOnly: false });
    expect(d?.params).toMatchObject({ number: '5', unit: 'hour', next_flush_time: '2026-08-31 18:19:41' });
    expect(d?.flags).toEqual(expect.arrayContaining(['reset_zone_assumed', 'timestamp_missing']));
  });

  it('honours providerOffsetMinutes and localOffsetMinutes', () => {
    expect(iso(detailsOf(classifyRecord(line1308, { providerOffsetMinutes: 0 }))?.reset?.at)).toBe('2026-08-31T18:19:41.000Z');
    const local = detailsOf(classifyRecord(`2026-08-31 17:00:00 ${line1308}`, { localOffsetMinutes: () => 120 }));
    expect(iso(local?.ts)).toBe('2026-08-31T15:00:00.000Z');
    expect(local?.flags).toContain('timestamp_zone_assumed');
  });

  it('flags a reset 8 h before the event as implausible and says why', () => {
    const d = detailsOf(classifyRecord(`{"ts":"2026-08-31T18:19:41Z","error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41"}}`));
    expect(d?.reset?.plausible).toBe(false);
    expect(d?.reset?.implausibleReason).toBe('the reset is 8h before the error was logged');
    expect(d?.flags).toContain('reset_time_implausible');
  });

  it('marks an unreadable stamp invalid, and a missing one missing', () => {
    expect(detailsOf(classifyRecord('{"ts":"2025-02-30 10:00:00","error":{"code":"1302","message":"x"}}'))?.flags).toContain('timestamp_invalid');
    expect(detailsOf(classifyRecord('{"error":{"code":"1302","message":"x"}}'))?.flags).toContain('timestamp_missing');
  });

  it('sets language, caps the message at 500 characters and strips relay suffixes', () => {
    const long = `{"error":{"code":"1214","message":"Invalid messages parameter. Please check the documentation ${'x'.repeat(2000)}"}}`;
    const d = detailsOf(classifyRecord(long));
    expect(d?.message?.length).toBe(500);
    expect(d?.language).toBe('en');
    expect(detailsOf(classifyRecord('{"error":{"code":"1305","message":"该模型当前访问量过大，请您稍后再试"}}'))?.language).toBe('zh');
  });

  it('keeps the code when the catalog does not know it, and the raw value of a foreign code', () => {
    expect(detailsOf(classifyRecord('{"error":{"code":"1399","message":"new"}}'))?.code).toBe('1399');
    expect(detailsOf(classifyRecord('{"error":{"code":"","message":"upstream failed"},"status":502}'))).toMatchObject({ code: null, http: 502, params: { rawCode: '' } });
  });

  it('reads a bracketed message (message text and request id)', () => {
    const d = detailsOf(classifyRecord('{"type":"error","error":{"type":"invalid_request_error","code":"1261","message":"[1261][Prompt exceeds max length][20260601000000abcdefabcdefabcd]"}}'));
    expect(d).toMatchObject({ code: '1261', message: 'Prompt exceeds max length', requestId: '20260601000000abcdefabcdefabcd' });
  });
});

describe('classifyRecord: a JSON array of events on one line (B8)', () => {
  const e1302 = '{"error":{"code":"1302","message":"Rate limit reached for requests"}}';
  const e1113 = '{"error":{"code":"1113","message":"Insufficient balance or no resource package. Please recharge."}}';
  const unknown = '{"error":{"code":"7777","message":"Something new"}}';
  const codesOf = (o: Outcome) => [detailsOf(o)?.code, ...(o.kind === 'catalogued' || o.kind === 'uncatalogued' ? (o.also ?? []).map((a) => a.details.code) : [])];

  it('gives the line the most severe outcome and every other error with it', () => {
    const both = classifyRecord(`[${e1302},{"level":"info"},${e1113}]`);
    expect(both.kind).toBe('catalogued');
    expect(codesOf(both)).toEqual(['1302', '1113']);
    // An uncatalogued error first: the catalogued one is the line's outcome, the other still an event.
    const mixed = classifyRecord(`[${unknown},${e1113}]`);
    expect(mixed.kind).toBe('catalogued');
    expect(codesOf(mixed)).toEqual(['1113', '7777']);
  });

  it('adds nothing to a single error, and an array without errors is no error', () => {
    expect(classifyRecord(`[${e1302}]`)).toEqual(classifyRecord(e1302));
    expect(classifyRecord('[{"level":"info"},1,"ok"]').kind).toBe('non-error');
  });

  it('reads the same without the shortcuts', () => {
    const line = `[${e1302},${e1113}]`;
    expect(classifyRecordFull(line)).toEqual(classifyRecord(line));
  });

  it('reads every item of a long array: a hundred errors are a hundred events, an error after seventy other items is found', () => {
    expect(codesOf(classifyRecord(`[${Array(100).fill(e1302).join(',')}]`))).toEqual(Array(100).fill('1302'));
    const late = `[${Array.from({ length: 70 }, (_, i) => `{"x":${i}}`).join(',')},${e1113}]`;
    expect(codesOf(classifyRecord(late))).toEqual(['1113']);
  });
});

describe('classifyRecord: JSON values side by side on one line (B9)', () => {
  const e1302 = '{"error":{"code":"1302","message":"Rate limit reached for requests"}}';
  const e1308 = '{"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41"}}';
  const codesOf = (o: Outcome) => [detailsOf(o)?.code, ...(o.kind === 'catalogued' || o.kind === 'uncatalogued' ? (o.also ?? []).map((a) => a.details.code) : [])];

  it('reads each value as an array item: two errors are two events, as JSON, not flagged as malformed', () => {
    const two = classifyRecord(`${e1308}${e1302}`);
    expect(codesOf(two)).toEqual(['1308', '1302']);
    expect(detailsOf(two)?.flags).not.toContain('read_from_malformed_json');
    expect(detailsOf(two)?.reset?.raw).toBe('2026-08-31 18:19:41');
    expect(codesOf(classifyRecord(`${e1302} \t ${e1308}`))).toEqual(['1302', '1308']);
    expect(classifyRecordFull(`${e1308}${e1302}`)).toEqual(two);
  });

  it('spreads an array written beside an object into its items, as an array line does', () => {
    expect(codesOf(classifyRecord(`[${e1302},${e1308}]${e1302}`))).toEqual(['1302', '1308', '1302']);
    expect(codesOf(classifyRecord(`${e1308}[${e1302},${e1302}]`))).toEqual(['1308', '1302', '1302']);
    expect(codesOf(classifyRecord(`[]${e1302}[ ]`))).toEqual(['1302']);
  });

  it('does not count a brace inside a string, and is not fooled by text between the values', () => {
    expect(codesOf(classifyRecord(`{"note":"}{"}${e1302}`))).toEqual(['1302']);
    // Text between them: not concatenated JSON; the error is still read from the text, flagged.
    const between = classifyRecord(`${e1302} and ${e1308}`);
    expect(detailsOf(between)?.flags).toContain('read_from_malformed_json');
  });
});

describe('classifyRecord: bounded JSON (B14, B15)', () => {
  const error = '{"code":"1302","message":"Rate limit reached for requests"}';
  const codeOf = (text: string) => detailsOf(classifyRecord(text))?.code ?? null;

  it('B15: follows the keys error envelopes use, to eight levels, and no other wrapper', () => {
    expect(codeOf(`{"data":{"error":{"error":${error}}}}`)).toBe('1302');
    const chain = (levels: number) => `${'{"data":'.repeat(levels)}{"error":${error}}${'}'.repeat(levels)}`;
    expect(codeOf(chain(7))).toBe('1302');
    expect(codeOf(chain(9))).toBeNull();
    // Keys no envelope uses are not searched: an error object anywhere would be a guess.
    expect(classifyRecord(`{"a":{"b":{"c":{"error":${error}}}}}`).kind).toBe('non-error');
  });

  it('B14: a record of 100,000 keys is read, its error found before or after them', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `"k${i}":${i}`).join(',');
    expect(codeOf(`{${keys},"error":${error}}`)).toBe('1302');
    expect(codeOf(`{"error":${error},${keys}}`)).toBe('1302');
    expect(codeOf(`{"${'k'.repeat(1_000_000)}":1,"error":${error}}`)).toBe('1302');
  });
});
