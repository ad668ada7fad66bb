import { describe, expect, it } from 'vitest';
import { classifyRecord } from '../classify/classify';
import { checkLedger } from '../ledger/ledger';
import { runIngest, utf8 } from './fake-classifier';
import type { IngestedEvent } from './types';
import { findHarEntryRanges, scanHar } from './har-scan';
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

describe('scanHar', () => {
  it('tells where a HAR cut short ends', () => {
    expect(scanHar('{"log":{"entries":[{},{')).toEqual({ ranges: [[19, 21]], entriesOpen: 18, entriesClose: -1, unfinished: 22, openAtEnd: true, stray: false });
    expect(scanHar('{"log":{"entries":[{"a":"}\\\\"}]}')).toMatchObject({ ranges: [[19, 30]], entriesClose: 30, unfinished: -1, openAtEnd: true, stray: false });
    expect(scanHar('{"log":{"entries":[{"a":"x')).toMatchObject({ ranges: [], unfinished: 19, openAtEnd: true });
    expect(scanHar('{"log":{"entries":[{}]}}')).toMatchObject({ openAtEnd: false, stray: false });
  });

  it.each([
    ['a missing comma', '{"log":{"entries":[{} {},{'],
    ['a comma too many', '{"log":{"entries":[{},,{},{'],
    ['a leading comma', '{"log":{"entries":[,{},{'],
    ['a trailing comma', '{"log":{"entries":[{},]'],
    ['an item that is no object', '{"log":{"entries":[{},"x",{'],
    ['text between entries', '{"log":{"entries":[{},\nERROR oops\n{'],
    ['a member after the array', '{"log":{"entries":[{}],"comment":"'],
    ['a second entries array', '{"log":{"entries":[{}],"entries":[{},{'],
    ['a second root', '{"log":{"entries":[{}]}}{"log":{"entries":[{},{'],
  ])('finds stray text: %s', (_, text) => expect(scanHar(text).stray).toBe(true));
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

describe('HAR files cut short', () => {
  // Some provider errors, some not; escaped quotes, braces and a trailing backslash in strings; one non-ASCII character.
  const entries = [
    entry('https://example.com/x', 500, '{"error":{"code":"1308"}}'),
    entry('https://open.bigmodel.cn/api/paas/v4/chat/completions', 200, 'a "quoted" {brace} ]}], café, C:\\'),
    entry('https://api.z.ai/api/anthropic/v1/messages', 429, '{"error":{"code":"1308","message":"limit \\"5 hour\\" {reached}"}}'),
    entry('https://open.bigmodel.cn/api/paas/v4/chat/completions', 503, 'Service Unavailable'),
    entry('https://open.bigmodel.cn/api/paas/v4/chat/completions', 200, '{"id":"1","choices":[]}'),
  ];
  const layouts = {
    pretty: (list: object[]) => JSON.stringify({ log: { version: '1.2', entries: list } }, null, 2),
    'pretty with CRLF': (list: object[]) => JSON.stringify({ log: { version: '1.2', entries: list } }, null, 2).replaceAll('\n', '\r\n'),
    'one line': (list: object[]) => JSON.stringify({ log: { version: '1.2', entries: list } }),
  };
  const byteAt = (text: string, char: number): number => utf8(text.slice(0, char)).length;
  const linesOf = (bytes: Uint8Array): number => {
    const text = new TextDecoder().decode(bytes);
    return text === '' ? 0 : text.split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(text) ? 1 : 0);
  };
  const lineOfByte = (bytes: Uint8Array, at: number): number => linesOf(bytes.subarray(0, at + 1));
  /** Today's reading of a file that is not a HAR: text lines (the stage over its cap takes the same fallback). */
  const asTextLines = (bytes: Uint8Array) => {
    const run = runIngest(bytes, [], { maxHarBytes: 0 });
    return { ...run, ledger: { ...run.ledger, notices: run.ledger.notices.map((n) => n.replace('is larger than 0 bytes', 'is not valid HAR JSON')) } };
  };

  describe.each(Object.entries(layouts))('%s, at every cut point', (layout, write) => {
    const text = write(entries);
    const full = utf8(text);
    const scan = scanHar(text);
    const starts = scan.ranges.map(([s]) => byteAt(text, s));
    const ends = scan.ranges.map(([, e]) => byteAt(text, e));
    const arrayClose = byteAt(text, scan.entriesClose);
    // A whole HAR of the first k entries, and a non-error entry after them so that each of their lines is written
    // as in the full file: its events are what the cut file must give (their last line may be cut short).
    const whole = new Map<number, ReturnType<typeof runIngest>>();
    const wholeOf = (k: number) => whole.get(k) ?? whole.set(k, runIngest(utf8(write([...entries.slice(0, k), {}])))).get(k)!;
    const seen = { textLines: 0, insideEntry: 0, betweenEntries: 0, afterEntries: 0, shared: 0 };

    it('reconciles, reads the errors of the complete entries, and rejects the unfinished one as truncated_record', () => {
      expect(text.includes('é') && text.includes('\\"') && text.includes('\\\\"')).toBe(true);
      for (let n = 0; n <= full.length; n += 1) {
        const cut = full.slice(0, n);
        const { ledger, events } = runIngest(cut);
        const k = ends.filter((end) => end <= n).length;
        const at = `${layout}, cut at ${n}`;
        if (k === 0) {
          seen.textLines += 1;
          const today = asTextLines(cut);
          expect(ledger, at).toEqual(today.ledger);
          expect(events, at).toEqual(today.events);
          continue;
        }
        expect(checkLedger(ledger), at).toEqual([]);
        expect(ledger.lines, at).toBe(linesOf(cut));
        expect(ledger.bytesRead, at).toBe(n);
        // The last line may be cut short; on one line, an event spans the line, as long as the cut left it.
        const byteLength = (e: IngestedEvent) => (layout === 'one line' ? n : Math.min(e.byteLength, n - e.byteOffset));
        const expected = wholeOf(k).events.map((e) => ({ ...e, byteLength: byteLength(e) }));
        expect(events, at).toEqual(expected);
        const inside = starts.findIndex((start, i) => start < n && n < (ends[i] as number));
        const notice = ledger.notices.join(' ');
        if (n === full.length) expect(notice, at).toContain('HAR, 5 entries, 2 with provider errors');
        else expect(notice, at).toContain(`HAR cut short at line ${ledger.lines}`);
        if (layout === 'one line') {
          // One line: an error entry on it gives the line its outcome (as in a whole HAR) and its events; else
          // an unfinished entry makes it truncated_record; else it is non-error.
          expect(ledger.lines, at).toBe(1);
          expect([ledger.catalogued, ledger.uncatalogued], at).toEqual([wholeOf(k).ledger.catalogued, wholeOf(k).ledger.uncatalogued]);
          if (events.length > 0) {
            expect(ledger.rejected, at).toEqual({});
            if (inside >= 0) {
              seen.shared += 1;
              expect(notice, at).toContain('the unfinished entry shares line 1 with an error entry and is counted with it');
            }
          } else if (inside >= 0) {
            expect(ledger.rejected, at).toEqual({ truncated_record: 1 });
            expect(ledger.examples.truncated_record?.map((e) => e.line), at).toEqual([1]);
          } else expect(ledger.nonError, at).toBe(1);
        } else {
          expect(ledger.catalogued + ledger.uncatalogued, at).toBe(events.reduce((sum, e) => sum + e.lineCount, 0));
        }
        if (inside >= 0) seen.insideEntry += 1;
        else if (n < full.length && n > arrayClose) seen.afterEntries += 1;
        else if (n < full.length) seen.betweenEntries += 1;
        if (layout === 'one line') continue;
        if (inside >= 0) {
          const firstLine = lineOfByte(cut, starts[inside] as number);
          expect(ledger.rejected, at).toEqual({ truncated_record: ledger.lines - firstLine + 1 });
          expect(ledger.examples.truncated_record?.map((e) => e.line), at).toEqual([firstLine]);
          expect(notice, at).toContain(`${k} complete entr${k === 1 ? 'y' : 'ies'} read, ${events.length} with provider errors; the unfinished entry (lines ${firstLine}–${ledger.lines}) is counted as a truncated record`);
        } else {
          expect(ledger.rejected, at).toEqual({});
          if (n < full.length && n > arrayClose) expect(notice, at).toContain('after its entries: all 5 entries read, 2 with provider errors; only its closing braces are missing');
          else if (n < full.length) expect(notice, at).toContain(`between entries: ${k} entr${k === 1 ? 'y' : 'ies'} read`);
        }
      }
      expect(Object.values(seen).filter((count) => count > 0).length).toBe(layout === 'one line' ? 5 : 4);
    });
  });

  it('cut inside an entry: the errors before it read, the rest one truncated_record, and a notice that says so', () => {
    const text = layouts.pretty(entries);
    const cut = utf8(text.slice(0, text.lastIndexOf('"Service Unavailable"')));
    const { ledger, events } = runIngest(cut);
    expect(checkLedger(ledger)).toEqual([]);
    expect(events.map((e) => [e.format, e.details.code])).toEqual([['har', '1308']]);
    expect(ledger.rejected).toEqual({ truncated_record: expect.any(Number) });
    expect(ledger.notices).toEqual([expect.stringMatching(/^HAR cut short at line \d+: 3 complete entries read, 1 with provider errors; the unfinished entry \(lines \d+–\d+\) is counted as a truncated record$/)]);
  });

  it('with a byte order mark, the same', () => {
    const text = layouts.pretty(entries);
    const cut = utf8(text.slice(0, text.lastIndexOf('"Service Unavailable"')));
    const plain = runIngest(cut);
    const { ledger, events } = runIngest(new Uint8Array([0xef, 0xbb, 0xbf, ...cut]));
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger.bytesRead).toBe(cut.length + 3);
    expect(ledger.notices).toEqual(plain.ledger.notices);
    expect(ledger.rejected).toEqual(plain.ledger.rejected);
    expect(events.map((e) => [e.line, e.byteOffset - 3, e.details.code])).toEqual(plain.events.map((e) => [e.line, e.byteOffset, e.details.code]));
  });

  describe('what is not a HAR cut short is read as text lines, as before', () => {
    const text = layouts.pretty(entries);
    const cutAt = text.lastIndexOf('"Service Unavailable"');
    const secondEntry = text.lastIndexOf('\n', (scanHar(text).ranges[1] as [number, number])[0]) + 1;
    const withLongNulLine = (head: string) => {
      const between = '\n      },\n      {';
      const close = head.lastIndexOf(between);
      return `${head.slice(0, close)}\n${' '.repeat(400)}\u0000},\n      {${head.slice(close + between.length)}`;
    };
    it.each([
      ['invalid in the middle, balanced at the end', text.replace('"version": "1.2",', '"version": "1.2",\nERROR oops\n')],
      ['a closing brace too many', `${text}\n}`],
      ['invalid between entries, balanced at the end', `${text.slice(0, secondEntry)}ERROR oops\n${text.slice(secondEntry)}`],
      ['text between entries, cut', `${text.slice(0, secondEntry)}ERROR oops\n${text.slice(secondEntry, cutAt)}`],
      ['no entries array', text.slice(0, cutAt).replace('"entries"', '"items"')],
      ['no complete entry', text.slice(0, text.indexOf('"request"'))],
      ['a complete entry that does not parse', text.slice(0, cutAt).replace('"method": "POST"', '"method": POST')],
      ['a head that does not parse', text.slice(0, cutAt).replace('"1.2"', '1.2.3')],
      ['a member after the entries array', `${text.slice(0, text.lastIndexOf(']') + 1)},\n    "comment": "cut`],
      // The splitter keeps only the start of a long line with a NUL byte: without the `},` of the entry it ends,
      // that entry would look unfinished, and be read as cut with the rest of the file.
      ['a long line with a NUL byte', withLongNulLine(text.slice(0, cutAt))],
    ])('%s', (_, broken) => {
      const input = utf8(broken);
      const { ledger, events } = runIngest(input);
      const today = asTextLines(input);
      expect(ledger).toEqual(today.ledger);
      expect(events).toEqual(today.events);
      expect(checkLedger(ledger)).toEqual([]);
      expect(ledger.notices.join(' ')).toContain('not valid HAR JSON: read as text lines');
    });
  });
});
