import type { RecordFlag, RejectReason } from '../classify/outcome';

/**
 * One example of a rejected line, kept so the user can see what was rejected and where. Plain data: it is posted
 * from the worker to the page (structured clone) and written as is by the command line's `summarize`.
 */
export interface RejectExample {
  /** The line's number, from 1; 0 for bytes that are in no line (a source refused whole: see isFileLevelExample). */
  readonly line: number;
  /** The line's start, capped and safe to render as text; for line 0, the notice saying why the bytes were refused. */
  readonly text: string;
  /** The line's full byte length (useful for line_too_long); for line 0, the bytes refused. */
  readonly bytes: number;
}

/**
 * The line accounting of one source: every line read ends as exactly one outcome.
 * Invariant: lines = catalogued + uncatalogued + nonError + sum(rejected).
 * Invariant: bytesRead = bytesInLines + sum(bytesUnsplittable).
 */
export interface Ledger {
  lines: number;
  catalogued: number;
  uncatalogued: number;
  nonError: number;
  rejected: Partial<Record<RejectReason, number>>;
  /** Records (one or more lines) and the error events extracted from them. */
  records: number;
  events: number;
  /** Claude Code retry records folded into the incident they belong to (counted, not lost). */
  retriesFolded: number;
  /** Records cut at a record's cap while their next line would have gone on with them: those lines are read on their own. */
  recordsCut: number;
  /** Bytes after decompression. */
  bytesRead: number;
  bytesInLines: number;
  bytesUnsplittable: Partial<Record<RejectReason | 'cancelled', number>>;
  /** Bytes of the source as given (compressed size for a gzip file). */
  sourceBytes: number;
  flags: Partial<Record<RecordFlag, number>>;
  /** Up to 20 examples per reason. */
  examples: Partial<Record<RejectReason, RejectExample[]>>;
  /** A file-level notice, e.g. "file is empty", "gzip, 2 members". */
  notices: string[];
}
