import type { EventStore } from '../store/event-store';

export interface DataExtent {
  /** Earliest and latest dated event, epoch ms; null when there is none. */
  readonly min: number | null;
  readonly max: number | null;
  readonly dated: number;
  readonly undated: number;
}

/** dataExtent(store) -> { min: 1772352000000, max: 1772355600000, dated: 120, undated: 3 } */
export function dataExtent(store: EventStore): DataExtent {
  const none = Number.isNaN(store.minTime);
  return {
    min: none ? null : store.minTime,
    max: none ? null : store.maxTime,
    dated: store.size - store.undated,
    undated: store.undated,
  };
}
