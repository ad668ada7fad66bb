import type { RejectReason } from '../classify/outcome';
import type { Ledger } from '../ledger/types';
import { addExample, addNotice, countCompressed, countUnsplittable } from '../ledger/ledger-count';
import { concatBytes } from './bytes';
import { createGunzipStream, type GunzipInputUse } from './gunzip-stream';
import type { LineSplitter } from './line-types';
import type { RecordAssembler } from './record-assembler';
import { SNIFF_BYTES, sniffBytes, type Sniffed } from './sniff';
import { createUtf16LineSplitter } from './utf16-line-splitter';
import { createUtf8LineSplitter, type TextEncodingName } from './utf8-line-splitter';

/** A stage of the byte path: sniff → (gunzip → sniff)* → lines, or a file-level rejection. */
export interface ByteStage {
  push(chunk: Uint8Array): void;
  /** End of input; `tailReason` rejects a last unterminated line (the input was cut). */
  finish(tailReason: RejectReason | null): void;
  /** Stops early: bytes held for incomplete lines are counted under `reason`. */
  cancel(reason: RejectReason | 'cancelled'): void;
}

export interface StageContext {
  readonly ledger: Ledger;
  readonly assembler: RecordAssembler;
  readonly maxLineBytes: number;
  readonly decodeBatchBytes: number;
  readonly maxDecompressedBytes: number;
  /** The encoding of text that has no byte order mark (default UTF-8). */
  readonly textEncoding?: TextEncodingName | undefined;
  /** Builds the stage for a whole-file HAR; given the fallback (plain text lines) for a HAR it cannot read. */
  readonly createHarStage: (fallback: () => ByteStage) => ByteStage;
  /** Told what the bytes at each depth were found to be. */
  readonly onSniffed?: (sniffed: Sniffed, depth: number) => void;
}

/** gzip layers decoded at most (A21: gzip of gzip). */
const MAX_GZIP_DEPTH = 2;

function createDiscardStage(ledger: Ledger, reason: RejectReason, notice: string): ByteStage {
  let bytes = 0;
  return {
    push: (chunk) => {
      bytes += chunk.length;
      countUnsplittable(ledger, reason, chunk.length);
    },
    finish: () => {
      addNotice(ledger, notice);
      addExample(ledger, reason, { line: 0, text: notice, bytes });
    },
    cancel: () => undefined,
  };
}

function createEmptyStage(ledger: Ledger, depth: number): ByteStage {
  return {
    push: () => undefined,
    finish: () => addNotice(ledger, depth === 0 ? 'file is empty' : 'decompressed data is empty'),
    cancel: () => undefined,
  };
}

/** Lines: a splitter feeding the record assembler. */
export function createTextStage(ctx: StageContext, splitter: LineSplitter): ByteStage {
  return {
    push: (chunk) => splitter.push(chunk),
    finish: (tailReason) => {
      splitter.finish(tailReason);
      ctx.assembler.finish();
    },
    cancel: (reason) => {
      countUnsplittable(ctx.ledger, reason, splitter.heldBytes());
      ctx.assembler.finish();
    },
  };
}

export function createUtf8Stage(ctx: StageContext): ByteStage {
  const onLine = ctx.assembler.line;
  const encoding = ctx.textEncoding ?? 'utf-8';
  return createTextStage(ctx, createUtf8LineSplitter({ maxLineBytes: ctx.maxLineBytes, batchBytes: ctx.decodeBatchBytes, onLine, encoding }));
}

/**
 * What a gzip layer's input bytes are counted as. The file's own bytes (the outer layer, depth 0) go to the
 * compressed ledger, each as inflated or left out for a reason. An inner layer's input is text the outer layer
 * unpacked to: what the inner layer unpacks replaces it in the line ledger, and what it leaves out (junk after its
 * members, a corrupt tail, its rest past the cap) is counted there as bytes in no line, under its reason.
 */
function gzipInputCounter(ledger: Ledger, depth: number): (use: GunzipInputUse | 'cancelled', bytes: number) => void {
  if (depth === 0) {
    countCompressed(ledger, 'inflated', 0);
    return (use, bytes) => countCompressed(ledger, use, bytes);
  }
  return (use, bytes) => {
    if (use !== 'inflated') countUnsplittable(ledger, use, bytes);
  };
}

