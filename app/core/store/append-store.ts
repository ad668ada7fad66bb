import { COLUMN_NAMES, growColumn, releaseColumns, type ColumnName } from './columns';
import { releaseBuffers } from './release-buffers';
import { remapIds } from './compact-ids';
import { trackExtent, type EventStore } from './event-store';
import { appendBytes } from './byte-pool';
import { appendResetTable, releaseResetTable } from './reset-table';
import { WORDING_BASE } from './message-ids';
import { internString } from './string-table';
import { POOL_MAX, clampUint, internFormat } from './write-row';

export interface AppendStoreOptions {
  /** Lines of the source before the part: added to the part's line numbers, which start at 1. */
  readonly lineShift: number;
  /** Events the store may still take (the events cap); the rest of the part is not appended. */
  readonly limit: number;
}

/**
 * Appends the events of `part`, a store filled from a later part of the same source (read in parallel,
 * its line numbers counted from the part's start), after the events of `store`: the same rows as appending
 * the part's events one by one. Codes and reader names are interned again, messages and resets appended
 * (they are looked up among recent ones only), request ids copied into the store's pool. Returns how many
 * events were appended. The part is consumed: its buffers are released (its size still reads as before).
 */
export function appendStore(store: EventStore, part: EventStore, { lineShift, limit }: AppendStoreOptions): number {
  const n = Math.max(0, Math.min(part.size, limit));
  if (n === 0) return 0;
  const at = store.size;
  // Grown to fit, not by a growth step: the parts of a file come together once its reading is done.
  const capacity = Math.max(store.capacity, at + n);
  const code = remapIds(part.codes.values, (value) => internString(store.codes, value));
  const format = remapIds(part.formats.values, (value) => internFormat(store, value ?? ''));
  // Messages, wordings and resets are looked up among recent ones only (a value may hold two ids), so the
  // part's are appended as they are, not interned again one by one: its ids move by the table's length.
  const messageShift = appendValues(store.messages.values, part.messages.values);
  const wordingShift = appendValues(store.wordings.values, part.wordings.values);
  const resetShift = appendResetTable(store.resets, part.resets);
  const keptIds = appendPool(store, part, n);
  const from = part.columns;
  const to = store.columns;
  // Column by column, each spent column released as soon as it is copied: grown all at once, the store's old
  // columns, its new ones and the part's were all held together, about twice the joined columns (in the 1 GiB
  // read, 101 MB for 45 MB joined). The columns whose ids move are filled together, in one pass: a pass per
  // column made the join of the 100 MiB NDJSON three times slower (64 ms against 23 in Node).
  for (const name of COPIED) {
    growColumn(to, name, at, capacity);
    (to[name] as Uint8Array).set((from[name] as Uint8Array).subarray(0, n), at);
    releaseBuffers([from[name]]);
  }
  for (const name of MOVED) growColumn(to, name, at, capacity);
  for (let i = 0; i < n; i += 1) {
    const row = at + i;
    const messageId = from.message[i] ?? 0;
    const resetId = from.reset[i] ?? 0;
    to.code[row] = code(from.code[i] ?? 0);
    to.message[row] = messageId === 0 ? 0 : messageId + (messageId < WORDING_BASE ? messageShift : wordingShift);
    to.format[row] = format(from.format[i] ?? 0);
    to.reset[row] = resetId === 0 ? 0 : resetId + resetShift;
    to.line[row] = clampUint((from.line[i] ?? 0) + lineShift, 0xffffffff);
    // A request id that would have started past the pool's limit is not kept, as when appended one by one.
    to.requestIdLength[row] = i < keptIds ? (from.requestIdLength[i] ?? 0) : 0;
    trackExtent(store, to.time[row] ?? NaN);
  }
  store.capacity = capacity;
  store.size += n;
  store.version += n;
  releasePart(part);
  return n;
}

/** The columns whose values move (ids into the store's tables, line numbers, request ids past the pool's limit). */
const MOVED: readonly ColumnName[] = ['code', 'message', 'format', 'reset', 'line', 'requestIdLength'];
const COPIED: readonly ColumnName[] = COLUMN_NAMES.filter((name) => !MOVED.includes(name));

/** The part's buffers, copied into the store, are released at once (see release-buffers.ts). */
function releasePart(part: EventStore): void {
  releaseColumns(part.columns);
  releaseBuffers([part.requestIds.bytes]);
  releaseResetTable(part.resets);
}

/** Appends values[1..] of a part's table (values[0] is "none"); returns how far the part's ids move. */
function appendValues<V>(into: V[], values: readonly V[]): number {
  const shift = into.length - 1;
  for (let id = 1; id < values.length; id += 1) into.push(values[id] as V);
  return shift;
}

/**
 * Copies the request ids of the part's first `n` rows to the end of the store's pool, in row order (see
 * request-ids.ts); returns how many of those rows keep theirs: a row whose id would start past the pool's
 * limit keeps none, as when appended one by one.
 */
function appendPool(store: EventStore, part: EventStore, n: number): number {
  const lengths = part.columns.requestIdLength;
  let bytes = 0;
  let rows = 0;
  if (n === part.size && store.requestIds.length + part.requestIds.length < POOL_MAX) [bytes, rows] = [part.requestIds.length, n];
  for (; rows < n && store.requestIds.length + bytes < POOL_MAX; rows += 1) bytes += lengths[rows] ?? 0;
  appendBytes(store.requestIds, part.requestIds.bytes.subarray(0, bytes));
  return rows;
}
