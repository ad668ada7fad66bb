import { addLedger, cloneLedger } from '../ledger/ledger';
import { addNotice } from '../ledger/ledger-count';
import { formatCount } from '../text/count-text';
import type { Ledger } from '../ledger/types';
import { isCancelNotice, type FirstLine, type IngestPipeline } from './pipeline';
import { SNIFF_BYTES, sniffBytes } from './sniff';
import { CR, LF } from './terminators';

/** Sources smaller than this are read in one part: a second reader would cost more than it saves. */
export const SPLIT_MIN_BYTES = 16 * 1024 * 1024;
/** Bytes read around the middle of a source to find where its second part starts. */
const SPLIT_WINDOW_BYTES = 64 * 1024;

/** Reads up to `length` bytes of a source from `offset` (fewer at its end). */
export type ReadBytes = (offset: number, length: number) => Promise<Uint8Array>;

/**
 * Where a second reader starts in a source of `size` bytes: in a UTF-8 text source of `minBytes` or more,
 * at the split point found from `share` of the way in; null to read the source in one part (small, gzip,
 * HAR, another encoding, no line feed there).
 */
export async function chooseSplit(size: number, read: ReadBytes, { share = 0.5, minBytes = SPLIT_MIN_BYTES } = {}): Promise<number | null> {
  if (size < minBytes || sniffBytes(await read(0, SNIFF_BYTES)).kind !== 'text') return null;
  const from = Math.floor(size * share);
  const at = findSplitPoint(await read(from, SPLIT_WINDOW_BYTES));
  return at === null ? null : from + at;
}


/**
 * Where a second part may start in `bytes` (taken from the middle of a source): just after a line feed,
 * preferably between two lines that each start a record of their own (`{`, `[`, a digit: NDJSON or
 * stamped log lines) and where the first does not open a JSON block, so that nothing is held open
 * there; else before any such line; else before any line a stack trace cannot take; null when none.
 * findSplitPoint(bytes('2026… INFO a\n2026… INFO b\n')) -> the index of the second line.
 */
export function findSplitPoint(bytes: Uint8Array): number | null {
  let beforeRecord: number | null = null;
  let fallback: number | null = null;
  let lineStart = -1;
  for (let lf = bytes.indexOf(LF); lf >= 0 && lf + 1 < bytes.length; lf = bytes.indexOf(LF, lf + 1)) {
    const next = bytes[lf + 1] ?? 0;
    if (startsRecord(next)) {
      if (lineStart >= 0 && startsRecord(bytes[lineStart] ?? 0) && !endsWithOpener(bytes, lineStart, lf)) return lf + 1;
      beforeRecord ??= lf + 1;
    } else if (fallback === null && next !== 0x20 && next !== 0x09 && next !== 0x43 && next !== LF && next !== 0x0d) fallback = lf + 1;
    lineStart = lf + 1;
  }
  return beforeRecord ?? fallback;
}

function startsRecord(byte: number): boolean {
  return byte === 0x7b || byte === 0x5b || (byte >= 0x30 && byte <= 0x39);
}

/** The line [start, end) ends with `{` or `[` (white space and CR aside): a JSON block may follow. */
function endsWithOpener(bytes: Uint8Array, start: number, end: number): boolean {
  let at = end - 1;
  while (at >= start && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0d)) at -= 1;
  return at >= start && (bytes[at] === 0x7b || bytes[at] === 0x5b);
}

/**
 * Puts two parts of one source together after both were read: `first` read the bytes before the split
 * (not finished yet), `rest` the bytes from it, as a pipeline with `partAt`. Returns the source's ledger and
 * how far the rest's line numbers move, having finished `first`; or null, leaving `first` as it was, when
 * the split fell inside a record (the caller then reads the rest with `first`, as one pipeline would).
 */
export function joinParts(first: IngestPipeline, rest: { readonly ledger: Ledger; readonly firstLine: FirstLine | null }): { ledger: Ledger; lineShift: number } | null {
  if (rest.firstLine === null || !first.settledBefore(rest.firstLine)) return null;
  const ledger = cloneLedger(first.finish());
  const lineShift = ledger.lines;
  addLedger(ledger, rest.ledger, lineShift);
  return { ledger, lineShift };
}

/**
 * Where the bytes between the parts of a cancelled source start, for counting their line ends: at `cut`, the bytes the
 * first reader read, or a byte before when that last byte read is a CR, whose line waits for the byte after it (a
 * CRLF is one line end). gapStartOf(100, 0x0d) -> 99
 */
export function gapStartOf(cut: number, lastByte: number): number {
  return cut > 0 && lastByte === CR ? cut - 1 : cut;
}

/** Where the two parts of a cancelled source were read: `first` from its start to `cut`, `rest` from `at` on. */
export interface ReadAcrossGap {
  readonly cut: number;
  readonly at: number;
  /** Bytes the rest's reader read from `at` (to the source's end when it was not stopped). */
  readonly restBytesRead: number;
  readonly sourceBytes: number;
  /**
   * Line ends from where `first`'s held line starts to `at`: from `cut`, or from `cut - 1` when the byte there is a CR
   * (its line waits for the byte after it). The lines there were not read, but the rest's lines are numbered after them.
   */
  readonly gapLineEnds: number;
}

/**
 * Puts two parts of a source together after a Cancel stopped `first` (not ended yet) before the rest's start: the
 * bytes between are counted as not read (cancelled), and the rest's lines are numbered after the line ends among
 * them. Returns the source's ledger, with one notice saying what was read, and how far the rest's lines move.
 */
export function joinPartsAcrossGap(first: IngestPipeline, rest: { readonly ledger: Ledger }, where: ReadAcrossGap): { ledger: Ledger; lineShift: number } {
  const ledger = cloneLedger(first.cancel(where.at - where.cut));
  const lineShift = ledger.lines + where.gapLineEnds;
  addLedger(ledger, rest.ledger, lineShift);
  ledger.notices = ledger.notices.filter((notice) => !isCancelNotice(notice));
  const restEnd = where.at + where.restBytesRead;
  const toEnd = restEnd >= where.sourceBytes;
  addNotice(
    ledger,
    `cancelled: read bytes 0 to ${formatCount(where.cut)} and, on a second core, ${formatCount(where.at)} to ${toEnd ? 'the end' : formatCount(restEnd)} of ${formatCount(where.sourceBytes)}; the bytes ${toEnd ? 'between are' : 'between and after are'} not read`,
  );
  return { ledger, lineShift };
}
