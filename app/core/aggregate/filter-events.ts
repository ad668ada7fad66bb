import type { EventStore } from '../store/event-store';
import { categoryIdOf, verdictIdOf } from '../store/ids';
import { getTimeOrder } from '../store/time-order';
import type { AbsoluteRange, ViewState } from '../view-state/view-state';
import { WORDING_BASE } from '../store/message-ids';
import { filterRange, type AggregateContext } from './context';
import { buildFacetMasks, hasNoFacet, type FacetMasks } from './facet-masks';

/** Time bounds of a pass: half-open, either side may be infinite. */
export interface TimeBounds {
  readonly from: number;
  readonly to: number;
}

/** A few recent passes per store: the charts of one view share one, blocked intervals use another. */
const MEMO_SIZE = 4;
const memo = new WeakMap<EventStore, { readonly key: string; readonly result: Uint32Array }[]>();

/**
 * Indices of the events that match the view, in time order (undated last; undated events match only
 * when the range is "all data"). Facets are ANDed, values within a facet ORed; an empty list filters
 * nothing. The result is shared by the aggregations of one view (memoised on store version, resolved
 * range and filters): treat it as read-only.
 */
export function filterEvents(store: EventStore, view: ViewState, ctx: AggregateContext): Uint32Array {
  return filterInBounds(store, view, filterRange(store, view, ctx));
}

/** Same as filterEvents for explicit bounds (null = all data, including undated events). */
export function filterInBounds(store: EventStore, view: ViewState, bounds: TimeBounds | AbsoluteRange | null): Uint32Array {
  const span = bounds === null ? 'all' : `${bounds.from}..${bounds.to}`;
  const key = JSON.stringify([store.version, span, view.categories, view.codes, view.verdicts, view.sources, view.q]);
  const recent = memo.get(store) ?? [];
  const hit = recent.find((entry) => entry.key === key);
  if (hit !== undefined) return hit.result;
  const result = scan(store, buildFacetMasks(store, view), bounds);
  memo.set(store, [{ key, result }, ...recent.slice(0, MEMO_SIZE - 1)]);
  return result;
}

function scan(store: EventStore, masks: FacetMasks, bounds: TimeBounds | null): Uint32Array {
  const { order, dated } = getTimeOrder(store);
  const time = store.columns.time;
  const lo = bounds === null ? 0 : lowerBound(order, dated, time, bounds.from);
  const hi = bounds === null ? store.size : lowerBound(order, dated, time, bounds.to);
  // A view, not a copy: results are read-only, and the order's first entries never change once written.
  if (hasNoFacet(masks)) return order.subarray(lo, hi);
  const out = new Uint32Array(hi - lo);
  let n = 0;
  const c = store.columns;
  const { category, verdict, code, source, text } = masks;
  for (let k = lo; k < hi; k += 1) {
    const i = order[k] ?? 0;
    if (category !== null && category[categoryIdOf(c.classes[i] ?? 0)] !== 1) continue;
    if (verdict !== null && verdict[verdictIdOf(c.classes[i] ?? 0)] !== 1) continue;
    if (code !== null && code[c.code[i] ?? 0] !== 1) continue;
    if (source !== null && source[c.source[i] ?? 0] !== 1) continue;
    if (text !== null && text.code[c.code[i] ?? 0] !== 1 && text.rows[i] !== 1) {
      const m = c.message[i] ?? 0;
      if ((m < WORDING_BASE ? text.message[m] : text.wording[m - WORDING_BASE]) !== 1) continue;
    }
    out[n++] = i;
  }
  return out.slice(0, n);
}

/** First position k in order[0..dated) with time[order[k]] >= t. */
function lowerBound(order: Uint32Array, dated: number, time: Float64Array, t: number): number {
  let lo = 0;
  let hi = dated;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((time[order[mid] ?? 0] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
