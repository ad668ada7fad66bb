import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { classifyRecord } from '../classify/classify';
import { checkLedger } from '../ledger/ledger';
import { runIngest, utf8 } from './fake-classifier';

/** Line kinds with a known outcome under the fake classifier (none of them starts a multi-line record). */
const KINDS = {
  plain: { text: (n: number) => `info ${n} ok`, outcome: 'nonError' },
  catalogued: { text: (n: number) => `{"error":{"code":"1308","message":"limit ${n}"}}`, outcome: 'catalogued' },
  uncatalogued: { text: (n: number) => `ERROR ${n} upstream`, outcome: 'uncatalogued' },
  malformed: { text: (n: number) => `{"a":${n},}`, outcome: 'malformed_json' },
  nul: { text: (n: number) => `bin\u0000${n}`, outcome: 'binary_data' },
  long: { text: (n: number) => `${'L'.repeat(300)}${n}`, outcome: 'line_too_long' },
  empty: { text: () => '', outcome: 'nonError' },
  chinese: { text: (n: number) => `已达到 5 小时的使用上限 ${n}`, outcome: 'nonError' },
} as const;
type Kind = keyof typeof KINDS;
const CAP = 200;

const TERMINATORS = ['\n', '\r\n', '\r'] as const;

const mixtureArb = fc.record({
  kinds: fc.array(fc.constantFrom(...(Object.keys(KINDS) as Kind[])), { maxLength: 60 }),
  terminator: fc.constantFrom(...TERMINATORS),
  endsWithTerminator: fc.boolean(),
});

function render(kinds: readonly Kind[], terminator: string, endsWithTerminator: boolean): string {
  const lines = kinds.map((kind, i) => KINDS[kind].text(i));
  const body = lines.join(terminator);
  return endsWithTerminator && lines.length > 0 ? body + terminator : body;
}

/** Sorted cut offsets inside [0, length]. */
const cutsArb = (length: number) =>
  fc.array(fc.integer({ min: 0, max: length }), { maxLength: 12 }).map((cuts) => [...cuts].sort((a, b) => a - b));

function expectedCounts(kinds: readonly Kind[], endsWithTerminator: boolean) {
  // A final empty line without a terminator is no line at all.
  const counted = !endsWithTerminator && kinds.at(-1) === 'empty' ? kinds.slice(0, -1) : kinds;
  const counts: Record<string, number> = {};
  for (const kind of counted) counts[KINDS[kind].outcome] = (counts[KINDS[kind].outcome] ?? 0) + 1;
  return { lines: counted.length, counts };
}

