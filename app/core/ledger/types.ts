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
 * Invariant: bytesRead = bytesInLines + sum(bytesUnsplittable), all in bytes of text (see bytesRead).
 * A gzip source also has `compressed`, the same accounting of the file's own bytes (RELIABILITY 2.2: two byte
 * ledgers, each in one unit).
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
  /**
   * Bytes of text: a plain source's own bytes; for a gzip source, only the bytes that came out of the decompressor
   * (its compressed bytes, read or not, are counted in `compressed`). At the end of a read, the size of the file
   * (plain) or of the text it unpacked to (gzip).
   */
  bytesRead: number;
  bytesInLines: number;
  /** Bytes of text in no line: binary data, a line cut by a cap, a plain file's rest not read after a Cancel. */
  bytesUnsplittable: Partial<Record<RejectReason | 'cancelled', number>>;
  /** Bytes of the source as given (compressed size for a gzip file). */
  sourceBytes: number;
  /** For a gzip source only (absent otherwise): the accounting of the file's own, compressed bytes. */
  compressed?: CompressedLedger;
  flags: Partial<Record<RecordFlag, number>>;
  /** Bytes of the longest line rejected as too long (0: none): what cap would read them all. */
  longestLineTooLong: number;
  /** The first lines (up to 5, by number, in file order) of the records counted under each flag: where to look. */
  flagLines: Partial<Record<RecordFlag, number[]>>;
  /** Up to 20 examples per reason. */
  examples: Partial<Record<RejectReason, RejectExample[]>>;
  /** A file-level notice, e.g. "file is empty", "gzip, 2 members". */
  notices: string[];
}

/**
 * The byte accounting of a gzip file's own (compressed) bytes: each byte was either taken in by the decompressor
 * (member headers, deflate data, trailers) or left out for a reason: trailing junk or a corrupt tail
 * (`decompression_error`), the rest past the decompression limit (`decompression_limit`), a cut header or trailer
 * (`truncated_record`), the rest after a Cancel (`cancelled`) or a failure (`file_unreadable`).
 * Invariant: bytesRead = bytesInflated + sum(bytesUnsplittable); at the end of a read, bytesRead = the file's size.
 * Only the outermost layer: a gzip inside the gzip is part of the text the outer one unpacked to, and what its
 * own decoding leaves out (junk after its members, a corrupt tail) is counted in the line ledger's
 * `bytesUnsplittable`, as bytes that came out of the file's decompressor but are in no line.
 */
export interface CompressedLedger {
  bytesRead: number;
  bytesInflated: number;
  bytesUnsplittable: Partial<Record<RejectReason | 'cancelled', number>>;
}
