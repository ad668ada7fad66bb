import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from './gb18030.test-support';
import { sniffBytes } from './sniff';
import { randomBytes } from './random-bytes.test-support';

const b = (...values: number[]): Uint8Array => Uint8Array.from(values);
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const join = (...parts: readonly (Uint8Array | readonly number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));
/** `bytes` at `at` in a zero-filled head of `size`. */
const at = (size: number, offset: number, bytes: Uint8Array): Uint8Array => {
  const head = new Uint8Array(size);
  head.set(bytes, offset);
  return head;
};
const binary = (hint: string) => ({ kind: 'binary', hint });
const unsupported = (name: string) => ({ kind: 'unsupported', name });


describe('sniffBytes', () => {
  it.each([
    ['empty', new Uint8Array(0), { kind: 'empty' }],
    ['gzip', b(0x1f, 0x8b, 0x08, 0), { kind: 'gzip' }],
    ['gzip magic with another method is not gzip', b(0x1f, 0x8b, 0x07, 0x41), binary('high share of control bytes')],
    ['UTF-16LE BOM', b(0xff, 0xfe, 0x41, 0), { kind: 'utf16', endian: 'le' }],
    ['UTF-16BE BOM', b(0xfe, 0xff, 0, 0x41), { kind: 'utf16', endian: 'be' }],
    ['UTF-32LE BOM', b(0xff, 0xfe, 0, 0), { kind: 'unsupported-encoding', name: 'UTF-32LE' }],
    ['zip', text('PK\u0003\u0004'), unsupported('zip')],
    ['bzip2', text('BZh9'), unsupported('bzip2')],
    ['"BZh" text is text', text('BZh is a word\n'), { kind: 'text' }],
    ['PNG', b(0x89, 0x50, 0x4e, 0x47), binary('PNG image')],
    ['UTF-16 without BOM', text('a\u0000b\u0000c\u0000d\u0000'), binary(expect.stringContaining('UTF-16'))],
    ['zeros only (not UTF-16)', new Uint8Array(64), binary('zero bytes only')],
    ['HAR', text('  {\n  "log": {'), { kind: 'har' }],
    ['JSON that is not HAR', text('{"level":"error"}'), { kind: 'text' }],
    ['ANSI colours are text', text('\u001b[31mERROR\u001b[0m\n'), { kind: 'text' }],
    ['one NUL in a text line is text', text(`ok line with a \u0000 inside\n${'more text\n'.repeat(5)}`), { kind: 'text' }],
  ])('%s', (_name, head, expected) => expect(sniffBytes(head)).toEqual(expected));
});

