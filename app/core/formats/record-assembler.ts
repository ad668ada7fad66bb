import type { RejectReason } from '../classify/outcome';
import type { LineKind } from './line-types';
import type { LogRecord, RecordFormat } from './log-record';
import { createHttpRecordReader } from './http-record';
import {
  endsWithOpener,
  isBlank,
  isHttpStatusLine,
  isIndented,
  isJsonContinuation,
  isPrettyJsonLine,
  isWholeJsonObjectLine,
  isSseEventStart,
  isSseField,
  isStackContinuation,
  isStampedTracebackStart,
  isTracebackStart,
  scanJsonDepth,
  type JsonDepth,
} from './record-rules';

export type AssemblerMode = 'none' | 'single' | 'stack' | 'traceback' | 'http' | 'json' | 'sse';

export interface RecordAssembler {
  line(text: string, contentBytes: number, termBytes: number, kind: LineKind): void;
  /** Ends the input: an open record is emitted (`truncated_record` if it is JSON still open). */
  finish(): void;
  /** What the held record is ('none' when nothing is held): tells whether a next line could join it. */
  heldMode(): AssemblerMode;
  /** The first line of the held record ('' when nothing is held). */
  heldFirstLine(): string;
}

const CUT_REASONS: ReadonlySet<LineKind> = new Set(['truncated_record', 'decompression_error', 'decompression_limit']);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Groups lines into records, one decision per record (mixed files are the norm): raw HTTP responses,
 * pretty-printed JSON, SSE event blocks, stack traces and Python tracebacks; anything else is one line.
 * A line is held until the next one shows whether it continues the record (stack traces), so the result
 * depends only on the sequence of lines.
 */
