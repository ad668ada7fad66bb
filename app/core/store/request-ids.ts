import { appendText, readText, reserve, type BytePool } from './byte-pool';
import type { EventStore } from './event-store';

/**
 * Request ids in the store's byte pool. Z.ai's are 14 digits of Beijing time and 16 or more hexadecimal
 * digits (`2026112008000240ec6b41c697c5e2`), so an id of lowercase hexadecimal digits alone is kept two digits
 * to a byte, after a marker byte: 16 bytes for those 30 characters. Other ids are kept as UTF-8. The markers
 * (0xFF: an even count of digits, 0xFE: odd, the last half byte unused) never occur in UTF-8.
 *
 * The ids are kept in row order, one after the other, and a row holds only its id's length: where an id
 * starts is the sum of the lengths before it (requestIdStart), which saved a column of four bytes per event.
 */
const PACKED_EVEN = 0xff;
const PACKED_ODD = 0xfe;
/** Shorter ids are kept as text: packing saves them little. */
const PACK_MIN = 8;
const HEX = '0123456789abcdef';
/** Digits of the longest id (REQUEST_ID_MAX characters) while it is read or searched. */
const scratch = new Uint8Array(256);
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Appends a request id; returns how many bytes it takes (its row's length). */
export function appendRequestId(pool: BytePool, id: string): number {
  if (!isPackable(id)) return appendText(pool, id);
  const bytes = 1 + Math.ceil(id.length / 2);
  reserve(pool, bytes);
  const at = pool.length;
  pool.bytes[at] = id.length % 2 === 0 ? PACKED_EVEN : PACKED_ODD;
  for (let k = 0; k < id.length; k += 2) {
    const high = digitValue(id.charCodeAt(k));
    const low = k + 1 < id.length ? digitValue(id.charCodeAt(k + 1)) : 0;
    pool.bytes[at + 1 + k / 2] = (high << 4) | low;
  }
  pool.length = at + bytes;
  return bytes;
}

/** The request id of `length` bytes at `start`. */
export function readRequestId(pool: BytePool, start: number, length: number): string {
  const digits = unpack(pool, start, length);
  return digits < 0 ? readText(pool, start, length) : decoder.decode(scratch.subarray(0, digits));
}

/**
 * Marks, per event, whether its request id contains `needle` (already lower-cased); ASCII letters compare
 * case-insensitively, other characters exactly. A packed id is unpacked before it is searched, unless the
 * needle holds a character no packed id has.
 */
export function markRequestIdsContaining(pool: BytePool, lengths: Uint8Array, size: number, needle: string): Uint8Array {
  const mask = new Uint8Array(size);
  const pattern = encoder.encode(needle);
  if (pattern.length === 0 || pattern.length > 255) return mask;
  const packedMayMatch = isHexDigits(needle);
  for (let i = 0, start = 0; i < size; start += lengths[i] ?? 0, i += 1) {
    const length = lengths[i] ?? 0;
    if (length === 0) continue;
    if ((pool.bytes[start] ?? 0) >= PACKED_ODD) {
      if (packedMayMatch && contains(scratch, 0, unpack(pool, start, length), pattern)) mask[i] = 1;
    } else if (contains(pool.bytes, start, length, pattern)) mask[i] = 1;
  }
  return mask;
}

/** Rows per block of the start index: a row's id starts where its block's does, plus the lengths before it in the block. */
const BLOCK_BITS = 8;

interface StartIndex {
  /** Rows are only appended while the store's epoch holds: the starts of complete blocks stay right. */
  readonly epoch: number;
  /** blocks[b]: where row b << BLOCK_BITS starts; `computed` of them are known. */
  blocks: Uint32Array;
  computed: number;
  /** The last row asked for and where it starts: rows read in order (an export) cost one addition each. */
  lastRow: number;
  lastStart: number;
}

const startIndexes = new WeakMap<EventStore, StartIndex>();

/** Where row `index`'s request id starts in the store's pool. */
export function requestIdStart(store: EventStore, index: number): number {
  const lengths = store.columns.requestIdLength;
  const at = startIndex(store, index >> BLOCK_BITS);
  let row = index >> BLOCK_BITS << BLOCK_BITS;
  let start = at.blocks[index >> BLOCK_BITS] ?? 0;
  if (at.lastRow >= row && at.lastRow <= index) {
    row = at.lastRow;
    start = at.lastStart;
  }
  for (; row < index; row += 1) start += lengths[row] ?? 0;
  at.lastRow = index;
  at.lastStart = start;
  return start;
}

/** The store's start index, with the starts of blocks 0..block known. */
function startIndex(store: EventStore, block: number): StartIndex {
  let index = startIndexes.get(store);
  if (index === undefined || index.epoch !== store.epoch) {
    index = { epoch: store.epoch, blocks: new Uint32Array(16), computed: 1, lastRow: 0, lastStart: 0 };
    startIndexes.set(store, index);
  }
  if (block < index.computed) return index;
  if (block >= index.blocks.length) {
    const grown = new Uint32Array(Math.max(block + 1, index.blocks.length * 2));
    grown.set(index.blocks.subarray(0, index.computed));
    index.blocks = grown;
  }
  const lengths = store.columns.requestIdLength;
  for (let b = index.computed; b <= block; b += 1) {
    let start = index.blocks[b - 1] ?? 0;
    for (let row = (b - 1) << BLOCK_BITS, end = b << BLOCK_BITS; row < end; row += 1) start += lengths[row] ?? 0;
    index.blocks[b] = start;
  }
  index.computed = block + 1;
  return index;
}

function isPackable(text: string): boolean {
  return text.length >= PACK_MIN && isHexDigits(text);
}

function isHexDigits(text: string): boolean {
  for (let k = 0; k < text.length; k += 1) if (digitValue(text.charCodeAt(k)) < 0) return false;
  return true;
}

/** 0–15 for `0`–`9` and `a`–`f`, else -1. */
function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  return code >= 97 && code <= 102 ? code - 87 : -1;
}

/** Writes a packed id's digits into `scratch` and returns how many; -1 for an id kept as text. */
function unpack(pool: BytePool, start: number, length: number): number {
  const marker = pool.bytes[start] ?? 0;
  if (length === 0 || marker < PACKED_ODD) return -1;
  const digits = (length - 1) * 2 - (marker === PACKED_ODD ? 1 : 0);
  for (let k = 0; k < digits; k += 1) {
    const byte = pool.bytes[start + 1 + (k >> 1)] ?? 0;
    scratch[k] = HEX.charCodeAt((k & 1) === 0 ? byte >> 4 : byte & 15);
  }
  return digits;
}

/** Whether `bytes[start, start + length)` contains `pattern` (lower-case), ASCII letters folded. */
function contains(bytes: Uint8Array, start: number, length: number, pattern: Uint8Array): boolean {
  const m = pattern.length;
  const first = pattern[0] ?? 0;
  // Most positions fail on their first byte: test it against both cases before the full comparison.
  const firstUpper = first >= 0x61 && first <= 0x7a ? first - 0x20 : first;
  for (let p = start, end = start + length - m; p <= end; p += 1) {
    const b = bytes[p];
    if (b !== first && b !== firstUpper) continue;
    let k = 1;
    while (k < m && foldAscii(bytes[p + k] ?? 0) === pattern[k]) k += 1;
    if (k === m) return true;
  }
  return false;
}

function foldAscii(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}
