import { describe, expect, it } from 'vitest';
import { classifyRecord } from '../classify/classify';
import { checkLedger } from '../ledger/ledger';
import { runIngest, utf8 } from './fake-classifier';
import { findHarEntryRanges } from './har-scan';
import { classifyHarEntry, isProviderHost } from './har-entry';

const entry = (url: string, status: number, text: string): object => ({
  startedDateTime: '2026-08-25T02:19:20.000Z',
  request: { method: 'POST', url },
  response: { status, statusText: status === 429 ? 'Too Many Requests' : 'OK', content: { mimeType: 'application/json', text } },
});

const har = JSON.stringify(
  {
    log: {
      version: '1.2',
      entries: [
        entry('https://api.z.ai/api/anthropic/v1/messages', 429, '{"error":{"code":"1308","message":"Usage limit reached"}}'),
        entry('https://example.com/x', 500, '{"error":{"code":"1308"}}'),
        entry('https://open.bigmodel.cn/api/paas/v4/chat/completions', 200, '{"id":"1","choices":[]}'),
        entry('https://open.bigmodel.cn/api/paas/v4/chat/completions', 503, 'Service Unavailable'),
      ],
    },
  },
  null,
  2,
);

describe('findHarEntryRanges', () => {
  it('finds the objects of log.entries, ignoring braces in strings', () => {
    const text = '{"log":{"x":"{[","entries":[{"a":"}"},{}],"pages":[{}]}}';
    expect(findHarEntryRanges(text).map(([s, e]) => text.slice(s, e))).toEqual(['{"a":"}"}', '{}']);
  });
});

describe('isProviderHost', () => {
  it.each([
    ['api.z.ai', true],
    ['open.bigmodel.cn', true],
    ['dev.bigmodel.cn', true],
    ['z.ai.evil.example', false],
    ['notz.ai', false],
  ])('%s → %s', (host, expected) => expect(isProviderHost(host)).toBe(expected));
});

describe('classifyHarEntry: the time of an entry (E2: our parser, never the browser\'s)', () => {
  const at = (startedDateTime: string) =>
    classifyHarEntry({ ...entry('https://api.z.ai/v1', 503, 'Service Unavailable'), startedDateTime }, (text) => classifyRecord(text))?.details.ts;
  it.each([
    ['2026-08-25T02:19:20.000Z', Date.UTC(2026, 7, 25, 2, 19, 20)],
    ['2026-08-25T10:19:20.123+08:00', Date.UTC(2026, 7, 25, 2, 19, 20, 123)],
    ['2026-08-24T22:19:20-04:00', Date.UTC(2026, 7, 25, 2, 19, 20)],
  ])('%s is read in its zone', (stamp, expected) => expect(at(stamp)).toBe(expected));
  it.each(['2026-08-25T02:19:20', 'Tue Aug 25 2026 02:19:20', '25/08/2026 02:19', ''])('%j, without a zone HAR requires, leaves the entry undated', (stamp) => {
    expect(at(stamp)).toBeNull();
  });
});

