import type { RejectReason } from '../classify/outcome';
import { formatCount } from '../text/count-text';
import { concatBytes } from './bytes';
import { updateCrc32 } from './crc32';
import { MAX_GZIP_HEADER_BYTES, isMagicPrefix, parseGzipHeader } from './gzip-header';
import { createRawInflater, type RawInflater } from './inflate-raw';
import { INGEST_LIMITS, sizeText } from './ingest-limits';

/** Compressed bytes handed to the inflater at once: bounds one output burst to about 64 MiB (deflate ratio ≤ 1032). */
const PIECE_BYTES = 65536;
/**
 * RELIABILITY R11: a bomb stops at the output cap, or once 256 MiB are out at a ratio past 1,000:1, which only
 * degenerate data reaches (zeros, one byte repeated; text logs compress about 10:1, repetitive JSON under 100:1).
 */
const RATIO_AFTER_BYTES = INGEST_LIMITS.gzipRatioAfterBytes;
const MAX_RATIO = INGEST_LIMITS.gzipMaxRatio;

export interface GunzipResult {
  /** Members whose header was read (a truncated last member counts). */
  readonly members: number;
  /** How the last, unterminated line of the output must be rejected, or null when the stream ended cleanly. */
  readonly tailReason: RejectReason | null;
  /** Input that was not decompressed (trailing junk, the rest after an error or the cap), by reason. */
  readonly dropped: ReadonlyArray<{ readonly reason: RejectReason; readonly bytes: number }>;
  /** Input taken in by the decompressor: member headers, deflate data, trailers. */
  readonly inflated: number;
  /**
   * Input held for a header, trailer or magic not complete when the stream was cancelled (0 when not cancelled:
   * the end counts it as dropped). inflated + dropped + pending = every byte pushed.
   */
  readonly pending: number;
  readonly notices: readonly string[];
}

/** What a byte of input became: taken in by the decompressor, or left out for a reason. */
export type GunzipInputUse = 'inflated' | RejectReason;

export interface GunzipStream {
  push(chunk: Uint8Array): void;
  /** Ends the stream; `cancelled` skips the truncation checks. */
  finish(cancelled?: boolean): GunzipResult;
}

type State = 'magic' | 'header' | 'deflate' | 'trailer' | 'stopped';

/**
 * Streaming multi-member gunzip with exact accounting: every member decoded, trailers checked (CRC-32 and
 * size), truncation, corruption, trailing junk and the output cap reported instead of passing silently.
 */
