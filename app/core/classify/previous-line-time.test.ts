import { describe, expect, it } from 'vitest';
import { classifyRecord } from './classify';
import type { ErrorOutcome, Outcome } from './outcome';
import { datedByLineAbove, isUndatedError, stampProbe, timeOfProbe } from './previous-line-time';

const RATE_LIMIT = '{"error":{"code":"1302","message":"Rate limit reached for requests"}}';
const T = Date.UTC(2026, 8, 30, 6, 44);

function errorOf(text: string): ErrorOutcome {
  const outcome = classifyRecord(text);
  if (outcome.kind !== 'catalogued' && outcome.kind !== 'uncatalogued') throw new Error(`not an error: ${text}`);
  return outcome;
}

describe('stampProbe', () => {
  it.each([
    ['2026-09-30 14:44:00,123 - app - ERROR - request failed', '2026-09-30 14:44:00,123'],
    ['[2026-09-30 14:44:00] DEBUG x', '2026-09-30 14:44:00'],
    ['2026-09-30 14:44:00 GMT+8 DEBUG x', '2026-09-30 14:44:00+08:00'],
    ['2026-09-30T06:44:00Z {"ts":"2020-01-01T00:00:00Z"} request_id=20200101000000958b81c5b1234255', '2026-09-30T06:44:00Z'],
    ['1759212000 DEBUG x', '1759212000'],
  ])('keeps only the stamp of %j', (line, stamp) => expect(stampProbe(line)).toBe(`${stamp} {"error":{"code":"1302"}}`));

  it.each(['', 'DEBUG response:', '{"ts":"2026-09-30T06:44:00Z"}', '  at x (a.js:1:1)', '12345 ERROR x'])('has none for %j', (line) =>
    expect(stampProbe(line)).toBeNull(),
  );

  it('is read back as the stamp of the line, in its zone and against its clock', () => {
    const probe = (line: string, options = {}) => timeOfProbe(classifyRecord(stampProbe(line) ?? '', options));
    expect(probe('2026-09-30 14:44:00,123 INFO x', { localOffsetMinutes: () => 480 })).toEqual({ ts: T + 123, zoneAssumed: true, inFuture: false });
    expect(probe('2026-09-30T06:44:00Z INFO x', { now: () => T - 3_600_000 })).toEqual({ ts: T, zoneAssumed: false, inFuture: true });
    expect(probe('2026-02-30 14:44:00 INFO x')).toBeNull();
  });
});

describe('isUndatedError', () => {
  it('is true only for an error with neither a time nor a request id that dates it', () => {
    expect(isUndatedError(classifyRecord(RATE_LIMIT))).toBe(true);
    expect(isUndatedError(classifyRecord(`2026-09-30T06:44:00Z ${RATE_LIMIT}`))).toBe(false);
    expect(isUndatedError(classifyRecord(`2026-02-30 06:44:00 ${RATE_LIMIT}`))).toBe(false);
    expect(isUndatedError(classifyRecord('{"error":{"code":"1302","message":"x"},"request_id":"20260930144400958b81c5b1234255"}'))).toBe(false);
    expect(isUndatedError(classifyRecord('INFO all good'))).toBe(false);
  });
});

describe('datedByLineAbove', () => {
  it('puts the time and its flags where timestamp_missing was, and leaves the outcome given as it was', () => {
    const undated = Object.freeze(errorOf(`{"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-09-30 12:00:00"}}`));
    const before = structuredClone(undated);
    const dated = datedByLineAbove(undated, { ts: T, zoneAssumed: true, inFuture: true });
    expect(undated).toEqual(before);
    expect(dated.details.ts).toBe(T);
    // The reset (04:00Z) is judged again: before an event at 06:44Z it is implausible.
    expect(dated.details.reset?.plausible).toBe(false);
    expect(dated.details.flags).toEqual(['timestamp_zone_assumed', 'timestamp_from_previous_line', 'reset_zone_assumed', 'reset_time_implausible', 'timestamp_in_future']);
  });

  it('dates the undated errors of an array line and keeps the others', () => {
    const array = errorOf(`[{"ts":"2026-09-30T06:00:00Z","error":{"code":"1305","message":"overloaded"}},${RATE_LIMIT}]`);
    const dated = datedByLineAbove(array, { ts: T, zoneAssumed: false, inFuture: false });
    expect([dated, ...(dated.also ?? [])].map((e) => [e.details.code, e.details.ts, e.details.flags])).toEqual([
      ['1305', Date.UTC(2026, 8, 30, 6), []],
      ['1302', T, ['timestamp_from_previous_line']],
    ]);
  });

  it('returns a dated error as it is', () => {
    const own: Outcome = errorOf(`2026-09-30T06:00:00Z ${RATE_LIMIT}`);
    expect(datedByLineAbove(own as ErrorOutcome, { ts: T, zoneAssumed: false, inFuture: false })).toBe(own);
  });
});
