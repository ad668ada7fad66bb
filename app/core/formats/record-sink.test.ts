import { describe, expect, it } from 'vitest';
import { classifyRecord, classifyRecordFull } from '../classify/classify';
import type { ClassifyOptions, ErrorDetails, Outcome } from '../classify/outcome';
import { checkLedger } from '../ledger/ledger';
import { runIngest, utf8 } from './fake-classifier';
import type { IngestedEvent } from './types';

/** The source's zone: UTC+2, so a zone-less 14:44 is 12:44Z. */
const OPTIONS: ClassifyOptions = { localOffsetMinutes: () => 120 };
const classify = (text: string): Outcome => classifyRecord(text, OPTIONS);
const read = (text: string, cuts: readonly number[] = [], options: ClassifyOptions = OPTIONS) =>
  runIngest(utf8(text), cuts, { classify: (t) => classifyRecord(t, options) });
const lines = (...all: string[]) => `${all.join('\n')}\n`;
const iso = (ts: number | null) => (ts === null ? null : new Date(ts).toISOString());
const timeOf = (e: IngestedEvent) => [e.line, iso(e.details.ts), e.details.flags];

const RATE_LIMIT = '{"error":{"code":"1302","message":"Rate limit reached for requests"}}';
const PYTHON = [
  '2026-09-30 14:44:00,123 - app - ERROR - request failed',
  'Traceback (most recent call last):',
  '  File "app.py", line 3, in <module>',
  '    client.chat()',
  "openai.RateLimitError: Error code: 429 - {'error': {'code': '1302', 'message': 'Rate limit reached for requests'}}",
];
const JAVA = [
  '2026-09-30 14:45:00,123 ERROR [main] c.z.Client - call failed',
  'com.zai.ApiException: {"error":{"code":"1305","message":"overloaded"}}',
  '\tat com.zai.Client.call(Client.java:42)',
  '\tat com.zai.Main.main(Main.java:7)',
  'Caused by: java.io.IOException: boom',
  '\t... 2 more',
];
const EXAMPLE = lines(...PYTHON, ...JAVA, '2026-09-30 14:46:00,123 INFO [main] ok');
const HTTP_DUMP = lines('2026-09-30 14:47:00 DEBUG response:', 'HTTP/1.1 429 Too Many Requests', 'Content-Type: application/json', '', RATE_LIMIT);

const ZONE_ASSUMED_FROM_ABOVE = ['timestamp_zone_assumed', 'timestamp_from_previous_line'];