export function createGunzipStream(options: {
  onData: (chunk: Uint8Array) => void;
  /**
   * Told of the input bytes as they are accounted for, so that a caller can keep a ledger of the compressed bytes
   * while reading: each byte pushed is told once, as inflated or dropped, except those still pending.
   */
  onInput?: (use: GunzipInputUse, bytes: number) => void;
  maxOutputBytes: number;
  /** Past this much output, a ratio to the compressed bytes read above `maxRatio` stops the stream. */
  ratioAfterBytes?: number;
  maxRatio?: number;
}): GunzipStream {
  const { onData, onInput = () => undefined, maxOutputBytes, ratioAfterBytes = RATIO_AFTER_BYTES, maxRatio = MAX_RATIO } = options;
  /** Compressed bytes read up to the end of the piece being inflated: what the output so far came from. */
  let inflatedFrom = 0;
  let state: State = 'magic';
  let held: Uint8Array = new Uint8Array(0);
  let pos = 0;
  let members = 0;
  let totalOut = 0;
  let memberOut = 0;
  let memberCrc = 0;
  let inflater: RawInflater | null = null;
  let tailReason: RejectReason | null = null;
  const dropped = new Map<RejectReason, number>();
  let inflated = 0;
  /** Bytes after the last member that are not gzip: said once all are in, so the count is the same in any chunks. */
  let junk: { readonly from: number; bytes: number; zero: boolean } | null = null;
  const notices: string[] = [];

  /** Input left out: counted in the input's unit (compressed bytes), never the output's. */
  const drop = (reason: RejectReason, bytes: number): void => {
    if (bytes <= 0) return;
    dropped.set(reason, (dropped.get(reason) ?? 0) + bytes);
    onInput(reason, bytes);
  };

  /** Input taken in by the decompressor. */
  const take = (bytes: number): void => {
    if (bytes === 0) return;
    inflated += bytes;
    onInput('inflated', bytes);
  };

  const stop = (reason: RejectReason, notice: string): void => {
    state = 'stopped';
    tailReason = reason;
    notices.push(notice);
  };

  // Output past a stop (the rest of the piece that reached the cap) is no text that was read: it is not counted,
  // in either unit; the piece's own bytes were taken in (see stepDeflate), the input after it is dropped.
  const emit = (chunk: Uint8Array): void => {
    if (state === 'stopped') return;
    const room = maxOutputBytes - totalOut;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (kept.length > 0) {
      totalOut += kept.length;
      memberOut += kept.length;
      memberCrc = updateCrc32(memberCrc, kept);
      onData(kept);
    }
    if (kept.length < chunk.length) {
      stop('decompression_limit', `decompressed size passed the limit of ${sizeText(maxOutputBytes)}; reading stopped (gzip bomb?)`);
    } else if (totalOut > ratioAfterBytes && totalOut > maxRatio * inflatedFrom) {
      stop('decompression_limit', `${sizeText(totalOut)} came out of ${formatCount(inflatedFrom)} compressed bytes, past ${formatCount(maxRatio)}:1; reading stopped (gzip bomb?)`);
    }
  };

  const startMember = (): void => {
    members += 1;
    state = 'deflate';
    memberOut = 0;
    memberCrc = 0;
    inflater = createRawInflater(emit);
  };

  /** Takes bytes into `held` and returns it; `held` is small (a header or trailer). */
  const hold = (data: Uint8Array): Uint8Array => {
    held = held.length === 0 ? data.slice() : concatBytes([held, data]);
    return held;
  };

  const stepMagic = (data: Uint8Array): Uint8Array => {
    const need = 3 - held.length;
    const taken = data.subarray(0, need);
    hold(taken);
    if (!isMagicPrefix(held)) {
      junk = { from: pos - held.length + taken.length, bytes: held.length - taken.length + data.length, zero: isAllZero(held) && isAllZero(data) };
      state = 'stopped';
      tailReason = 'decompression_error';
      drop('decompression_error', junk.bytes);
      held = new Uint8Array(0);
      return new Uint8Array(0);
    }
    if (held.length === 3) state = 'header';
    return data.subarray(taken.length);
  };

  const stepHeader = (data: Uint8Array): Uint8Array => {
    const bytes = hold(data);
    const parsed = parseGzipHeader(bytes);
    if (parsed === 'more') {
      if (bytes.length > MAX_GZIP_HEADER_BYTES) corrupt('gzip header too long', members + 1);
      return new Uint8Array(0);
    }
    if (parsed === 'invalid') {
      corrupt('invalid gzip header', members + 1);
      return new Uint8Array(0);
    }
    held = new Uint8Array(0);
    take(parsed);
    startMember();
    return bytes.subarray(parsed);
  };

  const corrupt = (why: string, member: number): void => {
    stop('decompression_error', `gzip data is corrupt in member ${member} near byte ${pos} (${why}); the rest was not read`);
    drop('decompression_error', held.length);
    held = new Uint8Array(0);
  };

  const stepDeflate = (data: Uint8Array): Uint8Array => {
    const active = inflater as RawInflater;
    for (let at = 0; at < data.length; at += PIECE_BYTES) {
      const piece = data.subarray(at, at + PIECE_BYTES);
      inflatedFrom = pos + at + piece.length;
      try {
        active.push(piece);
      } catch (error) {
        corrupt(error instanceof Error ? error.message : 'inflate failed', members);
        drop('decompression_error', data.length - at);
        return new Uint8Array(0);
      }
      // The bytes after the deflate stream's end are not the decompressor's: fflate finds the end in the piece that
      // holds its last bit, so they lie within the piece (and the sums stay exact even if they did not).
      const rest = active.isDone() ? active.rest() : new Uint8Array(0);
      take(piece.length - rest.length);
      if (state === 'stopped') {
        drop('decompression_limit', rest.length + data.length - at - piece.length);
        return new Uint8Array(0);
      }
      if (active.isDone()) {
        state = 'trailer';
        const after = data.subarray(at + piece.length);
        return after.length === 0 ? rest.slice() : concatBytes([rest, after]);
      }
    }
    return new Uint8Array(0);
  };

  const stepTrailer = (data: Uint8Array): Uint8Array => {
    const need = 8 - held.length;
    hold(data.subarray(0, need));
    if (held.length < 8) return new Uint8Array(0);
    const view = new DataView(held.buffer, held.byteOffset, 8);
    if (view.getUint32(0, true) !== memberCrc || view.getUint32(4, true) !== memberOut % 2 ** 32) {
      notices.push(`gzip member ${members}: checksum or size in the trailer does not match; its data may be corrupt`);
    }
    take(8);
    held = new Uint8Array(0);
    state = 'magic';
    return data.subarray(need);
  };

  const push = (chunk: Uint8Array): void => {
    let data = chunk;
    while (data.length > 0) {
      const before = data.length;
      if (state === 'stopped') {
        drop(tailReason ?? 'decompression_error', data.length);
        if (junk !== null) {
          junk.bytes += data.length;
          junk.zero &&= isAllZero(data);
        }
        break;
      }
      if (state === 'magic') data = stepMagic(data);
      else if (state === 'header') data = stepHeader(data);
      else if (state === 'deflate') data = stepDeflate(data);
      else data = stepTrailer(data);
      pos += Math.max(0, before - data.length);
    }
  };

  const finish = (cancelled = false): GunzipResult => {
    if (junk !== null) {
      notices.push(`${junk.bytes} bytes of ${junk.zero ? 'zero padding' : 'data that is not gzip'} after gzip member ${members}, from byte ${junk.from}, were not read`);
      junk = null;
    }
    if (!cancelled) checkEnd();
    const pending = held.length;
    held = new Uint8Array(0);
    return { members, tailReason, dropped: [...dropped].map(([reason, bytes]) => ({ reason, bytes })), inflated, pending, notices };
  };

  const checkEnd = (): void => {
    if (state === 'magic' && held.length > 0) {
      notices.push(`${held.length} bytes after gzip member ${members} are not gzip data and were not read`);
      drop('decompression_error', held.length);
    } else if (state === 'header') {
      stop('truncated_record', `gzip ends inside the header of member ${members + 1} at byte ${pos}: the file is truncated`);
      drop('truncated_record', held.length);
    } else if (state === 'deflate') {
      stop('truncated_record', `gzip data ends inside member ${members} at byte ${pos}: the file is truncated`);
    } else if (state === 'trailer') {
      stop('truncated_record', `gzip member ${members} lacks its 8-byte trailer (file ends at byte ${pos}): the file is truncated`);
      drop('truncated_record', held.length);
    }
    held = new Uint8Array(0);
  };

  return { push, finish };
}

function isAllZero(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i] !== 0) return false;
  return true;
}