function createGzipStage(ctx: StageContext, depth: number): ByteStage {
  const inner = createSniffStage(ctx, depth + 1);
  const count = gzipInputCounter(ctx.ledger, depth);
  const gunzip = createGunzipStream({ onData: inner.push, onInput: count, maxOutputBytes: ctx.maxDecompressedBytes });
  const label = depth === 0 ? 'gzip' : 'gzip inside gzip';
  return {
    push: (chunk) => gunzip.push(chunk),
    finish: (tailReason) => {
      // Its input left out was counted as it came (onInput), in the unit of its layer.
      const result = gunzip.finish();
      addNotice(ctx.ledger, `${label}, ${result.members} member${result.members === 1 ? '' : 's'}`);
      for (const notice of result.notices) addNotice(ctx.ledger, notice);
      inner.finish(result.tailReason ?? tailReason);
    },
    cancel: (reason) => {
      // A header or trailer begun but not complete: bytes the stop left unread.
      count(reason, gunzip.finish(true).pending);
      inner.cancel(reason);
    },
  };
}

function createTarget(ctx: StageContext, depth: number, sniffed: Sniffed): ByteStage {
  const { ledger } = ctx;
  switch (sniffed.kind) {
    case 'empty':
      return createEmptyStage(ledger, depth);
    case 'gzip':
      if (depth >= MAX_GZIP_DEPTH) return createDiscardStage(ledger, 'unsupported_format', 'gzip nested more than twice: not read');
      return createGzipStage(ctx, depth);
    case 'unsupported':
      return createDiscardStage(ledger, 'unsupported_format', `${sniffed.name} file: not read (extract or decompress it first)`);
    case 'unsupported-encoding':
      return createDiscardStage(ledger, 'unsupported_encoding', `${sniffed.name} text: not read (save it as UTF-8)`);
    case 'binary':
      return createDiscardStage(ledger, 'binary_data', `binary data (${sniffed.hint}): not read as text`);
    case 'utf16': {
      addNotice(ledger, `decoded as UTF-16${sniffed.endian.toUpperCase()}`);
      const onLine = ctx.assembler.line;
      return createTextStage(ctx, createUtf16LineSplitter({ endian: sniffed.endian, maxLineBytes: ctx.maxLineBytes, onLine }));
    }
    case 'har':
      return ctx.createHarStage(() => createUtf8Stage(ctx));
    default:
      if (ctx.textEncoding === 'gb18030') addNotice(ledger, 'decoded as GB18030, as asked');
      return createUtf8Stage(ctx);
  }
}

/** Waits for the first SNIFF_BYTES (or the end), decides what the bytes are, then passes everything on. */
export function createSniffStage(ctx: StageContext, depth: number): ByteStage {
  let head: Uint8Array[] = [];
  let headBytes = 0;
  let target: ByteStage | null = null;

  const decide = (): ByteStage => {
    const all = head.length === 0 ? new Uint8Array(0) : concatBytes(head);
    const sniffed = sniffBytes(all.subarray(0, SNIFF_BYTES));
    ctx.onSniffed?.(sniffed, depth);
    const chosen = createTarget(ctx, depth, sniffed);
    target = chosen;
    head = [];
    if (all.length > 0) chosen.push(all);
    return chosen;
  };

  return {
    push: (chunk) => {
      if (target !== null) return target.push(chunk);
      if (chunk.length === 0) return;
      head.push(chunk.slice());
      headBytes += chunk.length;
      if (headBytes >= SNIFF_BYTES) decide();
    },
    finish: (tailReason) => (target ?? decide()).finish(tailReason),
    // Stopped before the first SNIFF_BYTES were in: what came is read as the end would read it (its complete lines
    // counted), not all counted as unread; a small file that failed after its first chunk kept none of its lines.
    cancel: (reason) => (target ?? (headBytes > 0 ? decide() : null))?.cancel(reason),
  };
}
