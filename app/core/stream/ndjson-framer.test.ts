import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNdjsonFramer, type NdjsonLine } from './ndjson-framer';

const encoder = new TextEncoder();

function frame(chunks: readonly (Uint8Array | string)[], end: 'finish' | 'abort' = 'finish', maxLineBytes?: number): NdjsonLine[] {
  const lines: NdjsonLine[] = [];
  const framer = createNdjsonFramer({ onLine: (l) => lines.push(l), ...(maxLineBytes === undefined ? {} : { maxLineBytes }) });
  for (const chunk of chunks) framer.push(chunk);
  framer[end]();
  return lines;
}

const ok = (text: string): NdjsonLine => ({ text, bytes: encoder.encode(text).length, reject: null, hasInvalidUtf8: false });

function splitBytes(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  for (const cut of cuts) {
    out.push(bytes.subarray(at, cut));
    at = cut;
  }
  out.push(bytes.subarray(at));
  return out;
}

describe('createNdjsonFramer', () => {
  it.each<[string, string, NdjsonLine[]]>([
    ['LF', '{"a":1}\n{"b":2}\n', [ok('{"a":1}'), ok('{"b":2}')]],
    ['CRLF', '{"a":1}\r\n{"b":2}\r\n', [ok('{"a":1}'), ok('{"b":2}')]],
    ['lone CR', '{"a":1}\r{"b":2}\r', [ok('{"a":1}'), ok('{"b":2}')]],
    ['blank lines skipped', '\n\n{"a":1}\n\r\n', [ok('{"a":1}')]],
    ['last line without newline on a clean end', '{"a":1}\n{"b":2}', [ok('{"a":1}'), ok('{"b":2}')]],
    ['BOM at start dropped', '\uFEFF{"a":1}\n', [{ ...ok('{"a":1}'), bytes: 10 }]],
    ['Chinese text', '{"message":"您的账户已达到速率限制"}\n', [ok('{"message":"您的账户已达到速率限制"}')]],
  ])('%s', (_name, input, expected) => {
    expect(frame([input])).toEqual(expected);
  });

  it('H11 a line cut by the connection is truncated_record, and the next connection starts clean', () => {
    const lines: NdjsonLine[] = [];
    const framer = createNdjsonFramer({ onLine: (l) => lines.push(l) });
    framer.push('{"a":1}\n{"b"');
    framer.abort();
    framer.push(':2}\n');
    framer.finish();
    expect(lines.map((l) => [l.text, l.reject])).toEqual([
      ['{"a":1}', null],
      ['{"b"', 'truncated_record'],
      [':2}', null],
    ]);
  });

  it('H13 invalid UTF-8 is flagged, NUL bytes are binary_data, the stream goes on', () => {
    const bytes = new Uint8Array([...encoder.encode('{"a":"'), 0xff, 0xfe, ...encoder.encode('"}\nA\u0000B\n{"c":3}\n')]);
    const lines = frame([bytes]);
    expect(lines.map((l) => [l.reject, l.hasInvalidUtf8])).toEqual([
      [null, true],
      ['binary_data', false],
      [null, false],
    ]);
  });

  it('a line over the cap is line_too_long and the next line is read', () => {
    const lines = frame([`${'x'.repeat(50)}\n{"ok":1}\n`], 'finish', 20);
    expect(lines.map((l) => [l.reject, l.bytes])).toEqual([
      ['line_too_long', 50],
      [null, 8],
    ]);
  });

  it('H23 chunk boundaries inside lines and UTF-8 sequences give the same lines (every split point)', () => {
    const bytes = encoder.encode('{"message":"已达到 5 小时使用上限 😀"}\r\n{"b":2}\n\xff');
    const whole = frame([bytes]);
    for (let cut = 0; cut <= bytes.length; cut++) expect(frame(splitBytes(bytes, [cut]))).toEqual(whole);
  });

  it('H23 random chunkings of random NDJSON (property)', () => {
    const line = fc.constantFrom('{"error":{"code":"1302"}}', '您的账户已达到速率限制', 'é😀', '', 'plain', '{"a":1}');
    const end = fc.constantFrom('\n', '\r\n', '\r');
    const body = fc.array(fc.tuple(line, end), { maxLength: 30 }).map((ps) => encoder.encode(ps.map(([l, e]) => l + e).join('')));
    fc.assert(
      fc.property(body, fc.array(fc.nat(), { maxLength: 10 }), (bytes, raw) => {
        const cuts = [...new Set(raw.map((n) => n % (bytes.length + 1)))].sort((x, y) => x - y);
        expect(frame(splitBytes(bytes, cuts))).toEqual(frame([bytes]));
      }),
      { numRuns: 300 },
    );
  });
});
