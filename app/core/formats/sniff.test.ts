import { describe, expect, it } from 'vitest';
import { sniffBytes } from './sniff';

const b = (...values: number[]): Uint8Array => Uint8Array.from(values);
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sniffBytes', () => {
  it.each([
    ['empty', new Uint8Array(0), { kind: 'empty' }],
    ['gzip', b(0x1f, 0x8b, 0x08, 0), { kind: 'gzip' }],
    ['gzip magic with another method is not gzip', b(0x1f, 0x8b, 0x07, 0x41), { kind: 'binary', hint: 'high share of control bytes' }],
    ['UTF-16LE BOM', b(0xff, 0xfe, 0x41, 0), { kind: 'utf16', endian: 'le' }],
    ['UTF-16BE BOM', b(0xfe, 0xff, 0, 0x41), { kind: 'utf16', endian: 'be' }],
    ['UTF-32LE BOM', b(0xff, 0xfe, 0, 0), { kind: 'unsupported-encoding', name: 'UTF-32LE' }],
    ['zip', text('PK\u0003\u0004'), { kind: 'unsupported', name: 'zip' }],
    ['bzip2', text('BZh9'), { kind: 'unsupported', name: 'bzip2' }],
    ['"BZh" text is text', text('BZh is a word\n'), { kind: 'text' }],
    ['PNG', b(0x89, 0x50, 0x4e, 0x47), { kind: 'binary', hint: 'PNG image' }],
    ['UTF-16 without BOM', text('a\u0000b\u0000c\u0000d\u0000'), { kind: 'binary', hint: expect.stringContaining('UTF-16') }],
    ['zeros only (not UTF-16)', new Uint8Array(64), { kind: 'binary', hint: 'zero bytes only' }],
    ['HAR', text('  {\n  "log": {'), { kind: 'har' }],
    ['JSON that is not HAR', text('{"level":"error"}'), { kind: 'text' }],
    ['ANSI colours are text', text('\u001b[31mERROR\u001b[0m\n'), { kind: 'text' }],
    ['one NUL in a text line is text', text(`ok line with a \u0000 inside\n${'more text\n'.repeat(5)}`), { kind: 'text' }],
  ])('%s', (_name, head, expected) => expect(sniffBytes(head)).toEqual(expected));
});
