import { releaseBuffers } from './release-buffers';

/**
 * Append-only UTF-8 text pool for strings that are nearly always unique (request ids): one growing
 * Uint8Array instead of one JS string and one Map entry per event (about 24 bytes instead of about 136
 * per id, measured on 1 M ids). Events hold `start` and `length` into it.
 */
export interface BytePool {
  bytes: Uint8Array;
  length: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createBytePool(capacity = 4096): BytePool {
  return { bytes: new Uint8Array(capacity), length: 0 };
}

/** Appends `text` and returns its byte length (it starts at the pool's length before the call). */
export function appendText(pool: BytePool, text: string): number {
  if (appendAscii(pool, text)) return text.length;
  const encoded = encoder.encode(text);
  reserve(pool, encoded.length);
  pool.bytes.set(encoded, pool.length);
  pool.length += encoded.length;
  return encoded.length;
}

/** Appends `text` when it is all ASCII (one byte per character) and says so; other text is not appended. */
export function appendAscii(pool: BytePool, text: string): boolean {
  reserve(pool, text.length);
  const bytes = pool.bytes;
  const start = pool.length;
  for (let k = 0; k < text.length; k += 1) {
    const c = text.charCodeAt(k);
    if (c > 0x7f) return false;
    bytes[start + k] = c;
  }
  pool.length = start + text.length;
  return true;
}

/**
 * Appends raw bytes (another pool's, when the parts of a file are joined) and returns where they start. The
 * pool grows to fit them, not by doubling: they come at once, once the file is read, and the room doubling
 * leaves would stay empty (about 4 MB of a 1 GiB log's request ids).
 */
export function appendBytes(pool: BytePool, bytes: Uint8Array): number {
  const base = pool.length;
  if (base + bytes.length > pool.bytes.length) resize(pool, base + bytes.length);
  pool.bytes.set(bytes, base);
  pool.length = base + bytes.length;
  return base;
}

export function readText(pool: BytePool, start: number, length: number): string {
  return decoder.decode(pool.bytes.subarray(start, start + length));
}

function reserve(pool: BytePool, size: number): void {
  if (pool.length + size <= pool.bytes.length) return;
  let capacity = Math.max(1, pool.bytes.length * 2);
  while (capacity < pool.length + size) capacity *= 2;
  resize(pool, capacity);
}

function resize(pool: BytePool, capacity: number): void {
  const next = new Uint8Array(capacity);
  next.set(pool.bytes.subarray(0, pool.length));
  releaseBuffers([pool.bytes]);
  pool.bytes = next;
}

/**
 * Marks, per event, whether its text contains `needle` (already lower-cased); ASCII letters compare
 * case-insensitively, other characters exactly. One linear pass over the pool.
 */
export function markContaining(pool: BytePool, starts: Uint32Array, lengths: Uint8Array, size: number, needle: string): Uint8Array {
  const mask = new Uint8Array(size);
  const pattern = encoder.encode(needle);
  const m = pattern.length;
  if (m === 0 || m > 255) return mask;
  const bytes = pool.bytes;
  // Most positions fail on their first byte: test it against both cases before the full comparison.
  const first = pattern[0] ?? 0;
  const firstUpper = first >= 0x61 && first <= 0x7a ? first - 0x20 : first;
  for (let i = 0; i < size; i += 1) {
    const length = lengths[i] ?? 0;
    if (length < m) continue;
    const start = starts[i] ?? 0;
    const end = start + length - m;
    for (let p = start; p <= end; p += 1) {
      const b = bytes[p];
      if (b !== first && b !== firstUpper) continue;
      let k = 1;
      while (k < m && foldAscii(bytes[p + k] ?? 0) === pattern[k]) k += 1;
      if (k === m) {
        mask[i] = 1;
        break;
      }
    }
  }
  return mask;
}

function foldAscii(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}
