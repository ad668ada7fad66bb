import type { Outcome, RejectReason } from '../classify/outcome';
import type { Ledger } from '../ledger/types';
import { cloneLedger, createEmptyLedger } from '../ledger/ledger';
import { addNotice, countCompressed, countUnsplittable } from '../ledger/ledger-count';
import { createSniffStage, createUtf8Stage, type StageContext } from './byte-stages';
import type { LineKind } from './line-types';
import { createRecordAssembler, type RecordAssembler } from './record-assembler';
import { isStackContinuation } from './record-rules';
import { createHarStage } from './har-stage';
import { INGEST_LIMITS } from './ingest-limits';
import { createRecordSink } from './record-sink';
import { readTranscriptMarker } from './transcript-fold';
import { stampProbe } from '../classify/previous-line-time';
import { detachString } from '../store/string-table';
import { formatCount } from '../text/count-text';
import type { TextEncodingName } from './utf8-line-splitter';
import type { IngestedEvent } from './types';

const MIB = 1024 * 1024;
const LF = 10;

export interface IngestOptions {
  /** One record's text → its outcome (the catalog classifier, or a fake in tests). */
  readonly classify: (text: string) => Outcome;
  /** Called once per error event, in the order incidents complete. */
  readonly onEvent?: (event: IngestedEvent) => void;
  /** Longest accepted line in bytes, terminator excluded (a line of exactly this size is accepted). Default 4 MiB. */
  readonly maxLineBytes?: number;
  /**
   * Bytes of complete lines decoded into one string (see utf8-line-splitter.ts). Default 1 MiB, the fastest
   * in Chromium; Node reads faster with 64 KiB (the command line's choice).
   */
  readonly decodeBatchBytes?: number;
  /** Cap on decompressed bytes per gzip layer. Default 2 GiB. */
  readonly maxDecompressedBytes?: number;
  /** A HAR file is read whole up to this size; a larger one is read as text lines. Default 256 MiB. */
  readonly maxHarBytes?: number;
  /**
   * Caps of one multi-line record (HTTP response, pretty JSON, stack trace): 1,000 lines and 1 MiB by default; a
   * JSON record goes on past its line cap, up to 20,000, with lines a pretty-printer writes (a long response
   * body, B10). The bytes bound its memory; the lines bound what a stray `{` can take in before it.
   */
  readonly maxRecordLines?: number;
  readonly maxPrettyJsonLines?: number;
  readonly maxRecordBytes?: number;
  /** The encoding of a text source without a byte order mark: UTF-8 (default), or GB18030 when the user says so. */
  readonly textEncoding?: TextEncodingName | undefined;
  /** The source's full size, when known: cancel() counts the bytes never pushed as cancelled. */
  readonly sourceBytes?: number;
  /**
   * Reads a later part of a UTF-8 text source on its own (in parallel with the part before it): the bytes
   * pushed start at a line start at this offset of the source, so they are not sniffed, and line numbers
   * count from the part's first line (they are moved when the parts are put together; see split-source.ts).
   */
  readonly partAt?: number;
}

/** A line as the record assembler first sees it. */
export interface FirstLine {
  readonly text: string;
  readonly kind: LineKind;
  /**
   * Whether the record this line starts may take the time of a stamped line right above it (an error without a
   * time of its own; see record-sink.ts), or is not known yet; false when known not to. Absent: not known.
   */
  readonly mayTakeLineAbove?: boolean;
}

