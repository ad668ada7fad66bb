import { addLedger, cloneLedger } from '../ledger/ledger';
import type { Ledger } from '../ledger/types';
import type { FirstLine, IngestPipeline } from './pipeline';

/** Sources smaller than this are read in one part: a second reader would cost more than it saves. */
export const SPLIT_MIN_BYTES = 16 * 1024 * 1024;
/** Bytes read around the middle of a source to find where its second part starts. */
export const SPLIT_WINDOW_BYTES = 64 * 1024;

const LF = 10;

/**
 * Where a second part may start in `bytes` (taken from the middle of a source): just after a line
 * feed, preferably before a line that starts a record of its own (`{`, `[`, a digit: an NDJSON line or a
 * stamped log line), else before any line that cannot continue a stack trace; null when there is none.
 * findSplitPoint(bytes('…}\n{"ts"…')) -> the index of that `{`.
 */
export function findSplitPoint(bytes: Uint8Array): number | null {
  let fallback: number | null = null;
  for (let lf = bytes.indexOf(LF); lf >= 0 && lf + 1 < bytes.length; lf = bytes.indexOf(LF, lf + 1)) {
    const next = bytes[lf + 1] ?? 0;
    if (next === 0x7b || next === 0x5b || (next >= 0x30 && next <= 0x39)) return lf + 1;
    if (fallback === null && next !== 0x20 && next !== 0x09 && next !== 0x43 && next !== LF && next !== 0x0d) fallback = lf + 1;
  }
  return fallback;
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
