import type { RejectReason } from '../classify/outcome';
import { concatBytes } from './bytes';
import { createTerminatorFinder } from './terminators';
import { REJECTED_HEAD_BYTES, REJECTED_TEXT_CHARS, type LineKind, type LineSink, type LineSplitter } from './line-types';

const LF = 10;
const CR = 13;
/** Bytes split and decoded as one batch by default; bounds the size of any string built here. */
const BATCH_BYTES = 1 << 20;

/**
 * The encodings a text file may be read in: UTF-8, or GB18030 (a superset of GBK and GB2312, what Chinese Windows
 * writes). Both keep ASCII as is and never use 0x0A or 0x0D inside a multi-byte character (GB18030's trail bytes
 * are 0x30–0x39 and 0x40–0xFE), so the splitting below holds for either.
 */
export const TEXT_ENCODINGS = ['utf-8', 'gb18030'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/**
 * Splits UTF-8 (or GB18030) bytes into lines on LF, CRLF and lone CR, working on bytes so offsets, lengths and the cap
 * are exact in bytes. The complete lines of a chunk are decoded in one `TextDecoder` call and the string is
 * split at the same terminators (0x0A / 0x0D never occur inside a multi-byte sequence, and the decoder keeps
 * them one to one even after invalid bytes). A line split across chunks is held as bytes, so characters cut
 * by a chunk boundary decode whole. Past `maxLineBytes` the line is skipped: only its first bytes are kept.
 */
export function createUtf8LineSplitter(options: { maxLineBytes: number; onLine: LineSink; batchBytes?: number; encoding?: TextEncodingName }): LineSplitter {
  const { maxLineBytes, onLine, batchBytes = BATCH_BYTES, encoding = 'utf-8' } = options;
  const textDecoder = new TextDecoder(encoding, { ignoreBOM: true });
  const strict = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  // A UTF-8 byte order mark read as GB18030 would be two characters that swallow the line's first byte (`{`):
  // it is decoded as the one U+FEFF the UTF-8 path gives, so the first line reads the same either way.
  let atStart = encoding !== 'utf-8';
  const decoder = {
    decode(bytes: Uint8Array): string {
      if (!atStart) return textDecoder.decode(bytes);
      atStart = false;
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      return bom ? `\uFEFF${textDecoder.decode(bytes.subarray(3))}` : textDecoder.decode(bytes);
    },
  };
  let pieces: Uint8Array[] = [];
  let held = 0;
  let skipping = false;
  let head: Uint8Array = new Uint8Array(0);
  let pendingCr = false;

  const isValid = (bytes: Uint8Array): boolean => {
    try {
      strict.decode(bytes);
      return true;
    } catch {
      return false;
    }
  };

  const kindOf = (text: string, bytes: Uint8Array, hasNul: boolean, hasFffd: boolean): LineKind => {
    if (hasNul && text.includes('\u0000')) return 'binary_data';
    if (hasFffd && text.includes('\uFFFD') && !isValid(bytes)) return 'invalid_utf8';
    return 'ok';
  };

  const emitLong = (text: string, contentBytes: number, termBytes: number): void => {
    onLine(text.slice(0, REJECTED_TEXT_CHARS), contentBytes, termBytes, 'line_too_long');
  };

  const emitHeld = (termBytes: number, tailReason: RejectReason | null): void => {
    if (skipping) emitLong(decoder.decode(head), held, termBytes);
    else {
      const bytes = pieces.length === 0 ? new Uint8Array(0) : concatBytes(pieces);
      const text = decoder.decode(bytes);
      const kind = tailReason ?? kindOf(text, bytes, true, true);
      onLine(kind === 'ok' || kind === 'invalid_utf8' ? text : text.slice(0, REJECTED_TEXT_CHARS), held, termBytes, kind);
    }
    pieces = [];
    held = 0;
    skipping = false;
    head = new Uint8Array(0);
  };

  const hold = (bytes: Uint8Array): void => {
    if (bytes.length === 0) return;
    if (!skipping && held + bytes.length > maxLineBytes) {
      head = concatBytes(pieces).slice(0, REJECTED_HEAD_BYTES);
      pieces = [];
      skipping = true;
    }
    if (!skipping) pieces.push(bytes.slice());
    else if (head.length < REJECTED_HEAD_BYTES) {
      head = concatBytes([head, bytes.subarray(0, REJECTED_HEAD_BYTES - head.length)]);
    }
    held += bytes.length;
  };

  /** Emits the complete lines of `bytes`, which ends with a terminator. */
  const emitBatch = (bytes: Uint8Array): void => {
    const text = decoder.decode(bytes);
    const hasFffd = text.includes('\uFFFD');
    const isAscii = text.length === bytes.length && !hasFffd;
    const hasNul = text.includes('\u0000');
    if (hasNul || hasFffd || text.includes('\r')) emitGeneral(bytes, text, isAscii, hasNul, hasFffd);
    else if (isAscii) emitAsciiLf(text);
    else emitValidLf(bytes, text);
  };

  const emitAsciiLf = (text: string): void => {
    for (let at = 0; at < text.length; ) {
      const end = text.indexOf('\n', at);
      const length = end - at;
      if (length > maxLineBytes) emitLong(text.slice(at, Math.min(end, at + REJECTED_TEXT_CHARS)), length, 1);
      else onLine(text.slice(at, end), length, 1, 'ok');
      at = end + 1;
    }
  };

  /** Valid UTF-8 with LF only, not all ASCII: emitGeneral without the CR and per-line kind checks. */
  const emitValidLf = (bytes: Uint8Array, text: string): void => {
    for (let byteAt = 0, charAt = 0; byteAt < bytes.length; ) {
      const byteEnd = bytes.indexOf(LF, byteAt);
      const charEnd = text.indexOf('\n', charAt);
      const length = byteEnd - byteAt;
      if (length > maxLineBytes) emitLong(text.slice(charAt, Math.min(charEnd, charAt + REJECTED_TEXT_CHARS)), length, 1);
      else onLine(text.slice(charAt, charEnd), length, 1, 'ok');
      byteAt = byteEnd + 1;
      charAt = charEnd + 1;
    }
  };

  const emitGeneral = (bytes: Uint8Array, text: string, isAscii: boolean, hasNul: boolean, hasFffd: boolean): void => {
    const byteEnds = createTerminatorFinder((from, code) => bytes.indexOf(code, from));
    const charEnds = isAscii ? byteEnds : createTerminatorFinder((from, code) => text.indexOf(code === LF ? '\n' : '\r', from));
    let byteAt = 0;
    let charAt = 0;
    while (byteAt < bytes.length) {
      const byteEnd = byteEnds(byteAt);
      const charEnd = isAscii ? byteEnd : charEnds(charAt);
      const termBytes = bytes[byteEnd] === CR && bytes[byteEnd + 1] === LF ? 2 : 1;
      const length = byteEnd - byteAt;
      if (length > maxLineBytes) emitLong(text.slice(charAt, Math.min(charEnd, charAt + REJECTED_TEXT_CHARS)), length, termBytes);
      else {
        const line = text.slice(charAt, charEnd);
        const kind = hasNul || hasFffd ? kindOf(line, bytes.subarray(byteAt, byteEnd), hasNul, hasFffd) : 'ok';
        onLine(kind === 'binary_data' ? line.slice(0, REJECTED_TEXT_CHARS) : line, length, termBytes, kind);
      }
      byteAt = byteEnd + termBytes;
      charAt = charEnd + termBytes;
    }
  };

  /** Splits a chunk that starts at a line start (nothing held). */
  const splitFresh = (chunk: Uint8Array, start: number): void => {
    const last = lastTerminator(chunk);
    if (last < start) return hold(chunk.subarray(start));
    if (last === chunk.length - 1 && chunk[last] === CR) {
      // The line ending in this CR waits: an LF may start the next chunk.
      const before = lastTerminator(chunk.subarray(0, last));
      const lineStart = before >= start ? before + 1 : start;
      if (lineStart > start) emitBatch(chunk.subarray(start, lineStart));
      hold(chunk.subarray(lineStart, last));
      pendingCr = true;
      return;
    }
    emitBatch(chunk.subarray(start, last + 1));
    hold(chunk.subarray(last + 1));
  };

  const pushSlice = (chunk: Uint8Array): void => {
    if (chunk.length === 0) return;
    let start = 0;
    if (pendingCr) {
      pendingCr = false;
      start = chunk[0] === LF ? 1 : 0;
      emitHeld(start + 1, null);
    } else if (held > 0) {
      const end = nextTerminator(chunk, 0);
      if (end < 0) return hold(chunk);
      hold(chunk.subarray(0, end));
      if (chunk[end] === CR && end === chunk.length - 1) {
        pendingCr = true;
        return;
      }
      const termBytes = chunk[end] === CR && chunk[end + 1] === LF ? 2 : 1;
      emitHeld(termBytes, null);
      start = end + termBytes;
    }
    splitFresh(chunk, start);
  };

  return {
    push: (chunk) => {
      for (let at = 0; at < chunk.length; at += batchBytes) pushSlice(chunk.subarray(at, at + batchBytes));
    },
    finish: (tailReason) => {
      if (pendingCr) {
        pendingCr = false;
        emitHeld(1, null);
      } else if (held > 0) emitHeld(0, tailReason);
    },
    heldBytes: () => held + (pendingCr ? 1 : 0),
  };
}

/** Index of the first LF or CR, or -1; the CR search stops at the first LF (no full scan for LF files). */
function nextTerminator(bytes: Uint8Array, from: number): number {
  const lf = bytes.indexOf(LF, from);
  const cr = (lf < 0 ? bytes : bytes.subarray(0, lf)).indexOf(CR, from);
  return cr >= 0 ? cr : lf;
}

/** Index of the last LF or CR, or -1; the CR search covers only what follows the last LF. */
function lastTerminator(bytes: Uint8Array): number {
  const lf = bytes.lastIndexOf(LF);
  const cr = bytes.subarray(lf + 1).lastIndexOf(CR);
  return cr >= 0 ? lf + 1 + cr : lf;
}
