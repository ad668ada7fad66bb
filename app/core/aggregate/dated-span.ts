import type { EventStore } from '../store/event-store';
import { getTimeOrder } from '../store/time-order';
import { DEFAULT_VIEW, type ViewState } from '../view-state/view-state';
import type { AggregateContext } from './context';
import { buildFacetMasks } from './facet-masks';
import { denseExtent } from './outlying-dates';

/** Instants of a first and a last dated error, epoch ms (both included). */
export interface DatedSpan {
  readonly first: number;
  readonly last: number;
}

/**
 * The first and last dated error of the view's sources, whatever its range and other
 * filters: the time the loaded logs speak for. Outlying dates (a 1970 default, see denseExtent) are left out as
 * the charts leave them out. Null when those sources hold no dated error (none loaded, or a linked one missing).
 * Walks the time order in from both ends, so it reads a few events, not the store.
 * datedSpan(store of source 0 at 10:00, 10:05 and source 1 at 11:00, { sources: ['0'] }, ctx) -> { first: 10:00, last: 10:05 }
 */
export function datedSpan(store: EventStore, view: ViewState, ctx: AggregateContext): DatedSpan | null {
  const dense = denseExtent(store, ctx.now);
  if (dense === null) return null;
  const { order, dated } = getTimeOrder(store);
  const sourceMask = buildFacetMasks(store, { ...DEFAULT_VIEW, sources: view.sources }).source;
  const { time, source } = store.columns;
  const timeAt = (k: number): number => time[order[k] ?? 0] ?? NaN;
  const isKept = (k: number): boolean => {
    const t = timeAt(k);
    return t >= dense.from && t <= dense.to && (sourceMask === null || sourceMask[source[order[k] ?? 0] ?? 0] === 1);
  };
  let first = 0;
  while (first < dated && !isKept(first)) first += 1;
  if (first === dated) return null;
  let last = dated - 1;
  while (!isKept(last)) last -= 1;
  return { first: timeAt(first), last: timeAt(last) };
}
