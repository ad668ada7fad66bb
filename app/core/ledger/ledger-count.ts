import { detachString } from '../store/string-table';
import type { Ledger } from './types';
import type { RecordFlag, RejectReason } from '../classify/outcome';
import { createEmptyCompressedLedger, MAX_EXAMPLE_CHARS, MAX_EXAMPLES_PER_REASON, MAX_FLAG_LINES } from './ledger';

/** The outcome every line of a record takes. */
export type LineOutcome =
  | { readonly kind: 'catalogued' | 'uncatalogued' | 'non-error' }
  | { readonly kind: 'rejected'; readonly reason: RejectReason };

/** A counted record: its lines, their bytes (terminators included) and where it starts. */
export interface CountedRecord {
  readonly firstLine: number;
  readonly lineCount: number;
  readonly byteLength: number;
  /** Byte length of the record's first line without its terminator (shown for line_too_long). */
  readonly firstLineBytes: number;
  /** The record's start, for examples. */
  readonly text: string;
}

/**
 * Makes log text safe to show as an example: capped, C0 controls and DEL shown as control pictures.
 * Example: `toExampleText('a\u0000b')` → `'a␀b'`.
 */
export function toExampleText(text: string): string {
  // Detached: an example cut from a huge line must not keep that line alive.
  const capped = detachString(text.length > MAX_EXAMPLE_CHARS ? text.slice(0, MAX_EXAMPLE_CHARS) : text);
  // eslint-disable-next-line no-control-regex
  return capped.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, (c) =>
    String.fromCharCode(c === '\u007f' ? 0x2421 : 0x2400 + c.charCodeAt(0)),
  );
}

/** Counts every line of one record under one outcome (and its bytes as bytes in lines). */
export function countRecord(ledger: Ledger, record: CountedRecord, outcome: LineOutcome): void {
  const n = record.lineCount;
  ledger.lines += n;
  ledger.records += 1;
  ledger.bytesRead += record.byteLength;
  ledger.bytesInLines += record.byteLength;
  if (outcome.kind === 'rejected') {
    ledger.rejected[outcome.reason] = (ledger.rejected[outcome.reason] ?? 0) + n;
    addExample(ledger, outcome.reason, { line: record.firstLine, text: record.text, bytes: record.firstLineBytes });
    if (outcome.reason === 'line_too_long') ledger.longestLineTooLong = Math.max(ledger.longestLineTooLong, record.firstLineBytes);
  } else if (outcome.kind === 'catalogued') ledger.catalogued += n;
  else if (outcome.kind === 'uncatalogued') ledger.uncatalogued += n;
  else ledger.nonError += n;
}

/** Keeps an example of a rejection, up to the per-reason cap. */
export function addExample(ledger: Ledger, reason: RejectReason, example: { line: number; text: string; bytes: number }): void {
  const list = ledger.examples[reason] ?? [];
  if (list.length >= MAX_EXAMPLES_PER_REASON) return;
  list.push({ line: example.line, text: toExampleText(example.text), bytes: example.bytes });
  ledger.examples[reason] = list;
}

/** Counts bytes that could not be split into lines (a file-level rejection, a corrupt tail, a cancel). */
export function countUnsplittable(ledger: Ledger, reason: RejectReason | 'cancelled', bytes: number): void {
  if (bytes <= 0) return;
  ledger.bytesRead += bytes;
  ledger.bytesUnsplittable[reason] = (ledger.bytesUnsplittable[reason] ?? 0) + bytes;
}

/**
 * Counts bytes of a gzip file's own (compressed) bytes: taken in by the decompressor (`'inflated'`), or left
 * out for a reason. Gives the ledger its compressed part if it has none yet.
 * Example: `countCompressed(ledger, 'decompression_error', 4)` for 4 bytes of junk after the last member.
 */
export function countCompressed(ledger: Ledger, use: 'inflated' | RejectReason | 'cancelled', bytes: number): void {
  const compressed = (ledger.compressed ??= createEmptyCompressedLedger());
  if (bytes === 0) return;
  compressed.bytesRead += bytes;
  if (use === 'inflated') compressed.bytesInflated += bytes;
  else compressed.bytesUnsplittable[use] = (compressed.bytesUnsplittable[use] ?? 0) + bytes;
}

/** Counts a record read with a caveat, and keeps its first line's number among the flag's first few. */
export function countFlag(ledger: Ledger, flag: RecordFlag, line: number): void {
  const count = (ledger.flags[flag] ?? 0) + 1;
  ledger.flags[flag] = count;
  if (count <= MAX_FLAG_LINES) (ledger.flagLines[flag] ??= []).push(line);
}

export function addNotice(ledger: Ledger, notice: string): void {
  ledger.notices.push(notice);
}
