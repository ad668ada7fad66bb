import type { IngestedEvent } from '../formats/types';
import { allocateColumns, growColumns, GROWTH, INITIAL_CAPACITY, type EventColumns } from './columns';
import { writeRow } from './write-row';
import { createResetTable, type ResetTable } from './reset-table';
import { createStringTable, RECENT_LOOKUP, type StringTable } from './string-table';
import { createBytePool, type BytePool } from './byte-pool';

/**
 * The columnar, append-only store of error events. Mutated only through the functions of this folder;
 * readers key their caches on `version`, which bumps on every change. `epoch` bumps only when rows are
 * removed or moved (removeSource, clearStore), so a reader can tell "appended" from "rewritten".
 */
export interface EventStore {
  size: number;
  capacity: number;
  version: number;
  epoch: number;
  columns: EventColumns;
  codes: StringTable;
  messages: StringTable;
  /** Messages with a hole for their row's reset text (see message-ids.ts). */
  wordings: StringTable;
  /** Request ids are nearly all distinct, so they are not interned: see byte-pool.ts. */
  requestIds: BytePool;
  formats: StringTable;
  resets: ResetTable;
  /** Extent of dated events (NaN when none) and the count of undated ones. */
  minTime: number;
  maxTime: number;
  undated: number;
}

export function createEventStore(): EventStore {
  return {
    size: 0,
    capacity: INITIAL_CAPACITY,
    version: 0,
    epoch: 0,
    columns: allocateColumns(INITIAL_CAPACITY),
    codes: createStringTable(),
    messages: createStringTable(RECENT_LOOKUP),
    wordings: createStringTable(RECENT_LOOKUP),
    requestIds: createBytePool(),
    formats: createStringTable(),
    resets: createResetTable(),
    minTime: NaN,
    maxTime: NaN,
    undated: 0,
  };
}

/** Appends one event from source `sourceId` (0..65535) and returns its index. */
export function appendEvent(store: EventStore, event: IngestedEvent, sourceId: number): number {
  if (store.size === store.capacity) {
    store.capacity = Math.ceil(store.capacity * GROWTH);
    store.columns = growColumns(store.columns, store.size, store.capacity);
  }
  const index = store.size;
  const time = writeRow(store, index, event, sourceId);
  store.size += 1;
  store.version += 1;
  trackExtent(store, time);
  return index;
}

export function appendEvents(store: EventStore, events: Iterable<IngestedEvent>, sourceId: number): void {
  for (const event of events) appendEvent(store, event, sourceId);
}

/** Empties the store and releases its memory; version and epoch move on. */
export function clearStore(store: EventStore): void {
  const fresh = createEventStore();
  Object.assign(store, { ...fresh, version: store.version + 1, epoch: store.epoch + 1 });
}

export function trackExtent(store: EventStore, time: number): void {
  if (Number.isNaN(time)) {
    store.undated += 1;
    return;
  }
  if (!(time >= store.minTime)) store.minTime = time;
  if (!(time <= store.maxTime)) store.maxTime = time;
}
