import type { RejectReason } from '../classify/outcome';

/** Which reader formed a record; becomes `IngestedEvent.format`. */
export type RecordFormat = 'ndjson' | 'text' | 'http' | 'json' | 'sse' | 'stack' | 'transcript' | 'har';

/** One or more lines that form one record; every line belongs to exactly one record. */
export interface LogRecord {
  /** 1-based line number of the first line. */
  readonly firstLine: number;
  readonly lineCount: number;
  /** Byte offset of the first line in the (decompressed) stream, and the record's bytes with terminators. */
  readonly byteOffset: number;
  readonly byteLength: number;
  /** The first line's bytes without terminator (for line_too_long examples). */
  readonly firstLineBytes: number;
  /** The lines joined with `\n` (for a rejected record only the first line's start). */
  readonly text: string;
  readonly format: RecordFormat;
  readonly invalidUtf8: boolean;
  /** Set when the record is rejected before classification (NUL byte, too long, cut by the end of input). */
  readonly rejection: RejectReason | null;
}