describe('ledger properties', () => {
  it('reconciles and counts every line kind exactly, for any mixture, terminator and chunking', () => {
    fc.assert(
      fc.property(mixtureArb.chain((m) => fc.tuple(fc.constant(m), cutsArb(utf8(render(m.kinds, m.terminator, m.endsWithTerminator)).length))), ([m, cuts]) => {
        const bytes = utf8(render(m.kinds, m.terminator, m.endsWithTerminator));
        const { ledger } = runIngest(bytes, cuts, { maxLineBytes: CAP });
        expect(checkLedger(ledger)).toEqual([]);
        expect(ledger.bytesRead).toBe(bytes.length);
        const { lines, counts } = expectedCounts(m.kinds, m.endsWithTerminator);
        expect(ledger.lines).toBe(lines);
        expect(ledger.catalogued).toBe(counts.catalogued ?? 0);
        expect(ledger.uncatalogued).toBe(counts.uncatalogued ?? 0);
        expect(ledger.nonError).toBe(counts.nonError ?? 0);
        for (const reason of ['malformed_json', 'binary_data', 'line_too_long'] as const) {
          expect(ledger.rejected[reason] ?? 0).toBe(counts[reason] ?? 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives identical outcomes for the LF, CRLF and CR variants of a file (no empty lines)', () => {
    const kinds = fc.array(fc.constantFrom(...(Object.keys(KINDS) as Kind[]).filter((k) => k !== 'empty')), { maxLength: 40 });
    fc.assert(
      fc.property(kinds, fc.boolean(), (ks, ends) => {
        const results = TERMINATORS.map((t) => runIngest(utf8(render(ks, t, ends)), [], { maxLineBytes: CAP }));
        const outcomes = results.map(({ ledger, events }) => ({
          counts: [ledger.lines, ledger.catalogued, ledger.uncatalogued, ledger.nonError, ledger.rejected, ledger.events],
          events: events.map((e) => [e.line, e.lineCount, e.details.code]),
        }));
        expect(outcomes[1]).toEqual(outcomes[0]);
        expect(outcomes[2]).toEqual(outcomes[0]);
      }),
      { numRuns: 200 },
    );
  });
});

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

const SMALL_FIXTURES: Record<string, Uint8Array> = {
  'CRLF, CR and a CR at every position': utf8('a\r\n{"error":{"code":"1308"}}\r\rERROR b\r\n\r\nend\r'),
  'multi-byte characters (2, 3 and 4 bytes) and a BOM': utf8('\uFEFFé ü\n已达到 5 小时的使用上限 ERROR\n😀 [1308]\nlast 😀'),
  'pretty JSON, HTTP response and SSE': utf8(
    'HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\n\r\n{\r\n  "error": {"code": "1308"}\r\n}\r\nevent: error\ndata: {"error":{"code":"1302"}}\n\nok\n',
  ),
  'gzip with a file name in the header': gzipSync(utf8('one\n{"error":{"code":"1308"}}\ntwo'), { filename: 'app.log', mtime: 0 }),
  'two gzip members': concat(gzipSync(utf8('a\r\nERROR b\r')), gzipSync(utf8('\nc\n'))),
  'gzip with trailing zeros': concat(gzipSync(utf8('a\nb\n')), new Uint8Array(16)),
  'transcript retries and final record': utf8(
    [1, 2, 3]
      .map((n) => `{"type":"system","subtype":"api_error","error":{"message":"429 {\\"code\\":\\"1308\\"}"},"retryAttempt":${n},"maxRetries":10}`)
      .concat('{"type":"assistant","isApiErrorMessage":true,"message":{"content":"API Error: [1308]"}}')
      .join('\n'),
  ),
};

describe('chunking never changes the result', () => {
  it.each(Object.entries(SMALL_FIXTURES))('every single split point: %s', (_name, bytes) => {
    const whole = runIngest(bytes);
    expect(checkLedger(whole.ledger)).toEqual([]);
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      expect(runIngest(bytes, [cut])).toEqual(whole);
    }
  });

  it.each(Object.entries(SMALL_FIXTURES))('every byte its own chunk: %s', (_name, bytes) => {
    const cuts = Array.from({ length: bytes.length }, (_, i) => i);
    expect(runIngest(bytes, cuts)).toEqual(runIngest(bytes));
  });

  it('random chunkings of a larger mixed file, plain and gzip', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => KINDS[(Object.keys(KINDS) as Kind[])[i % 8] as Kind].text(i));
    const plain = utf8(lines.join('\r\n'));
    const packed = gzipSync(plain);
    const wholePlain = runIngest(plain, [], { maxLineBytes: CAP });
    const wholePacked = runIngest(packed, [], { maxLineBytes: CAP });
    expect(wholePacked.ledger.lines).toBe(wholePlain.ledger.lines);
    fc.assert(
      fc.property(cutsArb(plain.length), cutsArb(packed.length), (plainCuts, packedCuts) => {
        expect(runIngest(plain, plainCuts, { maxLineBytes: CAP })).toEqual(wholePlain);
        expect(runIngest(packed, packedCuts, { maxLineBytes: CAP })).toEqual(wholePacked);
      }),
      { numRuns: 60 },
    );
  });
});


/** Pieces where an error without a time of its own comes right under a stamped line, or not quite. */
const DATING_PIECES = [
  '2026-09-30 14:44:00,123 - app - ERROR - request failed',
  '2026-09-30T06:44:00Z INFO ok',
  '1759212000 DEBUG response:',
  "Traceback (most recent call last):\n  File \"app.py\", line 3, in <module>\nopenai.RateLimitError: Error code: 429 - {'error': {'code': '1302', 'message': 'Rate limit reached for requests'}}",
  'com.zai.ApiException: {"error":{"code":"1305","message":"overloaded"}}\n\tat com.zai.Client.call(Client.java:42)\nCaused by: java.io.IOException: boom',
  'HTTP/1.1 429 Too Many Requests\nContent-Type: application/json\n\n{"error":{"code":"1302","message":"Rate limit reached for requests"}}',
  '{"error":{"code":"1302","message":"Rate limit reached for requests"}}',
  '{"ts":"2026-09-30T06:00:00Z","error":{"code":"1113","message":"Insufficient balance"}}',
  '2026-09-30T06:44:00Z Traceback (most recent call last):\n  File "app.py", line 3, in <module>\nopenai.APIError: [1305][overloaded]',
  '',
];

describe('an error dated by the stamped line above it (real classifier)', () => {
  const read = (bytes: Uint8Array, cuts: readonly number[] = []) =>
    runIngest(bytes, cuts, { classify: (text) => classifyRecord(text, { localOffsetMinutes: () => 120 }) });

  it('is dated alike for any chunking and for LF, CRLF and CR', () => {
    const source = fc.array(fc.constantFrom(...DATING_PIECES), { minLength: 1, maxLength: 14 }).map((pieces) => `${pieces.join('\n')}\n`);
    fc.assert(
      fc.property(source.chain((text) => fc.tuple(fc.constant(text), cutsArb(utf8(text).length))), ([text, cuts]) => {
        const whole = read(utf8(text));
        expect(read(utf8(text), cuts)).toEqual(whole);
        const times = (run: ReturnType<typeof read>) => run.events.map((e) => [e.line, e.lineCount, e.details.ts, e.details.flags]);
        for (const eol of ['\r\n', '\r']) expect(times(read(utf8(text.replaceAll('\n', eol))))).toEqual(times(whole));
      }),
      { numRuns: 300 },
    );
  });
});
