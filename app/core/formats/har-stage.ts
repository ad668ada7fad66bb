import { errorsOf, type ErrorOutcome, type Outcome } from '../classify/outcome';
import type { Ledger } from '../ledger/types';
import { addNotice, countRecord, countUnsplittable } from '../ledger/ledger-count';
import type { ByteStage } from './byte-stages';
import { concatBytes } from './bytes';
import { classifyHarEntry } from './har-entry';
import { findHarEntryRanges } from './har-scan';
import type { IngestedEvent } from './types';
import { createUtf8LineSplitter } from './utf8-line-splitter';

interface HarLine {
  readonly charStart: number;
  readonly charEnd: number;
  readonly byteStart: number;
  readonly bytes: number;
}

interface HarError {
  readonly start: number;
  readonly end: number;
  readonly outcome: ErrorOutcome;
}

/** Lines of the whole HAR with their character and byte positions (no line cap: the file is one JSON). */
function splitHarLines(bytes: Uint8Array): { lines: HarLine[]; text: string } {
  const lines: HarLine[] = [];
  const parts: string[] = [];
  let charAt = 0;
  let byteAt = 0;
  const splitter = createUtf8LineSplitter({
    maxLineBytes: Number.MAX_SAFE_INTEGER,
    onLine: (text, contentBytes, termBytes) => {
      lines.push({ charStart: charAt, charEnd: charAt + text.length, byteStart: byteAt, bytes: contentBytes + termBytes });
      parts.push(text, termBytes === 2 ? '\r\n' : termBytes === 1 ? '\n' : '');
      charAt += text.length + termBytes;
      byteAt += contentBytes + termBytes;
    },
  });
  splitter.push(bytes);
  splitter.finish(null);
  return { lines, text: parts.join('') };
}

function parseEntries(text: string): unknown[] | null {
  try {
    const entries: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)?.log?.entries;
    return Array.isArray(entries) ? entries : null;
  } catch {
    return null;
  }
}

/**
 * Reads a whole HAR: each error entry (provider host, status >= 400 or an error body) is one record whose
 * lines are the lines it spans; every other line is a non-error record of its own. Returns false when the
 * text is not a HAR after all (it is then read as text lines).
 */
function readHar(options: {
  bytes: Uint8Array;
  ledger: Ledger;
  classify: (text: string) => Outcome;
  onEvent: (event: IngestedEvent) => void;
}): boolean {
  const { ledger } = options;
  const { lines, text } = splitHarLines(options.bytes);
  const entries = parseEntries(text);
  const ranges = entries === null ? [] : findHarEntryRanges(text);
  if (entries === null || ranges.length !== entries.length) return false;
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
  countPlain(lines.length);
  addNotice(ledger, `HAR, ${entries.length} entries, ${errors.length} with provider errors`);
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
