import { errorsOf, type ErrorOutcome, type Outcome } from '../classify/outcome';
import { MAX_EXAMPLE_CHARS } from '../ledger/ledger';
import type { Ledger } from '../ledger/types';
import { addNotice, countRecord, countUnsplittable } from '../ledger/ledger-count';
import { formatCount, formatCountOf } from '../text/count-text';
import type { ByteStage } from './byte-stages';
import { concatBytes } from './bytes';
import { classifyHarEntry } from './har-entry';
import { findHarEntryRanges, scanHar } from './har-scan';
import type { IngestedEvent } from './types';
import { createUtf8LineSplitter } from './utf8-line-splitter';

interface HarLine {
  readonly charStart: number;
  readonly charEnd: number;
  readonly byteStart: number;
  /** Bytes of the line, its terminator included. */
  readonly bytes: number;
  readonly contentBytes: number;
}

interface HarError {
  readonly start: number;
  readonly end: number;
  readonly outcome: ErrorOutcome;
}

/**
 * Lines of the whole HAR with their character and byte positions (no line cap: the file is one JSON). `whole` is
 * false when the splitter kept only the start of a line (a NUL byte): its characters no longer match its bytes.
 */
function splitHarLines(bytes: Uint8Array): { lines: HarLine[]; text: string; whole: boolean } {
  const lines: HarLine[] = [];
  const parts: string[] = [];
  let charAt = 0;
  let byteAt = 0;
  let whole = true;
  const splitter = createUtf8LineSplitter({
    maxLineBytes: Number.MAX_SAFE_INTEGER,
    onLine: (text, contentBytes, termBytes, kind) => {
      whole &&= kind === 'ok' || kind === 'invalid_utf8';
      lines.push({ charStart: charAt, charEnd: charAt + text.length, byteStart: byteAt, bytes: contentBytes + termBytes, contentBytes });
      parts.push(text, termBytes === 2 ? '\r\n' : termBytes === 1 ? '\n' : '');
      charAt += text.length + termBytes;
      byteAt += contentBytes + termBytes;
    },
  });
  splitter.push(bytes);
  splitter.finish(null);
  return { lines, text: parts.join(''), whole };
}

/** Where the text of a HAR cut short ends (see readCutHar). */
interface HarCut {
  /** Start of the entry the cut falls in, or -1 when it falls between entries or after the entries array. */
  readonly unfinished: number;
  readonly entriesClosed: boolean;
}

interface HarRead {
  readonly entries: readonly unknown[];
  readonly ranges: ReadonlyArray<readonly [number, number]>;
  /** Null for a whole HAR. */
  readonly cut: HarCut | null;
}

