import { BYTES_PER_EVENT, columnBytes } from './columns';
import type { EventStore } from './event-store';
import { resetTableBytes } from './reset-table';

/** Bytes of the typed arrays that hold a store's events: its columns, request-id pool and reset table. */
export interface StoreBytes {
  /** What the events fill: the columns' rows, the request ids' bytes, the reset rows and their texts. */
  readonly used: number;
  /** What is allocated, with the room that growing leaves. */
  readonly held: number;
}

/**
 * storeBytes(store) -> { used: 40_900_000, held: 64_200_000 } for the 756,530 events of the benchmark's NDJSON.
 * The interned strings (codes, messages, reader names: a few thousand in a large log) live in the JS heap and
 * are not counted.
 */
export function storeBytes(store: EventStore): StoreBytes {
  const resets = resetTableBytes(store.resets);
  return {
    used: store.size * BYTES_PER_EVENT + store.requestIds.length + resets.used,
    held: columnBytes(store.columns) + store.requestIds.bytes.byteLength + resets.held,
  };
}
