import type { EventStore } from './event-store';

/** Event indices sorted by time (stable); the `dated` first entries are dated, undated ones follow. */
export interface TimeOrder {
  readonly order: Uint32Array;
  readonly dated: number;
}

interface CachedOrder {
  readonly version: number;
  readonly epoch: number;
  readonly value: TimeOrder;
  /** The order's storage, with room to grow: `value.order` is a view of its first `value.order.length` entries. */
  readonly buffer: Uint32Array;
}

const cache = new WeakMap<EventStore, CachedOrder>();

/**
 * The store's events in time order, cached per store version. Logs are mostly in order already, one run
 * per source, so a natural merge sort costs O(n log runs): a few ms for 1 M events. While a log is read,
 * each new version only appends events no earlier than the last one: those are added to the previous
 * order in place (its storage grows by doubling), instead of sorting and allocating everything again once
 * a second (on a 1 GiB log, that was a 3 MB array each time, and garbage the page held on to).
 */
export function getTimeOrder(store: EventStore): TimeOrder {
  const hit = cache.get(store);
  if (hit !== undefined && hit.version === store.version) return hit.value;
  const next = hit === undefined ? null : extendOrder(hit, store);
  if (next !== null) {
    cache.set(store, next);
    return next.value;
  }
  const value = sortByTime(store.columns.time, store.size);
  cache.set(store, { version: store.version, epoch: store.epoch, value, buffer: value.order });
  return value;
}

/** The cached order with the events appended since, when they are all dated and in time order after it; else null. */
function extendOrder(hit: CachedOrder, store: EventStore): CachedOrder | null {
  const from = hit.value.order.length;
  const size = store.size;
  const time = store.columns.time;
  // Rows are only appended while the epoch holds; undated events sit after the dated ones, so none may be held.
  if (hit.epoch !== store.epoch || size < from || hit.value.dated !== from) return null;
  let last = from === 0 ? -Infinity : (time[hit.value.order[from - 1] ?? 0] ?? NaN);
  for (let i = from; i < size; i += 1) {
    const t = time[i] ?? NaN;
    if (!(t >= last)) return null;
    last = t;
  }
  let buffer = hit.buffer;
  if (buffer.length < size) {
    buffer = new Uint32Array(Math.max(size, buffer.length * 2));
    buffer.set(hit.value.order);
  }
  for (let i = from; i < size; i += 1) buffer[i] = i;
  return { version: store.version, epoch: store.epoch, value: { order: buffer.subarray(0, size), dated: size }, buffer };
}

export function sortByTime(time: Float64Array, size: number): TimeOrder {
  const order = new Uint32Array(size);
  let dated = 0;
  for (let i = 0; i < size; i += 1) if (!Number.isNaN(time[i] ?? NaN)) order[dated++] = i;
  let tail = dated;
  for (let i = 0; i < size; i += 1) if (Number.isNaN(time[i] ?? NaN)) order[tail++] = i;
  mergeSortRuns(order.subarray(0, dated), time);
  return { order, dated };
}

/** Bottom-up natural merge sort of `idx` by `time[idx[i]]`, stable, in place. */
function mergeSortRuns(idx: Uint32Array, time: Float64Array): void {
  let runs = findRuns(idx, time);
  if (runs.length <= 2) return;
  let src: Uint32Array = idx;
  let dst: Uint32Array = new Uint32Array(idx.length);
  while (runs.length > 2) {
    const next: number[] = [0];
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const lo = runs[r] ?? 0;
      const mid = runs[r + 1] ?? 0;
      const hi = runs[r + 2] ?? mid;
      merge(src, dst, time, lo, mid, hi);
      next.push(hi);
    }
    runs = next;
    [src, dst] = [dst, src];
  }
  if (src !== idx) idx.set(src);
}

/** Run boundaries [0, b1, b2, ..., n]: each [b_k, b_k+1) is non-decreasing in time. */
function findRuns(idx: Uint32Array, time: Float64Array): number[] {
  const runs = [0];
  for (let i = 1; i < idx.length; i += 1) {
    if ((time[idx[i] ?? 0] ?? 0) < (time[idx[i - 1] ?? 0] ?? 0)) runs.push(i);
  }
  runs.push(idx.length);
  return runs;
}

function merge(src: Uint32Array, dst: Uint32Array, time: Float64Array, lo: number, mid: number, hi: number): void {
  let a = lo;
  let b = mid;
  let out = lo;
  while (a < mid && b < hi) {
    const ia = src[a] ?? 0;
    const ib = src[b] ?? 0;
    if ((time[ib] ?? 0) < (time[ia] ?? 0)) {
      dst[out++] = ib;
      b += 1;
    } else {
      dst[out++] = ia;
      a += 1;
    }
  }
  while (a < mid) dst[out++] = src[a++] ?? 0;
  while (b < hi) dst[out++] = src[b++] ?? 0;
}
