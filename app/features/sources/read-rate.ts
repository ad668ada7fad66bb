import type { SourceStatus } from '../../ingest/protocol';

/**
 * While a file is read, its rate is given from this far in: its first status (at once, after the first chunk)
 * gave 64 KiB over the worker's start, "1.2 MB/s" for a file read at 100.
 */
const READING_RATE_AFTER_S = 0.5;

/**
 * MB/s of a source's read so far, or null while too little time has passed to say. A file's rate counts the
 * bytes read from it: its ledger also counts the bytes a Cancel left unread (they reconcile with its size),
 * and a file cancelled before its first chunk said "0 B of 150 MiB · 1969 MB/s". A stream has no size: its
 * ledger's bytes are what it sent.
 */
export function readRate(source: Pick<SourceStatus, 'kind' | 'sizeBytes' | 'bytesDone' | 'ledger' | 'startedAt' | 'finishedAt' | 'updatedAt'>): number | null {
  // Against the worker's own publish time: the panel redraws only when a status arrives, never on a clock.
  const elapsed = ((source.finishedAt ?? source.updatedAt ?? source.startedAt) - source.startedAt) / 1000;
  const isFile = source.sizeBytes !== null && source.kind !== 'stream';
  if (elapsed <= 0.05 || (isFile && source.finishedAt === null && elapsed < READING_RATE_AFTER_S)) return null;
  const bytes = isFile ? source.bytesDone : source.ledger.bytesRead;
  return bytes / 1e6 / elapsed;
}