describe('sniffBytes: containers and binary formats by magic (A3, A23)', () => {
  const riff = (form: string) => join(text('RIFF'), [0x24, 0x08, 0, 0], text(form), text('fmt '));
  const bmp = (infoSize: number) => join(text('BM'), [0x36, 0x10, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, infoSize, 0, 0, 0, 0x10, 0]);
  const pe = at(256, 0, join(text('MZ'), [0x90, 0]));
  pe.set([0x80, 0, 0, 0], 0x3c);
  pe.set(text('PE\u0000\u0000'), 0x80);
  it.each([
    ['tar (ustar at 257)', at(512, 257, text('ustar\u000000')), unsupported('tar')],
    ['xz', b(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 4), unsupported('xz')],
    ['zstd', b(0x28, 0xb5, 0x2f, 0xfd, 0x24, 0), unsupported('zstd')],
    ['7z', b(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4), unsupported('7z')],
    ['RAR 4', join(text('Rar!\u001a\u0007\u0000'), [0xcf, 0x90]), unsupported('rar')],
    ['RAR 5', join(text('Rar!\u001a\u0007\u0001\u0000'), [0x33, 0x92]), unsupported('rar')],
    ['lz4', b(0x04, 0x22, 0x4d, 0x18, 0x64, 0x40), unsupported('lz4')],
    ['compress (.Z), 16-bit codes in block mode', b(0x1f, 0x9d, 0x90, 0x32, 0x60, 0xc0, 0x80, 0x31), unsupported('compress (.Z)')],
    ['compress (.Z), 12-bit codes', b(0x1f, 0x9d, 0x0c, 0x32, 0x60, 0xc0), unsupported('compress (.Z)')],
    ['pack (.z)', b(0x1f, 0x1e, 0, 0, 0, 0x2a, 0x07, 0x01), unsupported('pack (.z)')],
    ['lzip', join(text('LZIP'), [1, 0x0c, 0, 0x32, 0x9a]), unsupported('lzip')],
    ['"LZIP" as a word is text', text('LZIP is a compressor\n'), { kind: 'text' }],
    ['lzop', join([0x89], text('LZO'), [0, 0x0d, 0x0a, 0x1a, 0x0a, 0x10, 0x40]), unsupported('lzop')],
    ['lzma', b(0x5d, 0, 0, 0x80, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0), unsupported('lzma')],
    ['ar (a .deb)', text('!<arch>\ndebian-binary   1342177280  0     0     100644  4         `\n2.0\n'), unsupported('ar (.deb, .a)')],
    ['GIF87a', join(text('GIF87a'), [0x10, 0, 0x10, 0, 0x80, 0, 0]), binary('GIF image')],
    ['GIF89a', join(text('GIF89a'), [0x30, 0, 0x3c, 0, 0xe7, 0, 0]), binary('GIF image')],
    ['JPEG', b(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46), binary('JPEG image')],
    ['WebP', riff('WEBP'), binary('WebP image')],
    ['WAV', riff('WAVE'), binary('WAV audio')],
    ['AVI', riff('AVI '), binary('AVI video')],
    ['BMP (40-byte info header)', bmp(40), binary('BMP image')],
    ['BMP (124-byte info header)', bmp(124), binary('BMP image')],
    ['ICO', b(0, 0, 1, 0, 1, 0, 0x10, 0x10, 0, 0, 1, 0), binary('ICO icon')],
    ['TIFF little-endian', b(0x49, 0x49, 0x2a, 0, 8, 0, 0, 0), binary('TIFF image')],
    ['TIFF big-endian', b(0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8), binary('TIFF image')],
    ['MP4', join([0, 0, 0, 0x20], text('ftypisom'), [0, 0, 2, 0]), binary('MP4 or HEIF media')],
    ['HEIC', join([0, 0, 0, 0x18], text('ftypheic'), [0, 0, 0, 0]), binary('MP4 or HEIF media')],
    ['MOV', join([0, 0, 0, 0x14], text('ftypqt  '), [0, 0, 2, 0]), binary('QuickTime video')],
    ['MP3 with ID3v2.4', join(text('ID3'), [4, 0, 0, 0, 0, 0x23]), binary('MP3 audio')],
    ['Ogg', join(text('OggS'), [0, 2, 0, 0]), binary('Ogg media')],
    ['PDF', text('%PDF-1.7\n%\u00e2\u00e3\n'), binary('PDF document')],
    ['old Office (OLE2)', b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), binary('old Office document (OLE2)')],
    ['SQLite', text('SQLite format 3\u0000\u0010\u0000'), binary('SQLite database')],
    ['ELF', b(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0), binary('ELF executable')],
    ['PE (MZ, then PE\\0\\0 where 0x3C points)', pe, binary('Windows executable (PE)')],
    ['Mach-O 64-bit', b(0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1), binary('Mach-O executable')],
    ['Mach-O 32-bit big-endian', b(0xfe, 0xed, 0xfa, 0xce, 0, 0, 0, 0x12), binary('Mach-O executable')],
    ['Java class (major 52)', b(0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52), binary('Java class file')],
    ['Mach-O universal (2 archs)', b(0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2), binary('Mach-O universal binary')],
    ['WebAssembly', b(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4), binary('WebAssembly module')],
    ['Windows event log', join(text('ElfFile\u0000'), [0, 0, 0, 0]), binary('Windows event log (evtx)')],
    ['systemd journal', join(text('LPKSHHRH'), [0, 0, 0, 0]), binary('systemd journal file')],
    ['pcap', b(0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0), binary('packet capture (pcap)')],
    ['pcapng', b(0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a), binary('packet capture (pcapng)')],
    ['.DS_Store', join([0, 0, 0, 1], text('Bud1'), [0, 0, 0x10, 0]), binary('macOS .DS_Store')],
  ])('%s', (_name, head, expected) => expect(sniffBytes(head)).toEqual(expected));

  it.each([
    ['"SQLite f…" prose (not the 16-byte header)', 'SQLite for Debian\n-----------------\n'],
    ['"MZ" without a PE header', 'MZ-1302 rate limit reached\n'],
    ['"BM" without a BMP header', 'BM build 42 started\n'],
    ['"RIFF" without a known form', 'RIFF chunk parser: 1302 retry\n'],
    ['"ID3" prose', 'ID3 tag missing\n'],
    ['"GIF8" but not GIF87a/89a', 'GIF8 of the day\n'],
    ['"%PDF" without the dash', '%PDF is a token\n'],
    ['CR LF CR LF at the start (not pcapng)', '\r\n\r\n2026-08-25 ERROR 1302\n'],
  ])('weak magic in text stays text: %s', (_name, s) => expect(sniffBytes(text(s))).toEqual({ kind: 'text' }));
});

