import type { SourceStatus } from '../../ingest/protocol';

/**
 * A file's rate is given once its read has lasted this long, or has read RATE_MIN_BYTES: before, it is mostly the
 * reader's start. The first status of a read (at once, after 64 KiB) said "1.2 MB/s" for a file read at 100, and
 * a 2 KiB file "0.0 MB/s".
 */
const RATE_AFTER_S = 0.5;
const RATE_MIN_BYTES = 1e6;

/**
 * MB/s of a source's read so far, or null while too little time has passed to say. A file's rate counts the
 * bytes read from it: its ledger also counts the bytes a Cancel left unread (they reconcile with its size),
 * and a file cancelled before its first chunk said "0 B of 150 MiB · 1969 MB/s". A compressed file's rate counts
 * the text it held, its line ledger's bytes (the bytes a Cancel left unread are in its compressed ledger): 100 MiB
 * of NDJSON from 3 MiB of gzip read in 2 s said "1.5 MB/s". A stream has no size: its ledger's bytes are what it sent.
 */
export function readRate(source: Pick<SourceStatus, 'kind' | 'sizeBytes' | 'bytesDone' | 'ledger' | 'startedAt' | 'finishedAt' | 'updatedAt' | 'compressed'>): number | null {
  // Against the worker's own publish time: the panel redraws only when a status arrives, never on a clock.
  const elapsed = ((source.finishedAt ?? source.updatedAt ?? source.startedAt) - source.startedAt) / 1000;
  const isFile = source.sizeBytes !== null && source.kind !== 'stream';
  const bytes = source.compressed !== undefined || !isFile ? source.ledger.bytesRead : source.bytesDone;
  if (elapsed <= 0.05) return null;
  if (isFile && elapsed < RATE_AFTER_S && (source.finishedAt === null || bytes < RATE_MIN_BYTES)) return null;
  return bytes / 1e6 / elapsed;
}
