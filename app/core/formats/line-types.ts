import type { RejectReason } from '../classify/outcome';

/**
 * What the splitter knows about a line before any record is formed: 'ok', decoded with replacement
 * characters ('invalid_utf8'), or already rejected (NUL byte, over the cap, cut by the end of input).
 */
export type LineKind = 'ok' | 'invalid_utf8' | RejectReason;

/**
 * Receives every line once, in order. `contentBytes` excludes the terminator, `termBytes` is 0 (last line
 * without terminator), 1 (LF or CR) or 2 (CRLF). For a rejected line `text` is only its start.
 */
export type LineSink = (text: string, contentBytes: number, termBytes: number, kind: LineKind) => void;

/** A byte-driven line splitter (UTF-8 or UTF-16). */
export interface LineSplitter {
  push(chunk: Uint8Array): void;
  /** Ends the input; the unterminated last line, if any, is rejected with `tailReason` when given. */
  finish(tailReason: RejectReason | null): void;
  /** Bytes held for a line not yet complete (counted as cancelled on cancel). */
  heldBytes(): number;
}

/** Characters of a rejected line kept for its example. */
export const REJECTED_TEXT_CHARS = 300;
/** Bytes of an over-long line kept while skipping the rest (enough for REJECTED_TEXT_CHARS characters). */
export const REJECTED_HEAD_BYTES = 1200;
