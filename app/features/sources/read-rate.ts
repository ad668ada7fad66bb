import type { SourceStatus } from '../../ingest/protocol';

/**
 * MB/s of a source's read so far, or null while too little time has passed to say. A file's rate counts the
 * bytes read from it: its ledger also counts the bytes a Cancel left unread (they reconcile with its size),
 * and a file cancelled before its first chunk said "0 B of 150 MiB · 1969 MB/s". A stream has no size: its
 * ledger's bytes are what it sent.
 */
export function readRate(source: Pick<SourceStatus, 'kind' | 'sizeBytes' | 'bytesDone' | 'ledger' | 'startedAt' | 'finishedAt' | 'updatedAt'>): number | null {
  // Against the worker's own publish time: the panel redraws only when a status arrives, never on a clock.
  const elapsed = ((source.finishedAt ?? source.updatedAt ?? source.startedAt) - source.startedAt) / 1000;
  if (elapsed <= 0.05) return null;
  const bytes = source.sizeBytes !== null && source.kind !== 'stream' ? source.bytesDone : source.ledger.bytesRead;
  return bytes / 1e6 / elapsed;
}
