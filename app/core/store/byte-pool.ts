import { GROWTH } from './columns';
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
// A text kept with a leading U+FEFF (a byte order mark spliced into a log) is given back with it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

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
 * pool grows to fit them, not by its growth step: they come at once, once the file is read, and the room a
 * step leaves would stay empty (about 4 MB of a 1 GiB log's request ids when it doubled).
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

/** Makes room for `size` more bytes, growing the pool by half again (GROWTH, as the columns) as needed. */
export function reserve(pool: BytePool, size: number): void {
  if (pool.length + size <= pool.bytes.length) return;
  let capacity = Math.max(16, Math.ceil(pool.bytes.length * GROWTH));
  while (capacity < pool.length + size) capacity = Math.ceil(capacity * GROWTH);
  resize(pool, capacity);
}

function resize(pool: BytePool, capacity: number): void {
  const next = new Uint8Array(capacity);
  next.set(pool.bytes.subarray(0, pool.length));
  releaseBuffers([pool.bytes]);
  pool.bytes = next;
}
