import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRecord } from '../classify/classify';
import { checkLedger } from '../ledger/ledger';
import { lineStartsPastHead, readSplit as readSplitWith, readWhole as readWholeWith } from './read-in-parts.test-support';
import { createIngestPipeline } from './pipeline';
import { chooseSplit, findSplitPoint, gapStartOf, joinPartsAcrossGap } from './split-source';
import { createLineEndCounter } from './terminators';

const classify = (text: string) => classifyRecord(text, { localOffsetMinutes: () => 60 });
const encode = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../e2e/fixtures/logs/${name}`, import.meta.url)));

const OPTIONS = { classify, maxRecordLines: 20 };
const readWhole = (bytes: Uint8Array) => readWholeWith(bytes, OPTIONS);
const readSplit = (bytes: Uint8Array, at: number) => readSplitWith(bytes, at, OPTIONS);

const HTTP = 'HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\n\r\n{\r\n  "error": {"code": "1308", "message": "Usage limit reached for 5 hour. Your limit will reset at 2026-08-25 07:41:44"}\r\n}\r\n';
const STACK = 'Error: request failed {"code":"1305","message":"The service may be temporarily overloaded"}\n    at fetch (client.js:10:5)\n    at async main (index.js:3:1)\nCaused by: x\n';
const PRETTY = '{\n  "error": {\n    "code": "1302",\n    "message": "Rate limit reached for requests"\n  }\n}\n';
const SSE = 'event: error\ndata: {"error":{"code":"1113","message":"Insufficient balance"}}\n\n';
const TRACEBACK = 'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\n    client.chat()\nopenai.RateLimitError: Error code: 429 - {\'error\': {\'code\': \'1302\'}}\n';
const NDJSON = '{"ts":"2026-11-20T00:00:02Z","status":429,"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-20 11:00:02"}}\n';
const RETRIES = [1, 2, 3].map((n) => `{"type":"system","subtype":"api_error","retryAttempt":${n},"maxRetries":10,"error":{"status":429,"error":{"code":"1302","message":"Rate limit"}}}\n`).join('');
const FINAL = `{"type":"assistant","isApiErrorMessage":true,"message":{"content":[{"type":"text","text":${JSON.stringify('API Error: 429 {"error":{"code":"1302","message":"Rate limit"}}')}}]}}\n`;
// Its first line alone is no retry marker; with the trace line joined to it, it is one.
const RETRY_WITH_TRACE = '{"type":"system","retryAttempt":1,"error":{"status":429,"error":{"code":"1302","message":"Rate limit"}}}\n    at retry (client.js:1:1) "subtype":"api_error"\n';
const PIECES = [HTTP, STACK, PRETTY, SSE, TRACEBACK, NDJSON, RETRIES, `${RETRIES}\n\n${FINAL}`, FINAL, RETRY_WITH_TRACE, `${RETRY_WITH_TRACE}${FINAL}`, '\n', 'plain text line\n', '2026-11-20 10:00:00 ERROR {"code":"1305"}\n', '\ufeffbom in the middle\n', '{"a":1,}\n', 'bin\u0000ary\n'];

describe('reading a source in two parts', () => {
  const head = `${'2026-11-20T00:00:00Z INFO warming up\n'.repeat(30)}`;
  const corpus = encode(
    [head, ...['mixed.log', 'claude-session.jsonl', 'crlf.log', 'nul-and-invalid-utf8.log', 'utf8-bom.jsonl'].map((n) => new TextDecoder().decode(fixture(n))), ...PIECES, HTTP, NDJSON].join('\n'),
  );

  it('gives what one reading gives, for every line start of the fixtures it accepts as a split point', () => {
    const whole = readWhole(corpus);
    expect(checkLedger(whole.ledger)).toEqual([]);
    let accepted = 0;
    let refused = 0;
    for (const at of lineStartsPastHead(corpus)) {
      const split = readSplit(corpus, at);
      if (split === null) {
        refused += 1;
        continue;
      }
      accepted += 1;
      expect(split.ledger).toEqual(whole.ledger);
      expect(split.events).toEqual(whole.events);
    }
    // Inside multi-line records and retry folds the split is refused; elsewhere accepted.
    expect(accepted).toBeGreaterThan(40);
    expect(refused).toBeGreaterThan(20);
  });

  it('gives what one reading gives for any sequence of records and any split, or refuses it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 30 }), fc.nat(), fc.constantFrom('\n', '\r\n'), (pieces, pick, eol) => {
        const bytes = encode((head + pieces.join('')).replaceAll('\r\n', '\n').replaceAll('\n', eol));
        const starts = lineStartsPastHead(bytes);
        if (starts.length === 0) return;
        const at = starts[pick % starts.length] ?? 0;
        const whole = readWhole(bytes);
        const split = readSplit(bytes, at);
        if (split !== null) {
          expect(split.ledger).toEqual(whole.ledger);
          expect(split.events).toEqual(whole.events);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a split of what is not plain text (gzip, HAR) or before the head was sniffed', () => {
    const har = fixture('requests.har');
    const at = har.indexOf(10) + 1;
    expect(readSplit(har, at)).toBeNull();
    const small = encode('a\nb\n');
    expect(readSplit(small, 2)).toBeNull();
  });
});

/** Line ends as the splitter ends lines, counted one by one: the reference for the counter. */
function lineEndsOf(bytes: Uint8Array): number {
  let ends = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 10) ends += 1;
    else if (bytes[i] === 13 && bytes[i + 1] !== 10) ends += 1;
  }
  return ends;
}

describe('createLineEndCounter', () => {
  it('counts LF, CRLF and lone CR as one line end each, however the bytes are chunked', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(10, 13, 97, 0xe4), { maxLength: 60 }), fc.array(fc.nat(60)), (codes, cuts) => {
        const bytes = new Uint8Array(codes);
        const counter = createLineEndCounter();
        let from = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          counter.push(bytes.subarray(from, Math.max(from, Math.min(cut, bytes.length))));
          from = Math.max(from, Math.min(cut, bytes.length));
        }
        counter.push(bytes.subarray(from));
        expect(counter.count()).toBe(lineEndsOf(bytes));
      }),
      { numRuns: 500 },
    );
  });
});

describe('joinPartsAcrossGap: a Cancel before the first part reached the second', () => {
  const head = `${'2026-11-20T00:00:00Z INFO warming up\n'.repeat(30)}`;
  const pieces = [...PIECES, 'progress 10%\rprogress 20%\n', 'a line cut short by a CR\r'];

  it('numbers the rest\'s lines after every line before it, read or not, and counts every byte once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), fc.nat(), fc.constantFrom('\n', '\r\n'), (chosen, pickAt, pickCut, pickEnd, eol) => {
        const bytes = encode((head + chosen.join('')).replaceAll('\r\n', '\n').replaceAll('\n', eol));
        const starts = lineStartsPastHead(bytes);
        if (starts.length === 0) return;
        const at = starts[pickAt % starts.length] ?? 0;
        // Half the time right after a CR, where a line waits for the byte after it to know how it ends.
        const afterCr = [...bytes.subarray(0, at).keys()].filter((i) => bytes[i] === 13).map((i) => i + 1);
        const cut = pickCut % 2 === 0 && afterCr.length > 0 ? (afterCr[(pickCut >> 1) % afterCr.length] ?? 0) : pickCut % (at + 1);
        const restEnd = at + (pickEnd % (bytes.length - at + 1));
        const first = createIngestPipeline({ ...OPTIONS, sourceBytes: bytes.length, onEvent: () => undefined });
        for (let i = 0; i < cut; i += 500) first.push(bytes.subarray(i, Math.min(cut, i + 500)));
        const rest = createIngestPipeline({ ...OPTIONS, partAt: at, onEvent: () => undefined });
        rest.push(bytes.subarray(at, restEnd));
        const restLedger = restEnd === bytes.length ? rest.finish() : rest.cancel(bytes.length - restEnd);
        const counter = createLineEndCounter();
        counter.push(bytes.subarray(gapStartOf(cut, bytes[cut - 1] ?? -1), at));
        const joined = joinPartsAcrossGap(first, { ledger: restLedger }, { cut, at, restBytesRead: restEnd - at, sourceBytes: bytes.length, gapLineEnds: counter.count() });
        // The rest's first line is the line after every line end before `at`.
        expect(joined.lineShift).toBe(lineEndsOf(bytes.subarray(0, at)));
        expect(checkLedger(joined.ledger)).toEqual([]);
        expect(joined.ledger.sourceBytes).toBe(bytes.length);
        expect(joined.ledger.notices.filter((n) => n.startsWith('cancelled'))).toHaveLength(1);
      }),
      { numRuns: 400 },
    );
  });

  it('says which bytes were read, and which were not', () => {
    const bytes = encode(`${head}${NDJSON.repeat(40)}`);
    const at = lineStartsPastHead(bytes)[20] ?? 0;
    const first = createIngestPipeline({ ...OPTIONS, sourceBytes: bytes.length, onEvent: () => undefined });
    first.push(bytes.subarray(0, 1500));
    const rest = createIngestPipeline({ ...OPTIONS, partAt: at, onEvent: () => undefined });
    rest.push(bytes.subarray(at, at + 300));
    const joined = joinPartsAcrossGap(first, { ledger: rest.cancel(bytes.length - at - 300) }, { cut: 1500, at, restBytesRead: 300, sourceBytes: bytes.length, gapLineEnds: 0 });
    const n = (x: number) => x.toLocaleString('en-US');
    expect(joined.ledger.notices).toEqual([`cancelled: read bytes 0 to 1,500 and, on a second core, ${n(at)} to ${n(at + 300)} of ${n(bytes.length)}; the bytes between and after are not read`]);
  });
});

describe('findSplitPoint', () => {
  it('prefers a line between two record starts, then a line that starts a record, then any line a stack trace cannot take', () => {
    expect(findSplitPoint(encode('tail\n2026 a {\n{"x":1}\n2026 b\n{"ts":1}\n'))).toBe(22);
    expect(findSplitPoint(encode('tail of a line\n    at x\n{"ts":1}\n'))).toBe(24);
    expect(findSplitPoint(encode('x\n    at y\nCaused by: z\nplain\n'))).toBe(24);
    expect(findSplitPoint(encode('x\n2026-11-20 ok\n'))).toBe(2);
    expect(findSplitPoint(encode('no line feed at all'))).toBeNull();
    expect(findSplitPoint(encode('ends with one\n'))).toBeNull();
  });
});

describe('chooseSplit', () => {
  const source = (bytes: Uint8Array) => async (offset: number, length: number) => bytes.subarray(offset, offset + length);
  const text = encode('2026-11-20T00:00:00Z INFO a line of a log\n'.repeat(2000));

  it('splits a large text source after a line feed from the share asked for', async () => {
    const at = await chooseSplit(text.length, source(text), { minBytes: 1024, share: 0.5 });
    expect(at).not.toBeNull();
    expect(text[(at ?? 0) - 1]).toBe(10);
    expect(Math.abs((at ?? 0) - text.length / 2)).toBeLessThan(100);
  });

  it('reads small sources, gzip and HAR in one part', async () => {
    expect(await chooseSplit(text.length, source(text))).toBeNull();
    const gzip = new Uint8Array(text.length);
    gzip.set([0x1f, 0x8b, 0x08]);
    expect(await chooseSplit(gzip.length, source(gzip), { minBytes: 1024 })).toBeNull();
    const har = fixture('requests.har');
    expect(await chooseSplit(har.length, source(har), { minBytes: 1 })).toBeNull();
  });
});