describe('an error without a time of its own takes the time of the stamped line right above it', () => {
  it('dates the Python traceback and the log4j exception by their stamped lines, in the source zone, flagged', () => {
    const { ledger, events } = read(EXAMPLE);
    expect(events.map((e) => [e.line, e.lineCount, e.format, e.details.code])).toEqual([
      [2, 4, 'stack', '1302'],
      [7, 5, 'stack', '1305'],
    ]);
    expect(events.map(timeOf)).toEqual([
      [2, '2026-09-30T12:44:00.123Z', ZONE_ASSUMED_FROM_ABOVE],
      [7, '2026-09-30T12:45:00.123Z', ZONE_ASSUMED_FROM_ABOVE],
    ]);
    // The ledger is as before: the stamped lines are records of their own, not errors; only the flags moved.
    expect(checkLedger(ledger)).toEqual([]);
    expect([ledger.lines, ledger.catalogued, ledger.uncatalogued, ledger.nonError, ledger.events]).toEqual([12, 9, 0, 3, 2]);
    expect(ledger.flags).toEqual({ timestamp_zone_assumed: 2, timestamp_from_previous_line: 2 });
  });

  it('dates a raw HTTP response printed right after a stamped line', () => {
    const { events } = read(HTTP_DUMP);
    expect(events.map((e) => [e.line, e.lineCount, e.format])).toEqual([[2, 4, 'http']]);
    expect(events.map(timeOf)).toEqual([[2, '2026-09-30T12:47:00.000Z', ZONE_ASSUMED_FROM_ABOVE]]);
  });

  it('leaves an error undated when a blank line stands between', () => {
    const { ledger, events } = read(lines(PYTHON[0] as string, '', ...PYTHON.slice(1)));
    expect(events.map(timeOf)).toEqual([[3, null, ['timestamp_missing']]]);
    expect(ledger.flags).toEqual({ timestamp_missing: 1 });
    expect(read(lines('2026-09-30 14:47:00 DEBUG response:', '   ', RATE_LIMIT)).events.map(timeOf)).toEqual([[3, null, ['timestamp_missing']]]);
  });

  it('keeps the time an error has of its own, without the flag: written in it, or read from its request id', () => {
    const own = '{"ts":"2026-09-30T06:00:00Z","error":{"code":"1302","message":"Rate limit reached for requests"}}';
    const byId = 'Error code: 429 - {"error":{"code":"1302","message":"Rate limit reached for requests"},"request_id":"20260930140000958b81c5b1234255"}';
    const invalid = '2026-02-30 10:00:00 ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}';
    const { events } = read(lines('2026-09-30 14:44:00 INFO a', own, '2026-09-30 14:44:01 INFO b', byId, '2026-09-30 14:44:02 INFO c', invalid));
    expect(events.map(timeOf)).toEqual([
      [2, '2026-09-30T06:00:00.000Z', []],
      [4, '2026-09-30T06:00:00.000Z', ['timestamp_from_request_id']],
      [6, null, ['timestamp_invalid']],
    ]);
  });

  it('dates only the first of two undated errors after one stamped line: the line above the second is the first', () => {
    const error = "openai.RateLimitError: Error code: 429 - {'error': {'code': '1302', 'message': 'Rate limit reached for requests'}}";
    expect(read(lines('2026-09-30 14:44:00 INFO calling', error, error)).events.map(timeOf)).toEqual([
      [2, '2026-09-30T12:44:00.000Z', ZONE_ASSUMED_FROM_ABOVE],
      [3, null, ['timestamp_missing']],
    ]);
    // Nor does a trace date the error after it (its line above is the trace's last line).
    expect(read(lines(...PYTHON, error)).events.map(timeOf)).toEqual([
      [2, '2026-09-30T12:44:00.123Z', ZONE_ASSUMED_FROM_ABOVE],
      [6, null, ['timestamp_missing']],
    ]);
  });

  it('takes no time from the first line of a longer record before, nor from a line the classifier rejected', () => {
    const warned = read(lines('2026-09-30 14:44:00 WARN retrying', '    at retry (client.js:1:1)', RATE_LIMIT));
    expect(warned.events.map(timeOf)).toEqual([[3, null, ['timestamp_missing']]]);
    // Rejected before classification (a NUL byte), or by the classifier (none rejects a stamped line today: a stand-in does).
    const binary = read(lines('2026-09-30 14:44:00 bin\u0000ary', RATE_LIMIT));
    expect(binary.ledger.rejected).toEqual({ binary_data: 1 });
    expect(binary.events.map(timeOf)).toEqual([[2, null, ['timestamp_missing']]]);
    const rejecting = (text: string): Outcome => (text.endsWith('rejected') ? { kind: 'rejected', reason: 'malformed_json' } : classify(text));
    const rejected = runIngest(utf8(lines('2026-09-30 14:44:00 rejected', RATE_LIMIT)), [], { classify: rejecting });
    expect(rejected.ledger.rejected).toEqual({ malformed_json: 1 });
    expect(rejected.events.map(timeOf)).toEqual([[2, null, ['timestamp_missing']]]);
  });

  it('dates by the line above whether that line is an error or not; a stamped error keeps its own time', () => {
    const trace = PYTHON.slice(1);
    const nonError = read(lines('2026-09-30 14:44:00 INFO calling the API', ...trace));
    const error = read(lines(`2026-09-30 14:44:00 ERROR ${RATE_LIMIT}`, ...trace));
    expect(nonError.events.map(timeOf)).toEqual([[2, '2026-09-30T12:44:00.000Z', ZONE_ASSUMED_FROM_ABOVE]]);
    expect(error.events.map(timeOf)).toEqual([
      [1, '2026-09-30T12:44:00.000Z', ['timestamp_zone_assumed']],
      [2, '2026-09-30T12:44:00.000Z', ZONE_ASSUMED_FROM_ABOVE],
    ]);
  });

  it('reads the stamp above as a leading stamp is read: a named offset, a Beijing prefix and epoch digits assume no zone', () => {
    const dated = (above: string) => read(lines(above, RATE_LIMIT)).events.map((e) => [iso(e.details.ts), e.details.flags]);
    expect(dated('2026-09-30T14:44:00+08:00 DEBUG body:')).toEqual([['2026-09-30T06:44:00.000Z', ['timestamp_from_previous_line']]]);
    expect(dated('2026-09-30 14:44:00 GMT+8 DEBUG body:')).toEqual([['2026-09-30T06:44:00.000Z', ['timestamp_from_previous_line']]]);
    expect(dated('北京时间 2026-09-30 14:44:00 响应:')).toEqual([['2026-09-30T06:44:00.000Z', ['timestamp_from_previous_line']]]);
    expect(dated('[2026-09-30 14:44:00,5] DEBUG body:')).toEqual([['2026-09-30T12:44:00.500Z', ZONE_ASSUMED_FROM_ABOVE]]);
    expect(dated('1759212000 DEBUG body:')).toEqual([['2025-09-30T06:00:00.000Z', ['timestamp_from_previous_line']]]);
    // No stamp, or one that is no date: the error stays undated.
    expect(dated('DEBUG body:')).toEqual([[null, ['timestamp_missing']]]);
    expect(dated('2026-02-30 14:44:00 DEBUG body:')).toEqual([[null, ['timestamp_missing']]]);
  });

  it('gives a one-line error what the classifier gives it with the stamp on its own line, and the flag', () => {
    const quota = (reset: string) => `{"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at ${reset}"}}`;
    const errors = [RATE_LIMIT, quota('2026-09-30 22:00:00'), quota('2026-09-29 10:00:00'), quota('2026-10-30 10:00:00'), 'HTTP/1.1 500 Internal Server Error'];
    const now = () => Date.UTC(2026, 8, 30, 11);
    for (const options of [OPTIONS, { ...OPTIONS, now }]) {
      for (const stamp of ['2026-09-30 14:44:00', '2026-09-30T14:44:00Z', '2026-09-30 14:44:00.250 +05:30']) {
        for (const error of errors) {
          const { events } = read(lines(`${stamp} INFO calling`, error), [], options);
          const stamped = classifyRecord(`${stamp} ${error}`, options);
          if (stamped.kind !== 'catalogued' && stamped.kind !== 'uncatalogued') throw new Error('not an error');
          // The whole details, but an uncatalogued text's message (the line itself, with its stamp when it has one).
          const expected = [stamped, ...(stamped.also ?? [])].map((e) => ({ ...withFromAbove(e.details), message: null }));
          expect(events.map((e) => ({ ...e.details, message: null })), `${stamp} / ${error}`).toEqual(expected);
        }
      }
    }
  });

  it('dates each undated error of an array line (B8)', () => {
    const array = `[{"error":{"code":"1305","message":"overloaded"}},{"ts":"2026-09-30T06:00:00Z","error":{"code":"1113"}},${RATE_LIMIT}]`;
    expect(read(lines('2026-09-30 14:44:00 DEBUG body:', array)).events.map((e) => [e.details.code, iso(e.details.ts), e.details.flags])).toEqual([
      ['1305', '2026-09-30T12:44:00.000Z', ZONE_ASSUMED_FROM_ABOVE],
      ['1113', '2026-09-30T06:00:00.000Z', []],
      ['1302', '2026-09-30T12:44:00.000Z', ZONE_ASSUMED_FROM_ABOVE],
    ]);
  });

  it('dates a JSON error right after a stamped text line, but no NDJSON line by the line above it, nor a transcript record', () => {
    const json = read(lines('2026-09-30 14:47:00 DEBUG response body:', RATE_LIMIT, RATE_LIMIT));
    expect(json.events.map(timeOf)).toEqual([
      [2, '2026-09-30T12:47:00.000Z', ZONE_ASSUMED_FROM_ABOVE],
      [3, null, ['timestamp_missing']],
    ]);
    const ndjson = read(lines('{"ts":"2026-09-30T06:00:00Z","level":"info","msg":"calling"}', RATE_LIMIT));
    expect(ndjson.events.map(timeOf)).toEqual([[2, null, ['timestamp_missing']]]);
    const retry = '{"type":"system","subtype":"api_error","retryAttempt":1,"maxRetries":10,"error":{"status":429,"error":{"code":"1302","message":"Rate limit"}}}';
    const transcript = read(lines('2026-09-30 14:47:00 DEBUG transcript:', retry));
    expect(transcript.events.map((e) => [e.format, iso(e.details.ts), e.details.flags])).toEqual([['transcript', null, ['timestamp_missing']]]);
  });

  it('flags an error dated in the future by the line above, as the classifier flags its own lines', () => {
    const now = () => Date.UTC(2026, 8, 30, 6);
    const { events } = read(lines('2026-09-30 14:44:00 INFO calling', RATE_LIMIT), [], { ...OPTIONS, now });
    expect(events.map(timeOf)).toEqual([[2, '2026-09-30T12:44:00.000Z', [...ZONE_ASSUMED_FROM_ABOVE, 'timestamp_in_future']]]);
  });

  it('never changes an outcome the classifier returned (its caches share them)', () => {
    const frozen = (text: string): Outcome => deepFreeze(classify(text));
    const run = runIngest(utf8(EXAMPLE + HTTP_DUMP + lines('2026-09-30 14:47:00 DEBUG response body:', RATE_LIMIT)), [], { classify: frozen });
    expect(run.events.map((e) => e.details.flags.includes('timestamp_from_previous_line'))).toEqual([true, true, true, true]);
    // The same records classified again read undated, as without the line above, with the shortcuts as without.
    for (const text of [RATE_LIMIT, PYTHON.slice(1).join('\n')]) {
      const again = classify(text);
      expect(again).toEqual(classifyRecordFull(text, OPTIONS));
      expect(again.kind !== 'non-error' && again.kind !== 'rejected' && again.details.flags).toEqual(['timestamp_missing']);
    }
  });

  it('gives the same events for every split point of the example, and for LF, CRLF and CR', () => {
    const text = EXAMPLE + HTTP_DUMP;
    const whole = read(text);
    expect(whole.events.filter((e) => e.details.flags.includes('timestamp_from_previous_line'))).toHaveLength(3);
    for (const eol of ['\n', '\r\n', '\r']) {
      const variant = text.replaceAll('\n', eol);
      const base = read(variant);
      expect(base.events.map(timeOf)).toEqual(whole.events.map(timeOf));
      for (let cut = 0; cut <= utf8(variant).length; cut += 1) expect(read(variant, [cut])).toEqual(base);
    }
  });
});

