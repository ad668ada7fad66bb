import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from './gb18030.test-support';
import { findLineAbove, lineAboveWindow, type LineAbove } from './line-above';
import type { RecordEncoding } from './pipeline';
import { createUtf8LineSplitter } from './utf8-line-splitter';

const encode = (text: string) => new TextEncoder().encode(text);
const STAMPED = '2026-11-20 10:00:00 DEBUG response:';
const line = (text: string): LineAbove => ({ kind: 'line', text });

/** The window before a record: the bytes of `before` (the record starts right after them), its last `windowBytes` at most. */
function lineAboveIn(before: Uint8Array, windowBytes = 1 << 16, encoding: RecordEncoding = 'utf-8'): LineAbove {
  const { start, end } = lineAboveWindow(before.byteLength, windowBytes);
  return findLineAbove({ bytes: before.subarray(start, end), isSourceStart: start === 0, encoding });
}

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes[i * 2 + (endian === 'le' ? 0 : 1)] = code & 0xff;
    bytes[i * 2 + (endian === 'le' ? 1 : 0)] = code >> 8;
  }
  return bytes;
}

describe('lineAboveWindow', () => {
  it.each([
    [100_000, 65_536, { start: 34_464, end: 100_000 }],
    [1_000, 65_536, { start: 0, end: 1_000 }],
    [0, 65_536, { start: 0, end: 0 }],
  ])('lineAboveWindow(%i, %i) = %j', (offset, windowBytes, expected) => expect(lineAboveWindow(offset, windowBytes)).toEqual(expected));
});

describe('findLineAbove', () => {
  it.each<[string, string, number, LineAbove]>([
    ['LF', `INFO start\n${STAMPED}\n`, 1 << 16, line(STAMPED)],
    ['CRLF: neither the CR nor the LF is part of the line', `INFO start\r\n${STAMPED}\r\n`, 1 << 16, line(STAMPED)],
    ['lone CR (old Mac line ends)', `INFO start\r${STAMPED}\r`, 1 << 16, line(STAMPED)],
    ['an LF line above a CRLF one', `INFO start\n${STAMPED}\r\n`, 1 << 16, line(STAMPED)],
    ['the first line of the source', `${STAMPED}\n`, 1 << 16, line(STAMPED)],
    ['the first line, after a UTF-8 byte order mark', `\uFEFF${STAMPED}\n`, 1 << 16, line(STAMPED)],
    ['an empty line above', `${STAMPED}\n\r\n`, 1 << 16, line('')],
    ['the window holds exactly the line and the terminator before it', `xx\n${STAMPED}\n`, STAMPED.length + 2, line(STAMPED)],
    ['a window one byte short of the line start: the line is longer than it', `xx\n${STAMPED}\n`, STAMPED.length + 1, { kind: 'too-long', windowBytes: STAMPED.length + 1 }],
    ['no line end in the window at all', `${'x'.repeat(200)}\n`, 100, { kind: 'too-long', windowBytes: 100 }],
    ['a record at the start of its source has none above it', '', 1 << 16, { kind: 'none' }],
    ['the bytes before the record do not end a line', `INFO start\n${STAMPED}`, 1 << 16, { kind: 'unreadable' }],
  ])('%s', (_name, before, windowBytes, expected) => {
    expect(lineAboveIn(encode(before), windowBytes)).toEqual(expected);
  });

  it('never starts inside a character cut by the window: the partial first line is dropped, or the line is too long', () => {
    // '该' is three bytes: a window starting after its first byte opens on two continuation bytes.
    const source = encode(`该模型\n${STAMPED} 已达到\n`);
    const cut = source.subarray(1);
    expect(findLineAbove({ bytes: cut, isSourceStart: false, encoding: 'utf-8' })).toEqual(line(`${STAMPED} 已达到`));
    const longLine = encode(`该模型当前访问量过大\n`).subarray(1);
    expect(findLineAbove({ bytes: longLine, isSourceStart: false, encoding: 'utf-8' })).toEqual({ kind: 'too-long', windowBytes: longLine.byteLength });
  });

  it('reads a GB18030 source as GB18030, its UTF-8 byte order mark dropped', () => {
    const before = Uint8Array.from([0xef, 0xbb, 0xbf, ...encodeGb18030(`${STAMPED} 已达到上限\r\n`)]);
    expect(lineAboveIn(before, 1 << 16, 'gb18030')).toEqual(line(`${STAMPED} 已达到上限`));
  });

  it.each(['le', 'be'] as const)('reads UTF-16 %s by code units: a byte 0x0A inside a character is no line end', (endian) => {
    // U+0A0D and U+0D0A hold the bytes of LF and CR; only whole code units end lines.
    const text = `\uFEFFfirst\r\n${STAMPED} \u0A0D\u0D0A\n`;
    const encoding = endian === 'le' ? 'utf-16le' : 'utf-16be';
    expect(lineAboveIn(utf16(text, endian), 1 << 16, encoding)).toEqual(line(`${STAMPED} \u0A0D\u0D0A`));
    expect(lineAboveIn(utf16(`\uFEFF${STAMPED}\r`, endian), 1 << 16, encoding)).toEqual(line(STAMPED));
  });

  it('finds, before any line of a source, the line the splitter read right above it, whatever the line ends', () => {
    const piece = fc.constantFrom('a', ' ', '已达到', '😀', STAMPED, '\u0085', 'x'.repeat(30));
    const lineArb = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(lineArb, eol), { minLength: 2, maxLength: 12 }), fc.integer({ min: 8, max: 200 }), (lines, windowBytes) => {
        // A CR line end followed by an empty line ending in LF would read as one CRLF: not a source this can hold.
        fc.pre(lines.every(([, end], i) => !(end === '\r' && lines[i + 1]?.[0] === '' && lines[i + 1]?.[1] === '\n')));
        const bytes = encode(lines.map(([text, end]) => text + end).join(''));
        const read: { text: string; offset: number }[] = [];
        let offset = 0;
        const splitter = createUtf8LineSplitter({
          maxLineBytes: 1 << 20,
          onLine: (text, contentBytes, termBytes) => {
            read.push({ text, offset });
            offset += contentBytes + termBytes;
          },
        });
        splitter.push(bytes);
        splitter.finish(null);
        for (let i = 1; i < read.length; i += 1) {
          const above = read[i - 1];
          const at = read[i]?.offset ?? 0;
          const found = lineAboveIn(bytes.subarray(0, at), windowBytes);
          // The window holds the line and the line end before it, or starts the source.
          const fits = at <= windowBytes || at - (above?.offset ?? 0) + 1 <= windowBytes;
          expect(found).toEqual(fits ? line(above?.text ?? '') : { kind: 'too-long', windowBytes });
        }
      }),
      { numRuns: 300 },
    );
  });
});