/** The text up to `end` without its byte order mark. */
function withoutBom(text: string, end = text.length): string {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const entriesOf = (root: unknown): unknown => (root as { log?: { entries?: unknown } } | null)?.log?.entries;

/**
 * The entries of a HAR that was cut short (an interrupted download, `head -c`, a full disk), or null when the text
 * is not one. It is one when the scan finds the root, its `log` and one `entries` array with at least one complete
 * object, only objects and single commas in the array, nothing but `}` after it, and the text ends with the
 * structure still open. Each complete entry is parsed on its own, from its range of the text; the text before the
 * array is checked by parsing it closed with `]}}` (a copy of that head only). Anything else (a text balanced at
 * its end, no entries array, no complete entry, an entry that does not parse) is null: read as text lines.
 */
function readCutHar(text: string): HarRead | null {
  const scan = scanHar(text);
  if (!scan.openAtEnd || scan.stray || scan.entriesOpen < 0 || scan.ranges.length === 0) return null;
  try {
    if (!Array.isArray(entriesOf(JSON.parse(`${withoutBom(text, scan.entriesOpen + 1)}]}}`)))) return null;
    const entries = scan.ranges.map(([start, end]) => JSON.parse(text.slice(start, end)) as unknown);
    return { entries, ranges: scan.ranges, cut: { unfinished: scan.unfinished, entriesClosed: scan.entriesClose >= 0 } };
  } catch {
    return null;
  }
}

/** The entries of a HAR, whole or cut short (only when `whole`: every line's text kept), or null when it is not one. */
function readEntries(text: string, whole: boolean): HarRead | null {
  let root: unknown;
  try {
    root = JSON.parse(withoutBom(text));
  } catch {
    return whole ? readCutHar(text) : null;
  }
  const entries = entriesOf(root);
  if (!Array.isArray(entries)) return null;
  const ranges = findHarEntryRanges(text);
  return ranges.length === entries.length ? { entries, ranges, cut: null } : null;
}

/** entriesText(3, 'complete ') → '3 complete entries'. */
const entriesText = (n: number, what = ''): string => formatCountOf(n, `${what}entry`, `${what}entries`);

/**
 * Reads a HAR: each error entry (provider host, status >= 400 or an error body) is one record whose
 * lines are the lines it spans; every other line is a non-error record of its own. Returns false when the
 * text is not a HAR after all (it is then read as text lines).
 *
 * A HAR cut short (readCutHar) is read the same way up to the cut; its end is counted so:
 * - The cut falls inside an entry: the lines from that entry's start to the end of the file are one record,
 *   rejected as `truncated_record`. A line the unfinished entry shares with an error entry (`}, {` on one line,
 *   or a HAR written on one line) is counted with that error, as a line two entries share is in a whole HAR:
 *   its errors were read, each an event, and a line takes its most severe outcome, a rejection the least (an
 *   array line, B8; a malformed line whose error was read is no reject, B7). The rejected record is then the
 *   lines after it, or none when the unfinished entry has no line of its own (the notice says so). A line it
 *   shares only with non-error entries is in the rejected record (a record cut off, over non-error).
 * - The cut falls between entries, or after the entries array (only closing braces missing): every entry of
 *   the text was read and no record was cut, so the lines after the last entry are non-error, as the head is;
 *   the notice says where the file ends.
 */
function readHar(options: {
  bytes: Uint8Array;
  ledger: Ledger;
  classify: (text: string) => Outcome;
  onEvent: (event: IngestedEvent) => void;
}): boolean {
  const { ledger } = options;
  const { lines, text, whole } = splitHarLines(options.bytes);
  const har = readEntries(text, whole);
  if (har === null) return false;
  const { entries, ranges, cut } = har;
  const errors: HarError[] = [];
  entries.forEach((entry, i) => {
    const outcome = classifyHarEntry(entry, options.classify);
    const range = ranges[i];
    if (outcome !== null && range !== undefined) errors.push({ start: range[0], end: range[1], outcome });
  });
  let lineAt = 0;
  const countPlain = (upTo: number): void => {
    for (; lineAt < upTo; lineAt += 1) {
      const line = lines[lineAt] as HarLine;
      countRecord(ledger, { firstLine: lineAt + 1, lineCount: 1, byteLength: line.bytes, firstLineBytes: line.bytes, text: '' }, { kind: 'non-error' });
    }
  };
  for (const error of errors) {
    let first = lineAt;
    while (first < lines.length && (lines[first] as HarLine).charEnd < error.start) first += 1;
    let last = first;
    while (last < lines.length && (lines[last] as HarLine).charStart < error.end) last += 1;
    const emitLine = Math.min(first, lines.length - 1);
    countPlain(first);
    const claimed = lines.slice(Math.max(first, lineAt), last);
    const bytes = claimed.reduce((sum, line) => sum + line.bytes, 0);
    if (claimed.length > 0) {
      countRecord(ledger, { firstLine: first + 1, lineCount: claimed.length, byteLength: bytes, firstLineBytes: bytes, text: '' }, error.outcome);
      lineAt = last;
    }
    const firstLine = lines[emitLine] as HarLine;
    // A body holding an array of errors (B8) gives an event per error.
    for (const outcome of errorsOf(error.outcome)) {
      ledger.events += 1;
      options.onEvent({
        line: emitLine + 1,
        lineCount: Math.max(1, last - first),
        byteOffset: firstLine.byteStart,
        byteLength: Math.max(bytes, firstLine.bytes),
        entry: outcome.kind === 'catalogued' ? outcome.entry : null,
        details: outcome.details,
        attempts: 1,
        format: 'har',
      });
    }
  }
  if (cut === null) {
    countPlain(lines.length);
    addNotice(ledger, `HAR, ${entries.length} entries, ${errors.length} with provider errors`);
    return true;
  }
  const end = `HAR cut short at line ${formatCount(lines.length)}`;
  const withErrors = `${formatCount(errors.length)} with provider errors`;
  if (cut.unfinished < 0) {
    countPlain(lines.length);
    const where = cut.entriesClosed ? `after its entries: all ${entriesText(entries.length)} read` : `between entries: ${entriesText(entries.length)} read`;
    addNotice(ledger, `${end}, ${where}, ${withErrors}${cut.entriesClosed ? '; only its closing braces are missing' : ''}`);
    return true;
  }
  // The first line of the unfinished entry that no error entry claimed.
  let first = lineAt;
  while (first < lines.length && (lines[first] as HarLine).charEnd <= cut.unfinished) first += 1;
  countPlain(first);
  const read = `${end}: ${entriesText(entries.length, 'complete ')} read, ${withErrors}`;
  if (first === lines.length) {
    addNotice(ledger, `${read}; the unfinished entry shares line ${formatCount(lines.length)} with an error entry and is counted with it`);
    return true;
  }
  const line = lines[first] as HarLine;
  const lastLine = lines[lines.length - 1] as HarLine;
  const record = {
    firstLine: first + 1,
    lineCount: lines.length - first,
    byteLength: lastLine.byteStart + lastLine.bytes - line.byteStart,
    firstLineBytes: line.contentBytes,
    text: text.slice(line.charStart, Math.min(line.charEnd, line.charStart + MAX_EXAMPLE_CHARS)),
  };
  countRecord(ledger, record, { kind: 'rejected', reason: 'truncated_record' });
  addNotice(ledger, `${read}; the unfinished entry (lines ${formatCount(first + 1)}–${formatCount(lines.length)}) is counted as a truncated record`);
  return true;
}

/**
 * HAR is a whole-file format: bytes are buffered up to `maxHarBytes` and read at the end. A larger file, or
 * one that does not parse as a HAR, is read as text lines through `fallback` instead (with a notice).
 */
export function createHarStage(options: {
  ledger: Ledger;
  classify: (text: string) => Outcome;
  onEvent: (event: IngestedEvent) => void;
  maxHarBytes: number;
  fallback: () => ByteStage;
}): ByteStage {
  const { ledger } = options;
  let parts: Uint8Array[] = [];
  let size = 0;
  let replaced: ByteStage | null = null;

  const replace = (notice: string): ByteStage => {
    addNotice(ledger, notice);
    const stage = options.fallback();
    for (const part of parts) stage.push(part);
    parts = [];
    replaced = stage;
    return stage;
  };

  return {
    push: (chunk) => {
      if (replaced !== null) return replaced.push(chunk);
      if (size + chunk.length > options.maxHarBytes) {
        replace(`looks like a HAR file but is larger than ${options.maxHarBytes} bytes: read as text lines`).push(chunk);
        return;
      }
      parts.push(chunk.slice());
      size += chunk.length;
    },
    finish: (tailReason) => {
      if (replaced === null) {
        const bytes = concatBytes(parts);
        if (readHar({ ...options, bytes })) return;
        parts = [bytes];
        replace('looks like a HAR file but is not valid HAR JSON: read as text lines');
      }
      (replaced as ByteStage | null)?.finish(tailReason);
    },
    cancel: (reason) => {
      if (replaced !== null) replaced.cancel(reason);
      else countUnsplittable(ledger, reason, size);
    },
  };
}