describe('a traceback after an ISO stamp on its own line', () => {
  const TRACE = ['  File "app.py", line 3, in <module>', '    client.chat()', PYTHON[4] as string];

  it('is one record with the time of its stamp', () => {
    const { ledger, events } = read(lines('2026-09-30T06:44:00Z Traceback (most recent call last):', ...TRACE, '2026-09-30T06:45:00Z INFO next'));
    expect([ledger.lines, ledger.records]).toEqual([5, 2]);
    expect(events.map((e) => [e.line, e.lineCount, e.format, iso(e.details.ts), e.details.flags])).toEqual([[1, 4, 'stack', '2026-09-30T06:44:00.000Z', []]]);
  });

  it('takes no unindented line after its first: a stamp on every line of the trace (docker --timestamps) keeps each line a record', () => {
    const stamped = ['Traceback (most recent call last):', ...TRACE].map((l) => `2026-09-30T06:44:00.123456789Z ${l}`);
    const { ledger, events } = read(lines(...stamped, '2026-09-30T06:45:00Z INFO next'));
    expect([ledger.lines, ledger.records]).toEqual([5, 5]);
    expect(events.map((e) => [e.line, e.lineCount, iso(e.details.ts), e.details.flags])).toEqual([[4, 1, '2026-09-30T06:44:00.123Z', []]]);
  });
});

/** The details of an error as read with the stamp on its own line, dated by the line above instead. */
function withFromAbove(details: ErrorDetails): ErrorDetails {
  const flags = [...details.flags];
  flags.splice(flags.includes('timestamp_zone_assumed') ? flags.indexOf('timestamp_zone_assumed') + 1 : 0, 0, 'timestamp_from_previous_line');
  return { ...details, flags };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

describe('the caveats of a line holding several errors (B8)', () => {
  it('counts the record once under each flag any of its errors carries', () => {
    const now = () => Date.UTC(2026, 10, 27, 12);
    const error = (ts: string, code: string) => `{"ts":"${ts}","error":{"code":"${code}","message":"Rate limit reached for requests"}}`;
    const { ledger, events } = read(lines(`[${error('2026-11-27T11:00:00Z', '1302')},${error('2026-11-27T13:00:00Z', '1302')},${error('2026-11-27T14:00:00Z', '1302')}]`), [], { ...OPTIONS, now });
    expect(events.map((e) => e.details.flags.includes('timestamp_in_future'))).toEqual([false, true, true]);
    expect(ledger).toMatchObject({ lines: 1, records: 1, events: 3, flags: { timestamp_in_future: 1 } });
  });
});
