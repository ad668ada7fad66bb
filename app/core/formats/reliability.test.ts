import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkLedger } from '../ledger/ledger';
import type { Ledger } from '../ledger/types';
import { runIngest, utf8 } from './fake-classifier';
import type { IngestOptions } from './pipeline';

/** RELIABILITY section 3 (groups A, B, C): hostile inputs and the ledger each must produce. */

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const join = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
const gz = (text: string): Uint8Array => gzipSync(utf8(text));
const ERROR_1308 = '{"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-08-25 07:41:44"}}';

type Expected = Partial<Pick<Ledger, 'lines' | 'catalogued' | 'uncatalogued' | 'nonError' | 'rejected' | 'bytesUnsplittable' | 'events' | 'flags' | 'bytesRead'>>;

interface Row {
  readonly id: string;
  readonly input: Uint8Array;
  readonly expected: Expected;
  readonly notice?: RegExp;
  readonly options?: Partial<IngestOptions>;
}

const zeroLedger: Expected = { lines: 0, catalogued: 0, uncatalogued: 0, nonError: 0, rejected: {}, bytesUnsplittable: {}, events: 0 };
const big = 'x'.repeat(100_000);
const cap = 64;

const rows: Row[] = [
  { id: 'A1 empty file', input: new Uint8Array(0), expected: { ...zeroLedger, bytesRead: 0 }, notice: /file is empty/ },
  { id: 'A2 only LF', input: utf8('\n\n\n'), expected: { lines: 3, nonError: 3, bytesRead: 3 } },
  { id: 'A2 only CRLF', input: utf8('\r\n\r\n'), expected: { lines: 2, nonError: 2, bytesRead: 4 } },
  {
    id: 'A4 NUL inside a line',
    input: utf8('fine\nbad\u0000line\nERROR next\n'),
    expected: { lines: 3, nonError: 1, uncatalogued: 1, rejected: { binary_data: 1 } },
  },
  { id: 'A5 overlong C0 AF', input: join(utf8('ERROR '), bytes(0xc0, 0xaf), utf8('\n')), expected: { lines: 1, uncatalogued: 1, flags: { invalid_utf8_replaced: 1 } } },
  { id: 'A5 lone continuation 80', input: join(utf8('ERROR '), bytes(0x80), utf8('\n')), expected: { lines: 1, uncatalogued: 1, flags: { invalid_utf8_replaced: 1 } } },
  { id: 'A5 encoded surrogate', input: join(utf8('ok '), bytes(0xed, 0xa0, 0x80), utf8('\n')), expected: { lines: 1, nonError: 1, flags: { invalid_utf8_replaced: 1 } } },
  { id: 'A5 4-byte sequence cut at EOF', input: join(utf8('ERROR '), bytes(0xf0, 0x9f, 0x98)), expected: { lines: 1, uncatalogued: 1, flags: { invalid_utf8_replaced: 1 }, bytesRead: 9 } },
  { id: 'A5 genuine U+FFFD is not flagged', input: utf8('ok \uFFFD\n'), expected: { lines: 1, nonError: 1, flags: {} } },
  { id: 'A6 UTF-8 BOM', input: join(bytes(0xef, 0xbb, 0xbf), utf8(`${ERROR_1308}\n`)), expected: { lines: 1, catalogued: 1, events: 1, bytesRead: ERROR_1308.length + 4 } },
  { id: 'A10 CRLF', input: utf8(`a\r\n${ERROR_1308}\r\nERROR b\r\n`), expected: { lines: 3, nonError: 1, catalogued: 1, uncatalogued: 1 } },
  { id: 'A10 lone CR', input: utf8(`a\r${ERROR_1308}\rERROR b\r`), expected: { lines: 3, nonError: 1, catalogued: 1, uncatalogued: 1 } },
  { id: 'A10 mixed', input: utf8(`a\r\n${ERROR_1308}\rERROR b\n`), expected: { lines: 3, nonError: 1, catalogued: 1, uncatalogued: 1 } },
  { id: 'A10 U+2028 is not a terminator', input: utf8('a\u2028b\u2029c\n'), expected: { lines: 1, nonError: 1 } },
  {
    id: 'B11 raw U+2028 / U+2029 inside a JSON string of an error line',
    input: utf8(`${ERROR_1308.replace('Usage limit', 'Usage\u2028limit\u2029')}\nok\n`),
    expected: { lines: 2, catalogued: 1, nonError: 1, events: 1 },
  },
  { id: 'A11 no final terminator', input: utf8('a\nERROR b'), expected: { lines: 2, nonError: 1, uncatalogued: 1, bytesRead: 9 } },
  {
    id: 'A13 one big line, small cap',
    input: utf8(`${big}\n${ERROR_1308}\n`),
    options: { maxLineBytes: 1000 },
    expected: { lines: 2, rejected: { line_too_long: 1 }, catalogued: 1, bytesRead: big.length + ERROR_1308.length + 2 },
  },
  { id: 'A14 cap - 1', input: utf8(`${'y'.repeat(cap - 1)}\n`), options: { maxLineBytes: cap }, expected: { lines: 1, nonError: 1 } },
  { id: 'A14 cap', input: utf8(`${'y'.repeat(cap)}\n`), options: { maxLineBytes: cap }, expected: { lines: 1, nonError: 1 } },
  { id: 'A14 cap + 1', input: utf8(`${'y'.repeat(cap + 1)}\n`), options: { maxLineBytes: cap }, expected: { lines: 1, rejected: { line_too_long: 1 } } },
  { id: 'A14 cap in multi-byte characters', input: utf8(`${'é'.repeat(cap / 2)}\n${'é'.repeat(cap / 2)}x\n`), options: { maxLineBytes: cap }, expected: { lines: 2, nonError: 1, rejected: { line_too_long: 1 } } },
  { id: 'A22 gzip bytes, any name', input: gz(`${ERROR_1308}\nok\n`), expected: { lines: 2, catalogued: 1, nonError: 1 }, notice: /^gzip, 1 member$/ },
  { id: 'A22 text that starts like nothing special', input: utf8('gz? no\n'), expected: { lines: 1, nonError: 1 } },
  { id: 'B1 cut JSON', input: utf8('{"error": \nok\n'), expected: { lines: 2, rejected: { malformed_json: 1 }, nonError: 1 } },
  { id: 'B1 trailing comma', input: utf8('{"a":1,}\nERROR later\n'), expected: { lines: 2, rejected: { malformed_json: 1 }, uncatalogued: 1 } },
  {
    id: 'B10 pretty-printed JSON body is one record',
    input: utf8('{\n  "error": {\n    "code": "1302",\n    "message": "Rate limit reached for requests"\n  }\n}\nnext\n'),
    expected: { lines: 7, uncatalogued: 6, nonError: 1, events: 1 },
  },
  {
    id: 'B10 pretty JSON without error is non-error',
    input: utf8('{\n  "model": "glm-4.6",\n  "stream": true\n}\n'),
    expected: { lines: 4, nonError: 4, events: 0 },
  },
  {
    id: 'C2 raw HTTP/1.1 response, pretty body',
    input: utf8('HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 30\r\n\r\n{\r\n  "error": {"code": "1308", "message": "Usage limit reached"}\r\n}\r\nafter\r\n'),
    expected: { lines: 8, catalogued: 7, nonError: 1, events: 1 },
  },
  {
    id: 'C2 HTTP/2 status line, one-line body',
    input: utf8(`HTTP/2 429\ncontent-type: application/json\n\n${ERROR_1308}\n`),
    expected: { lines: 4, catalogued: 4, events: 1 },
  },
  {
    id: 'C2 missing blank line before the body',
    input: utf8(`HTTP/1.1 429 Too Many Requests\nContent-Type: application/json\n${ERROR_1308}\nafter\n`),
    expected: { lines: 4, catalogued: 3, nonError: 1, events: 1 },
  },
  {
    id: 'C2 chunked body: sizes are part of the record',
    input: utf8(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7b\r\n${ERROR_1308}\r\n0\r\n\r\nafter\r\n`),
    expected: { lines: 8, catalogued: 7, nonError: 1, events: 1 },
  },
  {
    id: 'C4 a multi-MB transcript line is capped without hiding the errors around it',
    input: utf8(`{"type":"user","message":{"content":"${'z'.repeat(5000)}"}}\n{"type":"assistant","isApiErrorMessage":true,"message":{"content":[{"type":"text","text":"API Error: 429 ${ERROR_1308.replaceAll('"', '\\"')}"}]}}\n`),
    options: { maxLineBytes: 4096 },
    expected: { lines: 2, rejected: { line_too_long: 1 }, catalogued: 1, events: 1 },
  },
  {
    id: 'C7 stack trace lines join the error line',
    input: utf8('Error: ERROR request failed {"code":"1305"}\n    at fetch (client.js:10:5)\n    at async main (index.js:3:1)\nnext line\n'),
    expected: { lines: 4, uncatalogued: 3, nonError: 1, events: 1 },
  },
  {
    id: 'C7 Python traceback is one record',
    input: utf8('Traceback (most recent call last):\n  File "app.py", line 3, in <module>\n    client.chat()\nopenai.RateLimitError: Error code: 429 - {\'error\': {\'code\': \'1302\'}}\nnext\n'),
    expected: { lines: 5, uncatalogued: 4, nonError: 1, events: 1 },
  },
];

describe('RELIABILITY A/B/C rows', () => {
  it.each(rows)('$id', ({ input, expected, notice, options }) => {
    const { ledger } = runIngest(input, [], options);
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger).toMatchObject(expected);
    if (notice) expect(ledger.notices.some((n) => notice.test(n))).toBe(true);
  });
});

describe('A13 and A14 in detail', () => {
  it('reports the exact byte size of an over-long line and keeps its start as the example', () => {
    const { ledger } = runIngest(utf8(`${big}\nok\n`), [10, 500, 5000, 99_999], { maxLineBytes: 1000 });
    expect(ledger.examples.line_too_long).toEqual([{ line: 1, text: 'x'.repeat(300), bytes: 100_000 }]);
  });

  it('gives the same ledger whether the big line comes in one chunk or many', () => {
    const input = utf8(`${big}\n${ERROR_1308}\n`);
    const cuts = Array.from({ length: 1000 }, (_, i) => i * 101);
    expect(runIngest(input, cuts, { maxLineBytes: 1000 })).toEqual(runIngest(input, [], { maxLineBytes: 1000 }));
  });
});

describe('A7 UTF-16 with BOM', () => {
  const text = `ok\r\n${ERROR_1308}\nERROR é\n`;
  const encode = (endian: 'le' | 'be'): Uint8Array => {
    const out = new Uint8Array(2 + text.length * 2);
    const view = new DataView(out.buffer);
    view.setUint16(0, 0xfeff, endian === 'le');
    for (let i = 0; i < text.length; i += 1) view.setUint16(2 + i * 2, text.charCodeAt(i), endian === 'le');
    return out;
  };

  it.each(['le', 'be'] as const)('decodes UTF-16%s like the UTF-8 text, bytes exact', (endian) => {
    const input = encode(endian);
    const { ledger, events } = runIngest(input, [1, 2, 3, 7, 40]);
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger).toMatchObject({ lines: 3, nonError: 1, catalogued: 1, uncatalogued: 1, bytesRead: input.length });
    expect(events.map((e) => e.line)).toEqual([2, 3]);
  });
});

describe('A23 unsupported containers and A3 binary files', () => {
  const tar = new Uint8Array(1024);
  tar.set(utf8('ustar'), 257);
  it.each([
    ['zip', utf8('PK\u0003\u0004rest of a zip')],
    ['tar', tar],
    ['bzip2', utf8('BZh91AY&SY')],
    ['xz', bytes(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2)],
    ['zstd', bytes(0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3)],
    ['compress (.Z)', bytes(0x1f, 0x9d, 0x90, 0x32, 0x60, 0xc0, 0x80, 0x31, 0x0a)],
  ])('%s → file-level unsupported_format naming the type', (name, input) => {
    const { ledger } = runIngest(input);
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger).toMatchObject({ lines: 0, bytesRead: input.length, bytesUnsplittable: { unsupported_format: input.length } });
    expect(ledger.notices.join(' ')).toContain(name);
  });

  it.each([
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)],
    ['ELF', bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0)],
    ['lastlog-like NULs', new Uint8Array(2048)],
  ])('%s → file-level binary_data with its byte count', (_name, input) => {
    const { ledger } = runIngest(input);
    expect(ledger).toMatchObject({ lines: 0, bytesUnsplittable: { binary_data: input.length } });
  });
});

/**
 * Both byte ledgers of a gzip source (RELIABILITY 2.2): they reconcile, each in its unit, the compressed one
 * to the file's size; the line ledger's bytes are `textBytes` when given (bytes that came out of the decompressor).
 */
function expectGzipLedgers(ledger: Ledger, file: Uint8Array, textBytes?: number): void {
  expect(checkLedger(ledger)).toEqual([]);
  expect(ledger.sourceBytes).toBe(file.length);
  expect(ledger.compressed?.bytesRead).toBe(file.length);
  if (textBytes !== undefined) expect(ledger.bytesRead).toBe(textBytes);
}

describe('A17–A21 gzip traps', () => {
  const text = `${ERROR_1308}\nline two\nlast line without end`;
  const whole = gz(text);

  it('A17 cut inside the deflate data: lines before counted, tail truncated_record, offset named', () => {
    const long = Array.from({ length: 2000 }, (_, i) => `line ${i} ${(i * 7919) % 1000}`).join('\n');
    const packed = gz(long);
    const cut = packed.subarray(0, Math.floor(packed.length / 2));
    const { ledger } = runIngest(cut);
    expectGzipLedgers(ledger, cut);
    expect(ledger.lines).toBeGreaterThan(10);
    expect(ledger.rejected).toEqual({ truncated_record: 1 });
    // The cut member's bytes went through the decompressor: the cut shows as the text's last line, rejected.
    expect(ledger.compressed).toEqual({ bytesRead: cut.length, bytesInflated: cut.length, bytesUnsplittable: {} });
    expect(ledger.bytesUnsplittable).toEqual({});
    // The source's own ledger (shown under its name) says where its data ends.
    expect(ledger.notices).toContain(`gzip data ends inside member 1 at byte ${cut.length}: the file is truncated`);
  });

  it('A17 missing 8-byte trailer: content read, last line truncated_record', () => {
    const file = whole.subarray(0, whole.length - 8);
    const { ledger } = runIngest(file);
    expect(ledger).toMatchObject({ lines: 3, catalogued: 1, nonError: 1, rejected: { truncated_record: 1 } });
    expectGzipLedgers(ledger, file, utf8(text).length);
    expect(ledger.notices.join(' ')).toMatch(/trailer/);
  });

  it('A17 trailer cut after 5 of its 8 bytes: those 5 are counted as truncated_record, in the compressed ledger', () => {
    const file = whole.subarray(0, whole.length - 3);
    const { ledger } = runIngest(file, [file.length - 2]);
    expectGzipLedgers(ledger, file, utf8(text).length);
    expect(ledger.compressed?.bytesUnsplittable).toEqual({ truncated_record: 5 });
    expect(ledger.bytesUnsplittable).toEqual({});
  });

  it('A17 header only: nothing read, truncation reported', () => {
    const file = whole.subarray(0, 10);
    const { ledger } = runIngest(file);
    expect(ledger).toMatchObject({ lines: 0, bytesRead: 0 });
    expect(ledger.compressed).toEqual({ bytesRead: 10, bytesInflated: 10, bytesUnsplittable: {} });
    expectGzipLedgers(ledger, file, 0);
    expect(ledger.notices.join(' ')).toMatch(/truncated/);
  });

  it('A17 header cut: its bytes are truncated_record in the compressed ledger, none in the line ledger', () => {
    const file = whole.subarray(0, 6);
    const { ledger } = runIngest(file, [2]);
    expect(ledger.compressed).toEqual({ bytesRead: 6, bytesInflated: 0, bytesUnsplittable: { truncated_record: 6 } });
    expectGzipLedgers(ledger, file, 0);
  });

  it('A18 multi-member gzip: every member read, line count is the sum', () => {
    const file = join(gz('a\nb\n'), gz(`${ERROR_1308}\n`), gz('c\n'));
    const { ledger } = runIngest(file);
    expect(ledger).toMatchObject({ lines: 4, catalogued: 1, nonError: 3, bytesRead: 4 + ERROR_1308.length + 1 + 2 });
    expectGzipLedgers(ledger, file);
    expect(ledger.compressed).toEqual({ bytesRead: file.length, bytesInflated: file.length, bytesUnsplittable: {} });
    expect(ledger.notices).toContain('gzip, 3 members');
  });

  it.each([
    ['zero padding', new Uint8Array(512)],
    ['garbage', utf8('garbage after the member')],
  ])('A19 trailing %s: members read, trailing bytes counted', (kind, tail) => {
    const member = gz('a\nb\n');
    const file = join(member, tail);
    const { ledger } = runIngest(file, [member.length + 1]);
    // The text is the 4 bytes unpacked; the trailing bytes are the file's, counted in its compressed ledger.
    expectGzipLedgers(ledger, file, 4);
    expect(ledger).toMatchObject({ lines: 2, nonError: 2, bytesUnsplittable: {} });
    expect(ledger.compressed).toEqual({ bytesRead: file.length, bytesInflated: member.length, bytesUnsplittable: { decompression_error: tail.length } });
    expect(ledger.notices.join(' ')).toContain(kind === 'zero padding' ? 'zero padding' : 'not gzip');
  });

  it('A19 a corrupt deflate stream is decompression_error', () => {
    const broken = whole.slice();
    broken[10] = 0xff;
    const { ledger } = runIngest(broken);
    expectGzipLedgers(ledger, broken);
    expect(ledger.compressed?.bytesUnsplittable.decompression_error).toBeGreaterThan(0);
    expect(ledger.bytesUnsplittable).toEqual({});
  });

  it('A20 a stop at the cap in the first of several pieces: the compressed rest is decompression_limit', () => {
    // Varied digits: about 1 byte of gzip for 3 of text, so 300 KiB of text are several 64 KiB pieces of gzip.
    const lines = Array.from({ length: 20_000 }, (_, i) => `${String((i * 2654435761) % 1e9).padStart(9, '0')} ${i}`).join('\n');
    const file = gz(lines);
    expect(file.length).toBeGreaterThan(2 * 65536);
    const { ledger } = runIngest(file, [], { maxDecompressedBytes: 1000 });
    expectGzipLedgers(ledger, file, 1000);
    // Read in one chunk: the 10-byte header and the first 64 KiB piece went through the decompressor (the piece's
    // output past the cap is no text read); the rest of the file was left out at the cap.
    expect(ledger.compressed).toEqual({ bytesRead: file.length, bytesInflated: 10 + 65536, bytesUnsplittable: { decompression_limit: file.length - 10 - 65536 } });
  });

  it('A20 output over the cap stops with decompression_limit; exactly the cap passes', () => {
    const zeros = `${'0'.repeat(999)}\n`.repeat(100);
    const over = runIngest(gz(zeros), [], { maxDecompressedBytes: 50_500 });
    expect(over.ledger).toMatchObject({ lines: 51, nonError: 50, rejected: { decompression_limit: 1 } });
    // Exactly the cap's bytes of text reached the lines (the last one cut); the file's bytes reconcile apart.
    expectGzipLedgers(over.ledger, gz(zeros), 50_500);
    expect(over.ledger.notices).toContain('decompressed size passed the limit of 50,500 bytes; reading stopped (gzip bomb?)');
    const exact = runIngest(gz(zeros), [], { maxDecompressedBytes: 100_000 });
    expect(exact.ledger).toMatchObject({ lines: 100, nonError: 100, rejected: {} });
  });

  it('A20 a bomb of zeros stops at the cap, its data named as zero bytes, the cap in its unit', () => {
    const zeros = gzipSync(new Uint8Array(3 * 1024 * 1024));
    const { ledger } = runIngest(zeros, [], { maxDecompressedBytes: 2 * 1024 * 1024 });
    // Text: the cap's 2 MiB, binary data. The file: what was inflated, and its rest (here its trailer) left out at the cap.
    expect(ledger).toMatchObject({ lines: 0, bytesRead: 2 * 1024 * 1024, bytesUnsplittable: { binary_data: 2 * 1024 * 1024 } });
    expectGzipLedgers(ledger, zeros);
    expect(ledger.compressed?.bytesUnsplittable).toEqual({ decompression_limit: expect.any(Number) });
    expect(ledger.notices).toContain('decompressed size passed the limit of 2 MiB; reading stopped (gzip bomb?)');
    expect(ledger.notices).toContain('binary data (zero bytes only): not read as text');
  });

  it('A21 gzip of gzip is decoded two levels deep, a third level is unsupported', () => {
    const twice = gzipSync(gz(`${ERROR_1308}\n`));
    expect(runIngest(twice).ledger).toMatchObject({ lines: 1, catalogued: 1 });
    expectGzipLedgers(runIngest(twice).ledger, twice, ERROR_1308.length + 1);
    const thrice = gzipSync(twice);
    expect(runIngest(thrice).ledger).toMatchObject({ lines: 0, bytesUnsplittable: { unsupported_format: expect.any(Number) } });
    expectGzipLedgers(runIngest(thrice).ledger, thrice);
  });

  it('A21 junk after the inner gzip is counted in the line ledger, in the unit the outer layer unpacked to', () => {
    const junk = utf8('junk after the inner member');
    const file = gzipSync(join(gz(`${ERROR_1308}\n`), junk));
    const { ledger } = runIngest(file);
    expect(ledger).toMatchObject({ lines: 1, catalogued: 1, bytesUnsplittable: { decompression_error: junk.length } });
    // Text out, plus the inner layer's bytes it left out; the file's own bytes all went through its decompressor.
    expectGzipLedgers(ledger, file, ERROR_1308.length + 1 + junk.length);
    expect(ledger.compressed).toEqual({ bytesRead: file.length, bytesInflated: file.length, bytesUnsplittable: {} });
  });

  it('a tar inside gzip is named', () => {
    const tar = new Uint8Array(1024);
    tar.set(utf8('ustar'), 257);
    expect(runIngest(gzipSync(tar)).ledger.notices.join(' ')).toContain('tar');
  });
});