export interface IngestPipeline {
  /** Feeds the next bytes of the source, in order, in chunks of any size. Ignored after finish or cancel. */
  push(chunk: Uint8Array): void;
  /** Ends the input; returns the final ledger. Calling it again returns the same ledger. */
  finish(): Ledger;
  /**
   * Stops early: complete lines are counted; bytes held for an incomplete line and the unread rest
   * (`unreadBytes`, else `sourceBytes` minus the bytes pushed) are counted as `cancelled`: in the line ledger for
   * a plain file, in the compressed ledger for a gzip file (whose line ledger counts text only).
   */
  cancel(unreadBytes?: number): Ledger;
  /** Stops because the source failed (A24: file changed or unreadable): like cancel, counted under `reason`. */
  fail(reason: RejectReason, unreadBytes?: number): Ledger;
  /** A snapshot of the ledger so far (consistent: both invariants hold at any time). */
  ledger(): Ledger;
  /**
   * True when what was pushed is UTF-8 text that ends with a line feed and nothing held would take `next`,
   * the line that follows in the source: no record it would continue, no open JSON, no retries waiting, no
   * stamped line that would date the record `next` starts (its mayTakeLineAbove). Then finish() here, followed by a pipeline of the rest read with `partAt`, gives what one pipeline
   * reading everything gives (events in order; the rest's lines moved by this part's count).
   */
  settledBefore(next: FirstLine): boolean;
  /** The first line pushed, or null (for a part read with `partAt`: what settledBefore of the part before is asked). */
  firstLine(): FirstLine | null;
  /** The encoding the text was decoded in, once sniffed: how a record is read again from its byte offset. */
  textDecoding(): RecordEncoding;
  /**
   * The caller found the source to be gzip before pushing it (the page sniffs it to pick its read size): a stop
   * before its first bytes are in counts the unread file as the gzip file's own bytes, not as text.
   */
  sourceIsGzip(): void;
}

/** How cancel() begins its notice ("cancelled after 1,024 of 4,096 bytes"). */
const CANCELLED_AFTER = 'cancelled after ';

/** Whether a ledger notice is the one cancel() leaves: parts joined across a gap say in one notice what was read. */
export const isCancelNotice = (notice: string): boolean => notice.startsWith(CANCELLED_AFTER);

/** The encodings a record's bytes may be in: those a user may ask for, and UTF-16 found by its byte order mark. */
export type RecordEncoding = TextEncodingName | 'utf-16le' | 'utf-16be';

/**
 * Bytes → lines → records → classified events, with an exact line ledger. Pure: runs the same in a Web
 * Worker and in Node. Example:
 * `const p = createIngestPipeline({ classify, onEvent }); p.push(bytes); const ledger = p.finish();`
 */