export function createRecordAssembler(options: {
  /** Called once per record, in line order. The record is valid during the call only (it is filled again for the next): a caller that keeps it keeps a copy. */
  onRecord: (record: LogRecord) => void;
  maxRecordLines: number;
  /** The line cap of a record made only of lines a JSON pretty-printer writes (a long response body). */
  maxPrettyJsonLines: number;
  maxRecordBytes: number;
  /** Byte offset of the first line: non-zero for a later part of a source, read on its own. */
  startOffset?: number;
  /** Told when a record is cut at a cap while its next line would have gone on with it. */
  onRecordCapped?: () => void;
}): RecordAssembler {
  const { onRecord, maxRecordLines, maxPrettyJsonLines, maxRecordBytes } = options;
  const startOffset = options.startOffset ?? 0;
  let lineNo = 0;
  let offset = startOffset;
  let mode: AssemblerMode = 'none';
  let format: RecordFormat = 'text';
  let firstText = '';
  let texts: string[] = [];
  let first = 0;
  let start = 0;
  let bytes = 0;
  let firstBytes = 0;
  let count = 0;
  /** The record's lines not kept in its text (HTTP headers past their cap): they hold no memory, so maxRecordLines skips them. */
  let unkept = 0;
  let invalid = false;
  /**
   * The traceback opened with a stamp (isStampedTracebackStart): it goes on only with an indented line (`  File …`).
   * Where a stamp opens every line of the trace (docker --timestamps), the stamped line stays a record of its own,
   * instead of taking the next stamped line in as the trace's last.
   */
  let stampedTraceback = false;
  const json: JsonDepth = { depth: 0, inString: false, escaped: false };
  // One record object, filled again for each record (see onRecord): an object per line was a sixth of what
  // reading a line allocated, and young-generation collections took a quarter of a browser worker's time.
  const record: Mutable<LogRecord> = { firstLine: 0, lineCount: 0, byteOffset: 0, byteLength: 0, firstLineBytes: 0, text: '', format: 'text', invalidUtf8: false, rejection: null };
  const emit = (firstLine: number, lineCount: number, byteOffset: number, byteLength: number, firstLineBytes: number, text: string, recordFormat: RecordFormat, invalidUtf8: boolean, rejection: RejectReason | null): void => {
    record.firstLine = firstLine;
    record.lineCount = lineCount;
    record.byteOffset = byteOffset;
    record.byteLength = byteLength;
    record.firstLineBytes = firstLineBytes;
    record.text = text;
    record.format = recordFormat;
    record.invalidUtf8 = invalidUtf8;
    record.rejection = rejection;
    onRecord(record);
    // Not kept past the call: a slice of the log would keep its chunk alive.
    record.text = '';
  };

  const flush = (rejection: RejectReason | null = null): void => {
    if (mode === 'none') return;
    const text = count === 1 || rejection !== null ? firstText : texts.join('\n');
    mode = 'none';
    // Dropped only when used: a new empty array per record was garbage for every single-line record.
    if (texts.length > 0) texts = [];
    emit(first, count, start, bytes, firstBytes, text, format, invalid, rejection);
  };

  const flushAtEnd = (): void => {
    const isOpenJson = (mode === 'json' || mode === 'http') && json.depth > 0;
    flush(isOpenJson ? 'truncated_record' : null);
  };

  const append = (text: string, lineBytes: number, isInvalid: boolean, joined = false): void => {
    if (count === 1) texts = [firstText];
    if (joined) texts[texts.length - 1] += text;
    else texts.push(text);
    count += 1;
    bytes += lineBytes;
    invalid ||= isInvalid;
  };

  const appendUnkept = (lineBytes: number, isInvalid: boolean): void => {
    append('', lineBytes, isInvalid, true);
    unkept += 1;
  };

  const http = createHttpRecordReader({ append, appendUnkept, close: () => flush(), json });

  const resetJson = (): void => {
    json.depth = 0;
    json.inString = false;
    json.escaped = false;
  };

  const tryJsonBlock = (text: string): void => {
    resetJson();
    scanJsonDepth(json, text, true);
    if (json.depth > 0 && !json.inString) {
      mode = 'json';
      format = 'json';
    }
  };

  const begin = (text: string, contentBytes: number, lineBytes: number, isInvalid: boolean, lineOffset: number): void => {
    first = lineNo;
    start = lineOffset;
    bytes = lineBytes;
    firstBytes = contentBytes;
    count = 1;
    unkept = 0;
    invalid = isInvalid;
    firstText = text;
    mode = 'single';
    const c = text.charCodeAt(0);
    if (c === 123 || c === 91) format = 'ndjson';
    else if (isHttpStatusLine(text)) {
      mode = 'http';
      format = 'http';
      http.begin();
      return;
    } else if (isSseEventStart(text)) {
      mode = 'sse';
      format = 'sse';
      return;
    } else if (isTracebackStart(text) || isStampedTracebackStart(text)) {
      mode = 'traceback';
      format = 'stack';
      stampedTraceback = c !== 84;
      return;
    } else format = 'text';
    if (endsWithOpener(text)) tryJsonBlock(text);
  };

  /** Adds the line to the open record if it continues it; may close the record after it. */
  /** Whether the held record would take `text`: asked at a record's cap, and by continueWith before it takes it. */
  const wouldContinue = (text: string): boolean => {
    switch (mode) {
      case 'single':
      case 'stack':
        return isStackContinuation(text);
      case 'traceback':
        return !isBlank(text) && !(stampedTraceback && count === 1 && !isIndented(text));
      case 'sse':
        return isBlank(text) || isSseField(text);
      case 'json':
        return isJsonContinuation(text) && !isWholeJsonObjectLine(text);
      case 'http':
        return http.wouldContinue(text);
      default:
        return false;
    }
  };

  const continueWith = (text: string, lineBytes: number, isInvalid: boolean): boolean => {
    // The HTTP reader tests and takes in one step (its tests change its state: a header counted, the body begun).
    if (mode === 'http') return http.continueWith(text, lineBytes, isInvalid);
    if (!wouldContinue(text)) return false;
    append(text, lineBytes, isInvalid);
    if (mode === 'single') {
      mode = 'stack';
      format = 'stack';
    } else if (mode === 'traceback') {
      if (!isIndented(text)) flush();
    } else if (mode === 'sse') {
      if (isBlank(text)) flush();
    } else if (mode === 'json') {
      scanJsonDepth(json, text);
      if (json.depth === 0) flush();
    }
    return true;
  };

  const line = (rawText: string, contentBytes: number, termBytes: number, kind: LineKind): void => {
    lineNo += 1;
    const lineOffset = offset;
    const lineBytes = contentBytes + termBytes;
    offset += lineBytes;
    // A byte order mark counts only at the very start of the source.
    const text = lineOffset === 0 && rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
    if (kind !== 'ok' && kind !== 'invalid_utf8') {
      if (CUT_REASONS.has(kind)) flushAtEnd();
      else flush();
      emit(lineNo, 1, lineOffset, lineBytes, contentBytes, text, 'text', false, kind);
      return;
    }
    const isInvalid = kind === 'invalid_utf8';
    if (mode !== 'none') {
      // Past its line cap a JSON record goes on only with lines a pretty-printer writes (checked there only: a
      // regex per line of every record cost the mixed text about a tenth of its time).
      const lines = count - unkept;
      const fitsLines = lines < maxRecordLines || (mode === 'json' && lines < maxPrettyJsonLines && isPrettyJsonLine(text));
      const fits = fitsLines && bytes + lineBytes <= maxRecordBytes;
      if (fits && continueWith(text, lineBytes, isInvalid)) return;
      if (!fits && wouldContinue(text)) options.onRecordCapped?.();
      flush();
    }
    begin(text, contentBytes, lineBytes, isInvalid, lineOffset);
  };

  return { line, finish: flushAtEnd, heldMode: () => mode, heldFirstLine: () => (mode === 'none' ? '' : firstText) };
}
