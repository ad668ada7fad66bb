import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLedger } from '../ledger/ledger';
import { classifyRecord } from '../classify/classify';
import { utf8 } from './fake-classifier';
import { createHttpRecordReader } from './http-record';
import { createIngestPipeline } from './pipeline';
import type { IngestedEvent } from './types';

const ERROR_1302 = '{"error":{"code":"1302","message":"Rate limit reached for requests"}}';
const ERROR_1308 = '{"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2025-09-30 14:38:37"}}';
const STATUS_429 = 'HTTP/1.1 429 Too Many Requests';

/** The text through the pipeline and the catalog classifier, pushed `chunkBytes` at a time; with the texts classified. */
function read(text: string, chunkBytes?: number) {
  const bytes = utf8(text);
  const events: IngestedEvent[] = [];
  const classified: string[] = [];
  const pipeline = createIngestPipeline({
    classify: (record) => (classified.push(record), classifyRecord(record)),
    onEvent: (e) => events.push(e),
  });
  const step = Math.max(1, chunkBytes ?? bytes.length);
  for (let at = 0; at < bytes.length; at += step) pipeline.push(bytes.subarray(at, at + step));
  const ledger = pipeline.finish();
  expect(checkLedger(ledger)).toEqual([]);
  return { ledger, events, classified };
}

/** Each event as [code, HTTP status, first line, line count]. */
const toRows = (events: readonly IngestedEvent[]) => events.map((e) => [e.details.code, e.details.http, e.line, e.lineCount]);

describe('HTTP responses back to back: a status line where a body would be starts the next response', () => {
  it.each([
    {
      name: 'a body-less 429, then a 429 whose body is the 1308 (CRLF, as captured)',
      text: `${STATUS_429}\r\nRetry-After: 30\r\n\r\n${STATUS_429}\r\nContent-Type: application/json\r\n\r\n${ERROR_1308}\r\n`,
      rows: [[null, 429, 1, 3], ['1308', 429, 4, 4]],
      lines: 7,
    },
    {
      name: 'a body-less 429 without its blank line, then a 429 with a body',
      text: `${STATUS_429}\nRetry-After: 30\n${STATUS_429}\n\n${ERROR_1302}\n`,
      rows: [[null, 429, 1, 2], ['1302', 429, 3, 3]],
      lines: 5,
    },
    {
      name: 'HTTP/2: a :status with headers only, then one with a body',
      text: `:status: 429\nretry-after: 30\n:status: 429\ncontent-type: application/json\n\n${ERROR_1302}\n`,
      rows: [[null, 429, 1, 2], ['1302', 429, 3, 4]],
      lines: 6,
    },
    {
      name: 'HTTP/2: a :status and its blank line, then one with a body',
      text: `:status: 429\n\n:status: 429\n\n${ERROR_1302}\n`,
      rows: [[null, 429, 1, 2], ['1302', 429, 3, 3]],
      lines: 5,
    },
    {
      name: 'an interim 100 Continue, then the 429 (the 100 is no error)',
      text: `HTTP/1.1 100 Continue\r\n\r\n${STATUS_429}\r\n\r\n${ERROR_1302}\r\n`,
      rows: [['1302', 429, 3, 3]],
      lines: 5,
    },
  ])('$name', ({ text, rows, lines }) => {
    const whole = read(text);
    expect(whole.ledger).toMatchObject({ lines, records: 2 });
    expect(toRows(whole.events)).toEqual(rows);
    for (const chunkBytes of [1, 5]) expect(read(text, chunkBytes).events).toEqual(whole.events);
  });

  it('a body that is not JSON is still the body: the next line is not', () => {
    const { ledger, events } = read(`${STATUS_429}\n\nToo many requests\nafter\n`);
    expect(ledger).toMatchObject({ lines: 4, records: 2, uncatalogued: 3, nonError: 1 });
    expect(toRows(events)).toEqual([[null, 429, 1, 3]]);
  });
});

describe('C2: headers past the cap of 100 are counted in the response but not kept in its text', () => {
  const response = (headerCount: number, headerLine = (k: number) => `X-H${k}: v`): string =>
    `${STATUS_429}\r\n${Array.from({ length: headerCount }, (_, k) => `${headerLine(k)}\r\n`).join('')}\r\n${ERROR_1302}\r\n`;

  it.each([100, 101, 900])('%i headers: one event, the body code with the status, every line in it', (headerCount) => {
    const text = response(headerCount);
    const { ledger, events, classified } = read(`${text}after\r\n`);
    expect(ledger).toMatchObject({ lines: headerCount + 4, records: 2, catalogued: headerCount + 3, nonError: 1, rejected: {} });
    expect(toRows(events)).toEqual([['1302', 429, 1, headerCount + 3]]);
    expect(events[0]?.byteLength).toBe(utf8(text).length);
    // Status line, the headers kept, blank line, body.
    const kept = Math.min(headerCount, 100);
    expect(classified[0]?.split('\n')).toHaveLength(kept + 3);
    expect(classified[0]).toContain(`X-H${kept - 1}: v`);
    expect(classified[0]).not.toContain(`X-H${kept}: v`);
  });

  it('a Transfer-Encoding: chunked past the cap still frames the body', () => {
    const framed = `${ERROR_1302.length.toString(16)}\r\n${ERROR_1302}\r\n0\r\n\r\n`;
    const head = response(150, (k) => (k === 120 ? 'Transfer-Encoding: chunked' : `X-H${k}: v`)).split(`${ERROR_1302}\r\n`)[0];
    const { ledger, events } = read(`${head}${framed}after\r\n`);
    expect(ledger).toMatchObject({ lines: 157, records: 2, nonError: 1 });
    expect(toRows(events)).toEqual([['1302', 429, 1, 156]]);
  });

  it('reads the same however the bytes are chunked', () => {
    const text = `${response(130)}after\r\n`;
    const whole = read(text);
    for (const chunkBytes of [1, 3, 64]) expect(read(text, chunkBytes)).toEqual(whole);
  });
});

describe('wouldContinue', () => {
  const LINES = [
    STATUS_429, ':status: 429', 'Content-Type: application/json', 'Transfer-Encoding: chunked', 'Retry-After: 30', '', '   ',
    '{', '[', '  "error": {', '    "code": "1302",', '  }', '}', ']', ERROR_1302, '1a', '0', 'abc', 'plain text', '"tail",',
  ];

  it('says what continueWith then does, for any sequence of lines in any state', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 40 }), (lines) => {
        let closed = false;
        const json = { depth: 0, inString: false, escaped: false };
        const reader = createHttpRecordReader({ append: () => undefined, appendUnkept: () => undefined, close: () => (closed = true), json });
        reader.begin();
        for (const line of lines) {
          const would = reader.wouldContinue(line);
          expect(reader.continueWith(line, line.length + 1, false)).toBe(would);
          // Where the assembler would start a record of its own, a new response starts here.
          if (!would || closed) {
            closed = false;
            reader.begin();
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a record at its line cap, followed by the next response, is not counted as cut', () => {
    const text = `${STATUS_429}\nContent-Type: application/json\nX-A: 1\n${STATUS_429}\n`;
    const pipeline = createIngestPipeline({ classify: classifyRecord, maxRecordLines: 3 });
    pipeline.push(utf8(text));
    expect(pipeline.finish()).toMatchObject({ records: 2, recordsCut: 0 });
  });
});
