import { COLUMN_NAMES } from './columns';
import { trackExtent, type EventStore } from './event-store';
import { compactResetTable } from './reset-table';
import { compactStringTable } from './string-table';

/**
 * Removes every event of `sourceId`, compacting the columns in place (order kept) and the string tables
 * (so the source's strings are freed). Returns the number of events removed.
 */
export function removeSource(store: EventStore, sourceId: number): number {
  const { columns: c, size } = store;
  const pool = store.requestIds;
  let kept = 0;
  pool.length = 0;
  for (let read = 0; read < size; read += 1) {
    if (c.source[read] === sourceId) continue;
    if (kept !== read) for (const name of COLUMN_NAMES) c[name][kept] = c[name][read] ?? 0;
    // Kept ids move left in the pool (never right), so copyWithin compacts it in place.
    const start = c.requestIdStart[kept] ?? 0;
    const length = c.requestIdLength[kept] ?? 0;
    pool.bytes.copyWithin(pool.length, start, start + length);
    c.requestIdStart[kept] = pool.length;
    pool.length += length;
    kept += 1;
  }
  const removed = size - kept;
  if (removed === 0) return 0;
  store.size = kept;
  store.codes = compactStringTable(store.codes, c.code, kept);
  store.messages = compactStringTable(store.messages, c.message, kept);
  store.formats = compactStringTable(store.formats, c.format, kept);
  store.resets = compactResetTable(store.resets, c.reset, kept);
  recomputeExtent(store);
  store.version += 1;
  store.epoch += 1;
  return removed;
}

function recomputeExtent(store: EventStore): void {
  store.minTime = NaN;
  store.maxTime = NaN;
  store.undated = 0;
  for (let i = 0; i < store.size; i += 1) trackExtent(store, store.columns.time[i] ?? NaN);
}
