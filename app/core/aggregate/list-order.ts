import type { EventStore } from '../store/event-store';
import type { EventOrder } from '../view-state/view-state';

/**
 * Where each position of the events list reads from: `indices` come from filterEvents in time order, undated
 * last. Oldest first is that order; newest first reads the dated events from their end, and the undated stay
 * last (they have no place in time). listOrder(store, [a, b, c], 'newest')(0) -> c when all three are dated.
 */
export function listOrder(store: EventStore, indices: Uint32Array, order: EventOrder): (position: number) => number {
  if (order === 'oldest') return (position) => indices[position] ?? -1;
  const { time } = store.columns;
  // The undated are a suffix: the first of them is found by halving, not by a walk back over them all.
  let low = 0;
  let high = indices.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (Number.isNaN(time[indices[middle] ?? 0] ?? NaN)) high = middle;
    else low = middle + 1;
  }
  const dated = low;
  return (position) => indices[position < dated ? dated - 1 - position : position] ?? -1;
}
