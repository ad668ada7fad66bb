import { COLUMN_NAMES } from './columns';
import { trackExtent, type EventStore } from './event-store';
import { compactResetTable, releaseResetTable } from './reset-table';
import { compactStringTable, createStringTable, internString } from './string-table';
import { remapIds } from './compact-ids';
import { WORDING_BASE } from './message-ids';

/**
 * Removes every event of `sourceId`, compacting the columns in place (order kept) and the string tables
 * (so the source's strings are freed). Returns the number of events removed.
 */
export function removeSource(store: EventStore, sourceId: number): number {
  const { columns: c, size } = store;
  const pool = store.requestIds;
  let kept = 0;
  pool.length = 0;
  // Ids are kept in row order (see request-ids.ts): a row's id starts where the ids before it end.
  for (let read = 0, start = 0; read < size; read += 1) {
    const length = c.requestIdLength[read] ?? 0;
    const from = start;
    start += length;
    if (c.source[read] === sourceId) continue;
    if (kept !== read) for (const name of COLUMN_NAMES) c[name][kept] = c[name][read] ?? 0;
    // Kept ids move left in the pool (never right), so copyWithin compacts it in place.
    pool.bytes.copyWithin(pool.length, from, from + length);
    pool.length += length;
    kept += 1;
  }
  const removed = size - kept;
  if (removed === 0) return 0;
  store.size = kept;
  store.codes = compactStringTable(store.codes, c.code, kept);
  compactMessages(store, kept);
  store.formats = compactStringTable(store.formats, c.format, kept);
  const resets = store.resets;
  store.resets = compactResetTable(resets, c.reset, kept);
  releaseResetTable(resets);
  recomputeExtent(store);
  store.version += 1;
  store.epoch += 1;
  return removed;
}

/** compactStringTable for the message column, whose ids name a message or, from WORDING_BASE on, a wording. */
function compactMessages(store: EventStore, size: number): void {
  const messages = createStringTable(store.messages.lookupLimit);
  const wordings = createStringTable(store.wordings.lookupLimit);
  const message = remapIds(store.messages.values, (value) => internString(messages, value));
  const wording = remapIds(store.wordings.values, (value) => internString(wordings, value));
  const column = store.columns.message;
  for (let i = 0; i < size; i += 1) {
    const id = column[i] ?? 0;
    column[i] = id < WORDING_BASE ? message(id) : WORDING_BASE + wording(id - WORDING_BASE);
  }
  store.messages = messages;
  store.wordings = wordings;
}

function recomputeExtent(store: EventStore): void {
  store.minTime = NaN;
  store.maxTime = NaN;
  store.undated = 0;
  for (let i = 0; i < store.size; i += 1) trackExtent(store, store.columns.time[i] ?? NaN);
}
