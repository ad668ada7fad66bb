/** How many leading bytes the sniffer looks at; it waits for them (or the end of input) before deciding. */
export const SNIFF_BYTES = 1024;

export type Sniffed =
  | { readonly kind: 'empty' }
  | { readonly kind: 'gzip' }
  | { readonly kind: 'unsupported'; readonly name: string }
  | { readonly kind: 'unsupported-encoding'; readonly name: string }
  | { readonly kind: 'binary'; readonly hint: string }
  | { readonly kind: 'utf16'; readonly endian: 'le' | 'be' }
  | { readonly kind: 'har' }
  | { readonly kind: 'text' };

interface Magic {
  readonly name: string;
  readonly at: number;
  /** The bytes expected from `at` on; `_` (null) matches any byte (a size field, say). */
  readonly bytes: readonly (number | null)[];
  /** A further check where the bytes alone are too weak or shared by two formats. */
  readonly isMatch?: (head: Uint8Array) => boolean;
}

const _ = null;
const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const u32le = (head: Uint8Array, at: number): number =>
  (head[at] ?? 0) + (head[at + 1] ?? 0) * 0x100 + (head[at + 2] ?? 0) * 0x10000 + (head[at + 3] ?? 0) * 0x1000000;

/** bzip2's "BZh" is followed by the block size digit 1–9 ("BZh is a word" is text). */
const isBzip2 = (head: Uint8Array): boolean => (head[3] ?? 0) >= 0x31 && (head[3] ?? 0) <= 0x39;
/** "MZ" alone starts words; a PE file has "PE\0\0" where the 32-bit field at 0x3C points. */
function isPe(head: Uint8Array): boolean {
  const at = u32le(head, 0x3c);
  return at + 4 <= head.length && head[at] === 0x50 && head[at + 1] === 0x45 && head[at + 2] === 0 && head[at + 3] === 0;
}
/** BMP: "BM", size, four zero reserved bytes, then an info header of a known size (12, 40, 52, 56, 64, 108, 124). */
const isBmp = (head: Uint8Array): boolean => [12, 40, 52, 56, 64, 108, 124].includes(head[14] ?? 0);
/** CA FE BA BE is a Java class when a major version (45+) follows, else a Mach-O universal binary's arch count. */
const isJavaClass = (head: Uint8Array): boolean => head[6] === 0 && (head[7] ?? 0) >= 45;
/** Unix compress (.Z): after 1F 9D, a flags byte whose low five bits are the code width (9–16) and bits 5–6 clear. */
const isCompressZ = (head: Uint8Array): boolean => ((head[2] ?? 0) & 0x60) === 0 && ((head[2] ?? 0) & 0x1f) >= 9 && ((head[2] ?? 0) & 0x1f) <= 16;

