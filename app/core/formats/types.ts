import type { CatalogEntry } from '../catalog/types';
import type { ErrorDetails } from '../classify/outcome';

/** An error event as the ingest pipeline emits it: one per error record (after folding retries). */
export interface IngestedEvent {
  /** 1-based line number of the record's first line, in the decompressed text. */
  readonly line: number;
  readonly lineCount: number;
  /** Byte offset of the record's first line in the decompressed stream, and its length in bytes. */
  readonly byteOffset: number;
  readonly byteLength: number;
  /** The catalog entry, or null for an uncatalogued error. */
  readonly entry: CatalogEntry | null;
  readonly details: ErrorDetails;
  /** How many attempts this incident took (Claude Code retries folded into their final record); 1 otherwise. */
  readonly attempts: number;
  /** Which reader produced it: 'ndjson' | 'text' | 'http' | 'sse' | 'transcript' | 'har'... */
  readonly format: string;
}
