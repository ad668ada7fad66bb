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
  readonly bytes: readonly number[];
}

/** Containers Quotalens does not open: named so the user knows what to do (decompress it first). */
const UNSUPPORTED: readonly Magic[] = [
  { name: 'zip', at: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'zip', at: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'zip', at: 0, bytes: [0x50, 0x4b, 0x07, 0x08] },
  { name: 'tar', at: 257, bytes: [0x75, 0x73, 0x74, 0x61, 0x72] },
  { name: 'bzip2', at: 0, bytes: [0x42, 0x5a, 0x68] },
  { name: 'xz', at: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'zstd', at: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: '7z', at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
];

/** Binary formats recognised by magic, whatever their control-byte share. */
const BINARY: readonly Magic[] = [
  { name: 'PNG image', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'ELF executable', at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'JPEG image', at: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: 'SQLite database', at: 0, bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { name: 'PDF document', at: 0, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

function hasMagic(head: Uint8Array, magic: Magic): boolean {
  if (head.length < magic.at + magic.bytes.length) return false;
  return magic.bytes.every((b, i) => head[magic.at + i] === b);
}

function isBzip2(head: Uint8Array): boolean {
  const level = head[3] ?? 0;
  return level >= 0x31 && level <= 0x39;
}

function findMagic(head: Uint8Array, table: readonly Magic[]): string | null {
  for (const magic of table) {
    if (!hasMagic(head, magic)) continue;
    if (magic.name === 'bzip2' && !isBzip2(head)) continue;
    return magic.name;
  }
  return null;
}

/** Control bytes other than tab, LF, VT, FF, CR and ESC (ANSI colours are common in logs). */
function isControl(b: number): boolean {
  return (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f);
}

function binaryHint(head: Uint8Array): string | null {
  let control = 0;
  let nulAtOdd = 0;
  let nulAtEven = 0;
  for (let i = 0; i < head.length; i += 1) {
    const b = head[i] ?? 0;
    if (isControl(b)) control += 1;
    if (b === 0) {
      if (i % 2 === 1) nulAtOdd += 1;
      else nulAtEven += 1;
    }
  }
  // A few NULs inside text lines are rejected per line (binary_data), not per file.
  if (control * 10 < head.length * 3) return null;
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
