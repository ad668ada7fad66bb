/** Longest gzip header accepted (FEXTRA + FNAME + FCOMMENT); longer is treated as corrupt. */
export const MAX_GZIP_HEADER_BYTES = 65536;

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;
const RESERVED = 0xe0;

/** Length of a complete gzip member header, 'more' if the bytes end inside it, 'invalid' if it is not one. */
export type GzipHeaderParse = number | 'more' | 'invalid';

function skipZeroTerminated(bytes: Uint8Array, from: number): number {
  const end = bytes.indexOf(0, from);
  return end < 0 ? -1 : end + 1;
}

/**
 * Parses the member header at the start of `bytes` (RFC 1952 2.3).
 * Example: `parseGzipHeader(Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3))` → `10`.
 */
export function parseGzipHeader(bytes: Uint8Array): GzipHeaderParse {
  if (bytes.length < 10) return bytes.length >= 3 && !hasMagic(bytes) ? 'invalid' : 'more';
  if (!hasMagic(bytes)) return 'invalid';
  const flags = bytes[3] ?? 0;
  if (flags & RESERVED) return 'invalid';
  let at = 10;
  if (flags & FEXTRA) {
    if (bytes.length < at + 2) return 'more';
    at += 2 + ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8));
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    if (at >= bytes.length) return 'more';
    const next = skipZeroTerminated(bytes, at);
    if (next < 0) return 'more';
    at = next;
  }
  if (flags & FHCRC) at += 2;
  return at <= bytes.length ? at : 'more';
}

function hasMagic(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** True while `bytes` (1 to 3 bytes) could still be the start of a gzip magic. */
export function isMagicPrefix(bytes: Uint8Array): boolean {
  const magic = [0x1f, 0x8b, 0x08];
  for (let i = 0; i < bytes.length && i < 3; i += 1) if (bytes[i] !== magic[i]) return false;
  return true;
}