const RANDOM = binary('control bytes and invalid UTF-8 throughout');
const logLine = (i: number, message: string) => `2026-08-25T10:${String(i % 60).padStart(2, '0')}:00+08:00 ERROR 429 {"error":{"code":"1302","message":"${message}"}}\n`;
const logOf = (message: (i: number) => string, lines = 30) => Array.from({ length: lines }, (_, i) => logLine(i, message(i))).join('');
const ZH = '请求过于频繁，请稍后再试。您的账户已达到速率限制';

describe('sniffBytes: binary without magic, by density in the first KiB (A3)', () => {
  it.each([256, 512, 1024])('random bytes are binary: 300 seeds of %i bytes', (size) => {
    const verdicts = Array.from({ length: 300 }, (_, seed) => sniffBytes(randomBytes(seed + 1, size)));
    expect(verdicts.filter((v) => v.kind !== 'binary')).toEqual([]);
    expect(verdicts[0]).toEqual(RANDOM);
  });

  // A 1 KiB head: one plain line of `clean` bytes, then one line holding `control` 0x01 and `invalid` 0xFF bytes.
  const head = ({ clean = 0, control = 0, invalid = 0, size = 1024 }) => {
    const out = new Uint8Array(size).fill(0x78);
    if (clean > 0) out[clean] = 0x0a;
    const dirty = Array.from({ length: control + invalid }, (_, k) => (k < control ? 0x01 : 0xff));
    dirty.forEach((value, k) => (out[clean + 1 + Math.floor((k * (size - clean - 2)) / dirty.length)] = value));
    return out;
  };
  it.each([
    ['all three at their thresholds', { control: 41, invalid: 103 }, RANDOM],
    ['control bytes under 4%', { control: 40, invalid: 103 }, { kind: 'text' }],
    ['invalid UTF-8 under 10%', { control: 41, invalid: 102 }, { kind: 'text' }],
    ['63 bytes of plain lines', { clean: 63, control: 41, invalid: 103 }, RANDOM],
    ['64 bytes of plain lines (1/16)', { clean: 64, control: 41, invalid: 103 }, { kind: 'text' }],
    ['a small head with 8 control bytes', { size: 100, control: 8, invalid: 20 }, RANDOM],
    ['a small head with 7 control bytes', { size: 100, control: 7, invalid: 20 }, { kind: 'text' }],
  ])('edge: %s', (_name, counts, expected) => expect(sniffBytes(head(counts))).toEqual(expected));

  it.each([
    ['an ANSI-coloured log', text(logOf((i) => `\u001b[1;31mrate limit\u001b[0m \u001b[3${i % 8}m${i}\u001b[0m`))],
    ['a GB18030/GBK log (every non-ASCII byte invalid UTF-8)', encodeGb18030(logOf(() => ZH))],
    ['GBK without ASCII', encodeGb18030(`${ZH}\n`.repeat(30))],
    ['GBK, ANSI colours and a NUL every 4th line', encodeGb18030(logOf((i) => `\u001b[31m${ZH}\u001b[0m${i % 4 === 0 ? '\u0000' : ''}`))],
    ['a log with a few NUL bytes', text(logOf((i) => (i % 5 === 0 ? 'bad\u0000\u0000bytes' : 'ok')))],
    ['a NUL on every line', text(logOf(() => 'x\u0000'))],
    ['Latin-1 text (invalid UTF-8, no control bytes)', Uint8Array.from(logOf(() => 'Réessayez plus tard, café épuisé'), (c) => c.charCodeAt(0))],
    ['a FIX log (SOH between fields, valid UTF-8)', text('8=FIX.4.2\u00019=65\u000135=A\u000149=SERVER\u000156=CLIENT\u000110=062\u0001\n'.repeat(20))],
    ['a terminal transcript (backspace, bell, CR)', text('$ curl api\b\b\bapi.z.ai\r\n\u001b[?2004h\u0007error 1302\r\n'.repeat(30))],
    ['a short HTTP head, then a binary body filling the KiB', join(text('HTTP/1.1 500 Internal Server Error\nContent-Type: application/octet-stream\n\n'), randomBytes(7, 2000))],
    ['a binary line between text lines', join(text(logLine(1, 'before')), randomBytes(9, 400), text(`\n${logOf(() => 'after')}`))],
  ])('text stays text: %s', (_name, bytes) => expect(sniffBytes(bytes.subarray(0, 1024))).toEqual({ kind: 'text' }));
});
