import { growColumns, releaseColumns, type EventColumns } from './columns';
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
  if (store.size + n > store.capacity) {
    // Grown to fit, not doubled: the parts of a file come together once its reading is done.
    const capacity = store.size + n;
    store.columns = growColumns(store.columns, store.size, capacity);
    store.capacity = capacity;
  }
  const to = store.columns;
  const from = part.columns;
  const at = store.size;
  for (const name of ['time', 'category', 'verdict', 'family', 'source', 'byteOffset', 'byteLength', 'flags', 'quotaWindow', 'http', 'attempts', 'language', 'requestIdLength'] as const) {
    (to[name] as Uint8Array).set((from[name] as Uint8Array).subarray(0, n), at);
  }
  const code = remapIds(part.codes.values, (value) => internString(store.codes, value));
  const format = remapIds(part.formats.values, (value) => internFormat(store, value ?? ''));
  // Messages, wordings and resets are looked up among recent ones only (a value may hold two ids), so the
  // part's are appended as they are, not interned again one by one: its ids move by the table's length.
  const messageShift = appendValues(store.messages.values, part.messages.values);
  const wordingShift = appendValues(store.wordings.values, part.wordings.values);
  const resetShift = appendResetTable(store.resets, part.resets);
  const poolBase = appendPool(store, part);
  for (let i = 0; i < n; i += 1) {
    const row = at + i;
    const messageId = from.message[i] ?? 0;
    const resetId = from.reset[i] ?? 0;
    to.code[row] = code(from.code[i] ?? 0);
    to.message[row] = messageId === 0 ? 0 : messageId + (messageId < WORDING_BASE ? messageShift : wordingShift);
    to.format[row] = format(from.format[i] ?? 0);
    to.reset[row] = resetId === 0 ? 0 : resetId + resetShift;
    to.line[row] = clampUint((from.line[i] ?? 0) + lineShift, 0xffffffff);
    movePoolRow(to, row, (from.requestIdStart[i] ?? 0) + poolBase);
    trackExtent(store, to.time[row] ?? NaN);
  }
  store.size += n;
  store.version += n;
  releasePart(part);
  return n;
}

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

/** Copies the part's request id bytes to the end of the store's pool; returns where they start. */
function appendPool(store: EventStore, part: EventStore): number {
  return appendBytes(store.requestIds, part.requestIds.bytes.subarray(0, part.requestIds.length));
}

/** A request id that would have started past the pool's limit is not kept, as when appended one by one. */
function movePoolRow(columns: EventColumns, row: number, start: number): void {
  columns.requestIdStart[row] = start;
  if (start >= POOL_MAX) columns.requestIdLength[row] = 0;
}