export function createIngestPipeline(options: IngestOptions): IngestPipeline {
  const ledger = createEmptyLedger();
  const onEvent = options.onEvent ?? (() => undefined);
  const sink = createRecordSink({ classify: options.classify, ledger, onEvent });
  const records = createRecordAssembler({
    onRecord: sink.record,
    maxRecordLines: options.maxRecordLines ?? INGEST_LIMITS.maxRecordLines,
    // A caller that sets the line cap (a test, the fuzzer) sets it for pretty JSON too, unless it says otherwise.
    maxPrettyJsonLines: options.maxPrettyJsonLines ?? options.maxRecordLines ?? INGEST_LIMITS.maxPrettyJsonLines,
    maxRecordBytes: options.maxRecordBytes ?? INGEST_LIMITS.maxRecordBytes,
    // Counted, not said in a notice: a source read in two parts adds the counts of both.
    onRecordCapped: () => {
      ledger.recordsCut += 1;
    },
    ...(options.partAt === undefined ? {} : { startOffset: options.partAt }),
  });
  let first: FirstLine | null = null;
  const assembler: RecordAssembler = {
    ...records,
    line: (text, contentBytes, termBytes, kind) => {
      // Copied: a slice would keep its whole chunk of text alive.
      if (first === null) first = { text: detachString(text), kind };
      records.line(text, contentBytes, termBytes, kind);
    },
  };
  let sniffedText = options.partAt !== undefined;
  let decodedAs: RecordEncoding = options.textEncoding ?? 'utf-8';
  const base = {
    ledger,
    assembler,
    maxLineBytes: options.maxLineBytes ?? INGEST_LIMITS.maxLineBytes,
    decodeBatchBytes: options.decodeBatchBytes ?? MIB,
    maxDecompressedBytes: options.maxDecompressedBytes ?? INGEST_LIMITS.maxDecompressedBytes,
    textEncoding: options.textEncoding,
  };
  const ctx: StageContext = {
    ...base,
    createHarStage: (fallback) =>
      createHarStage({ ledger, classify: options.classify, onEvent, maxHarBytes: options.maxHarBytes ?? INGEST_LIMITS.maxHarBytes, fallback }),
    onSniffed: (sniffed, depth) => {
      if (depth === 0) sniffedText = sniffed.kind === 'text';
      if (sniffed.kind === 'utf16') decodedAs = `utf-16${sniffed.endian}`;
    },
  };
  const root = options.partAt === undefined ? createSniffStage(ctx, 0) : createUtf8Stage(ctx);
  let pushed = 0;
  let lastByte = -1;
  let isDone = false;
  let knownGzip = false;

  const stop = (reason: RejectReason | 'cancelled', unreadBytes: number | undefined): Ledger => {
    if (!isDone) {
      isDone = true;
      root.cancel(reason);
      sink.finish();
      const unread = Math.max(0, unreadBytes ?? (options.sourceBytes ?? pushed) - pushed);
      // A gzip file's rest is compressed bytes: its compressed ledger's (the line ledger counts text only). A file
      // stopped before the 3 bytes of the gzip magic were in is gzip only if the caller said so (sourceIsGzip).
      if (ledger.compressed !== undefined || knownGzip) countCompressed(ledger, reason, unread);
      else countUnsplittable(ledger, reason, unread);
      ledger.sourceBytes += unread;
      const what = reason === 'cancelled' ? CANCELLED_AFTER : `stopped (${reason}) after `;
      // A later part says where in the source it stopped: its ledger is added to that of the whole part before it.
      const before = options.partAt ?? 0;
      addNotice(ledger, `${what}${formatCount(before + pushed)} of ${formatCount(before + pushed + unread)} bytes`);
    }
    return cloneLedger(ledger);
  };

  return {
    push: (chunk) => {
      if (isDone) return;
      pushed += chunk.length;
      ledger.sourceBytes += chunk.length;
      if (chunk.length > 0) lastByte = chunk[chunk.length - 1] ?? -1;
      root.push(chunk);
    },
    finish: () => {
      if (!isDone) {
        isDone = true;
        root.finish(null);
        sink.finish();
      }
      return cloneLedger(ledger);
    },
    cancel: (unreadBytes) => stop('cancelled', unreadBytes),
    fail: (reason, unreadBytes) => stop(reason, unreadBytes),
    ledger: () => cloneLedger(ledger),
    settledBefore: (next) => {
      if (isDone || !sniffedText || lastByte !== LF || sink.isHolding()) return false;
      const mode = records.heldMode();
      if (mode === 'none') return true;
      // A held line or stack trace takes only a stack continuation (a rejected line closes it, as finish()
      // does), but a held transcript retry waits for the records after it. (Transcript markers are read
      // only from records that start with `{`; a stack trace's later lines are not checked, so it is refused.)
      if (mode !== 'single' && mode !== 'stack') return false;
      const held = records.heldFirstLine();
      if (held.charCodeAt(0) === 123 && (mode === 'stack' || readTranscriptMarker(held)?.kind === 'retry')) return false;
      if (next.kind !== 'ok' && next.kind !== 'invalid_utf8') return true;
      if (isStackContinuation(next.text)) return false;
      // A held stamped line would date the next record if that is an error without a time of its own: read on its
      // own, the rest would leave it undated, so the split is refused (the rest is then read after this part).
      return !(mode === 'single' && next.mayTakeLineAbove !== false && stampProbe(held) !== null);
    },
    firstLine: () => (first === null ? null : { ...first, mayTakeLineAbove: sink.firstMayTakeLineAbove() }),
    textDecoding: () => decodedAs,
    sourceIsGzip: () => {
      knownGzip = true;
    },
  };
}