describe('classifyHarEntry: the entry\'s exact start dates a body whose own time is a guess', () => {
  const STARTED = '2026-08-25T02:19:20.120Z';
  const read = (text: string, startedDateTime = STARTED) =>
    classifyHarEntry({ ...entry('https://api.z.ai/v1', 429, text), startedDateTime }, (body) => classifyRecord(body))?.details;
  const quota = '"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-08-25 14:41:44"}';

  it('over the time read from the body\'s request id (which has no milliseconds), without the caveat', () => {
    const details = read(`{${quota},"request_id":"20260825101920a1b2c3d4e5f60718"}`);
    expect(details?.ts).toBe(Date.UTC(2026, 7, 25, 2, 19, 20, 120));
    expect(details?.flags).not.toContain('timestamp_from_request_id');
    expect(details?.flags).toContain('reset_zone_assumed');
  });

  it('over a body time without a zone, which the viewer\'s zone would have moved, and judges the reset again against it', () => {
    // Read in the viewer's UTC, 10:19 is after the reset (14:41 UTC+8 = 06:41 UTC): set aside as implausible.
    const details = read(`{"ts":"2026-08-25 10:19:20",${quota}}`);
    expect(details?.ts).toBe(Date.UTC(2026, 7, 25, 2, 19, 20, 120));
    expect(details?.flags).not.toContain('timestamp_zone_assumed');
    expect(details?.reset).toMatchObject({ at: Date.UTC(2026, 7, 25, 6, 41, 44), plausible: true, implausibleReason: null });
    expect(details?.flags).not.toContain('reset_time_implausible');
  });

  it('sets a reset aside when the entry started after it, though the body alone could not tell', () => {
    const details = read(`{${quota}}`, '2026-08-25T07:00:00Z');
    expect(details?.reset).toMatchObject({ plausible: false });
    expect(details?.flags).toContain('reset_time_implausible');
  });

  it('when the body has no time, with no "time missing" caveat', () => {
    expect(read(`{${quota}}`)).toMatchObject({ ts: Date.UTC(2026, 7, 25, 2, 19, 20, 120) });
    expect(read(`{${quota}}`)?.flags).not.toContain('timestamp_missing');
  });

  it('but not over a time the body wrote with its zone', () => {
    expect(read(`{"ts":"2026-08-25T02:19:21Z",${quota}}`)?.ts).toBe(Date.UTC(2026, 7, 25, 2, 19, 21));
  });

  it('an entry without a start keeps the body\'s guess, and a bare status is flagged undated', () => {
    expect(read(`{${quota},"request_id":"20260825101920a1b2c3d4e5f60718"}`, '')?.flags).toContain('timestamp_from_request_id');
    const bare = classifyHarEntry({ ...entry('https://api.z.ai/v1', 503, 'Service Unavailable'), startedDateTime: '' }, (body) => classifyRecord(body));
    expect(bare?.details).toMatchObject({ ts: null, flags: ['timestamp_missing'] });
  });
});

describe('HAR files', () => {
  it('emits events for provider entries with errors; every line counted once', () => {
    const input = utf8(har);
    const { ledger, events } = runIngest(input, [100, 101, 2000]);
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger.lines).toBe(har.split('\n').length);
    expect(ledger.bytesRead).toBe(input.length);
    expect(events.map((e) => [e.format, e.details.code, e.details.http])).toEqual([
      ['har', '1308', 429],
      ['har', null, 503],
    ]);
    expect(ledger.catalogued).toBe(events[0]?.lineCount);
    expect(ledger.notices.join(' ')).toContain('HAR, 4 entries, 2 with provider errors');
  });

  it('a HAR-looking file that does not parse is read as text lines', () => {
    const { ledger } = runIngest(utf8('{"log": {"entries": [\nERROR oops\n'));
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger.lines).toBe(2);
    expect(ledger.notices.join(' ')).toContain('not valid HAR');
  });

  it('a HAR over the cap is read as text lines', () => {
    const { ledger } = runIngest(utf8(har), [], { maxHarBytes: 100 });
    expect(ledger.lines).toBe(har.split('\n').length);
    expect(ledger.notices.join(' ')).toContain('larger than 100 bytes');
  });

  it('B8: a response body holding an array of errors gives an event per error, each with the entry\'s status and time', () => {
    const body = '[{"error":{"code":"1302","message":"Rate limit reached for requests"}},{"error":{"code":"1113","message":"Insufficient balance or no resource package. Please recharge."}}]';
    const text = JSON.stringify({ log: { version: '1.2', entries: [entry('https://api.z.ai/api/paas/v4/chat/completions', 429, body)] } }, null, 2);
    const { ledger, events } = runIngest(utf8(text), [], { classify: (line) => classifyRecord(line) });
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger.events).toBe(2);
    const at = Date.parse('2026-08-25T02:19:20.000Z');
    expect(events.map((e) => [e.details.code, e.details.http, e.details.ts, e.line])).toEqual([
      ['1302', 429, at, events[0]?.line],
      ['1113', 429, at, events[0]?.line],
    ]);
  });
});