/** Containers Quotalens does not open: named so the user knows what to do (decompress it first). */
const UNSUPPORTED: readonly Magic[] = [
  { name: 'zip', at: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'zip', at: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'zip', at: 0, bytes: [0x50, 0x4b, 0x07, 0x08] },
  { name: 'tar', at: 257, bytes: ascii('ustar') },
  { name: 'bzip2', at: 0, bytes: ascii('BZh'), isMatch: isBzip2 },
  { name: 'xz', at: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'zstd', at: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: '7z', at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'rar', at: 0, bytes: ascii('Rar!\u001a\u0007') },
  { name: 'lz4', at: 0, bytes: [0x04, 0x22, 0x4d, 0x18] },
  { name: 'ar (.deb, .a)', at: 0, bytes: ascii('!<arch>\n') },
  { name: 'compress (.Z)', at: 0, bytes: [0x1f, 0x9d, _], isMatch: isCompressZ },
  { name: 'pack (.z)', at: 0, bytes: [0x1f, 0x1e] },
  { name: 'lzip', at: 0, bytes: [...ascii('LZIP'), _], isMatch: (head) => head[4] === 0 || head[4] === 1 },
  { name: 'lzop', at: 0, bytes: [0x89, ...ascii('LZO'), 0, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'lzma', at: 0, bytes: [0x5d, 0, 0] },
];

/** Binary formats recognised by magic, whatever their control-byte share: files a user may drop by mistake. */
const BINARY: readonly Magic[] = [
  { name: 'PNG image', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'GIF image', at: 0, bytes: ascii('GIF87a') },
  { name: 'GIF image', at: 0, bytes: ascii('GIF89a') },
  { name: 'JPEG image', at: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: 'WebP image', at: 0, bytes: [...ascii('RIFF'), _, _, _, _, ...ascii('WEBP')] },
  { name: 'WAV audio', at: 0, bytes: [...ascii('RIFF'), _, _, _, _, ...ascii('WAVE')] },
  { name: 'AVI video', at: 0, bytes: [...ascii('RIFF'), _, _, _, _, ...ascii('AVI ')] },
  { name: 'BMP image', at: 0, bytes: [...ascii('BM'), _, _, _, _, 0, 0, 0, 0, _, _, _, _, _, 0, 0, 0], isMatch: isBmp },
  { name: 'ICO icon', at: 0, bytes: [0, 0, 1, 0, _, 0, _, _, _, 0], isMatch: (head) => (head[4] ?? 0) > 0 },
  { name: 'TIFF image', at: 0, bytes: [...ascii('II*'), 0] },
  { name: 'TIFF image', at: 0, bytes: [...ascii('MM'), 0, 0x2a] },
  { name: 'QuickTime video', at: 0, bytes: [0, _, _, _, ...ascii('ftypqt  ')] },
  { name: 'MP4 or HEIF media', at: 0, bytes: [0, _, _, _, ...ascii('ftyp')] },
  { name: 'MP3 audio', at: 0, bytes: [...ascii('ID3'), _, 0], isMatch: (head) => [2, 3, 4].includes(head[3] ?? 0) },
  { name: 'Ogg media', at: 0, bytes: [...ascii('OggS'), 0] },
  { name: 'PDF document', at: 0, bytes: ascii('%PDF-') },
  { name: 'old Office document (OLE2)', at: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'SQLite database', at: 0, bytes: ascii('SQLite format 3\u0000') },
  { name: 'ELF executable', at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'Windows executable (PE)', at: 0, bytes: ascii('MZ'), isMatch: isPe },
  { name: 'Mach-O executable', at: 0, bytes: [0xfe, 0xed, 0xfa, 0xce] },
  { name: 'Mach-O executable', at: 0, bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { name: 'Mach-O executable', at: 0, bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { name: 'Mach-O executable', at: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: 'Java class file', at: 0, bytes: [0xca, 0xfe, 0xba, 0xbe], isMatch: isJavaClass },
  { name: 'Mach-O universal binary', at: 0, bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { name: 'WebAssembly module', at: 0, bytes: [0, ...ascii('asm'), 1, 0, 0, 0] },
  { name: 'Windows event log (evtx)', at: 0, bytes: ascii('ElfFile\u0000') },
  { name: 'systemd journal file', at: 0, bytes: ascii('LPKSHHRH') },
  { name: 'packet capture (pcap)', at: 0, bytes: [0xd4, 0xc3, 0xb2, 0xa1] },
  { name: 'packet capture (pcap)', at: 0, bytes: [0xa1, 0xb2, 0xc3, 0xd4] },
  { name: 'packet capture (pcapng)', at: 0, bytes: [0x0a, 0x0d, 0x0d, 0x0a, _, _, _, _, 0x1a, 0x2b, 0x3c, 0x4d] },
  { name: 'packet capture (pcapng)', at: 0, bytes: [0x0a, 0x0d, 0x0d, 0x0a, _, _, _, _, 0x4d, 0x3c, 0x2b, 0x1a] },
  { name: 'macOS .DS_Store', at: 0, bytes: [0, 0, 0, 1, ...ascii('Bud1')] },
];

function hasMagic(head: Uint8Array, magic: Magic): boolean {
  if (head.length < magic.at + magic.bytes.length) return false;
  if (!magic.bytes.every((b, i) => b === null || head[magic.at + i] === b)) return false;
  return magic.isMatch?.(head) ?? true;
}

function findMagic(head: Uint8Array, table: readonly Magic[]): string | null {
  return table.find((magic) => hasMagic(head, magic))?.name ?? null;
}

/** Control bytes other than tab, LF, VT, FF, CR and ESC (ANSI colours are common in logs). */
function isControl(b: number): boolean {
  return (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f);
}

interface HeadCounts {
  readonly control: number;
  readonly nulAtOdd: number;
  readonly nulAtEven: number;
  /** Bytes that start no well-formed UTF-8 sequence (each one a U+FFFD, roughly). */
  readonly invalid: number;
  /** Bytes in lines (ended by LF or CR) with no control byte and no invalid UTF-8: plain text lines. */
  readonly clean: number;
}

/** Length of the well-formed UTF-8 sequence at `i` (1 for ASCII) or 0; one cut by the head's end counts whole. */
function utf8Length(head: Uint8Array, i: number): number {
  const lead = head[i] ?? 0;
  if (lead < 0x80) return 1;
  const size = lead < 0xc2 ? 0 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf5 ? 4 : 0;
  // The second byte's range rules out overlongs (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  for (let k = 1; k < size; k += 1) {
    if (i + k >= head.length) return head.length - i;
    const b = head[i + k] ?? 0;
    if (b < (k === 1 ? low : 0x80) || b > (k === 1 ? high : 0xbf)) return 0;
  }
  return size;
}

function countHead(head: Uint8Array): HeadCounts {
  const counts = { control: 0, nulAtOdd: 0, nulAtEven: 0, invalid: 0, clean: 0 };
  let lineStart = 0;
  let isLineClean = true;
  for (let i = 0; i <= head.length; ) {
    const b = i < head.length ? (head[i] ?? 0) : 0x0a;
    if (b === 0x0a || b === 0x0d) {
      if (isLineClean) counts.clean += i - lineStart;
      lineStart = i + 1;
      isLineClean = true;
      i += 1;
    } else if (isControl(b)) {
      counts.control += 1;
      if (b === 0) counts[i % 2 === 1 ? 'nulAtOdd' : 'nulAtEven'] += 1;
      isLineClean = false;
      i += 1;
    } else {
      const length = utf8Length(head, i);
      if (length === 0) counts.invalid += 1;
      if (length === 0) isLineClean = false;
      i += Math.max(length, 1);
    }
  }
  return counts;
}

/**
 * Random, compressed or encrypted bytes (no magic, few NULs): 27 of the 256 byte values are control bytes
 * (10.5%: 108 ± 10 in a KiB) and ~45% of bytes are invalid UTF-8. A text log has neither: ANSI colours are
 * ESC, GB18030 text is invalid UTF-8 but has no control bytes, an odd NUL is a handful. So all three must
 * hold: control bytes ≥ 4% (and ≥ 8), invalid UTF-8 ≥ 10%, and plain text lines under 1/16 of the head
 * (64 bytes of a KiB), so a text head with a binary line in it (an HTTP body) stays text, rejected per line.
 */
function looksRandom(head: Uint8Array, counts: HeadCounts): boolean {
  if (counts.control < 8 || counts.control * 25 < head.length) return false;
  return counts.invalid * 10 >= head.length && counts.clean * 16 < head.length;
}

function binaryHint(head: Uint8Array): string | null {
  const counts = countHead(head);
  const { control, nulAtOdd, nulAtEven } = counts;
  // A few NULs inside text lines are rejected per line (binary_data), not per file.
  if (control * 10 < head.length * 3) {
    return looksRandom(head, counts) ? 'control bytes and invalid UTF-8 throughout' : null;
  }
  const half = head.length / 2;
  // Zeros only (a file preallocated and never written, a gzip bomb) are not text in any encoding.
  if (nulAtOdd + nulAtEven === head.length) return 'zero bytes only';
  if (nulAtOdd > half * 0.8 || nulAtEven > half * 0.8) return 'looks like UTF-16 text without a byte order mark; save it as UTF-8';
  return 'high share of control bytes';
}

const HAR_START = /^\s*\{\s*"log"\s*:/;

function looksLikeHar(head: Uint8Array): boolean {
  let start = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  let text = '';
  const end = Math.min(head.length, start + 256);
  for (let i = start; i < end; i += 1) text += String.fromCharCode(head[i] ?? 0);
  return HAR_START.test(text);
}

/**
 * Decides what a byte stream is from its first bytes (up to SNIFF_BYTES), never from a file name.
 * Example: `sniffBytes(new Uint8Array([0x1f, 0x8b, 0x08]))` → `{ kind: 'gzip' }`.
 */
export function sniffBytes(head: Uint8Array): Sniffed {
  if (head.length === 0) return { kind: 'empty' };
  if (head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08) return { kind: 'gzip' };
  if (head[0] === 0xff && head[1] === 0xfe) {
    if (head[2] === 0 && head[3] === 0) return { kind: 'unsupported-encoding', name: 'UTF-32LE' };
    return { kind: 'utf16', endian: 'le' };
  }
  if (head[0] === 0xfe && head[1] === 0xff) return { kind: 'utf16', endian: 'be' };
  if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) {
    return { kind: 'unsupported-encoding', name: 'UTF-32BE' };
  }
  const container = findMagic(head, UNSUPPORTED);
  if (container !== null) return { kind: 'unsupported', name: container };
  const binary = findMagic(head, BINARY);
  if (binary !== null) return { kind: 'binary', hint: binary };
  const hint = binaryHint(head);
  if (hint !== null) return { kind: 'binary', hint };
  if (looksLikeHar(head)) return { kind: 'har' };
  return { kind: 'text' };
}
