import type { EventStore } from '../store/event-store';
import { familyIdOf, QUOTA_FAMILY_ID, THROTTLE_FAMILY_ID } from '../store/ids';
import { lookupString } from '../store/string-table';
import { NO_CODE, type ViewState } from '../view-state/view-state';
import { bucketGrid, bucketOf, type BucketGrid } from './bucket-size';
import { bucketOffsetMinutes, chartDomain, type AggregateContext } from './context';
import { filterEvents } from './filter-events';

/** Codes drawn as their own series; the rest are summed in one 'other' series (RELIABILITY I1). */
export const RATE_LIMIT_TOP_CODES = 8;
export const OTHER_SERIES_KEY = 'code_other';

export interface RateLimitSeries {
  /** Row key: `code_1302`; the prefix keeps log text from colliding with `t`, `throttle` or `quota`. */
  readonly key: string;
  /** The code, or 'other'. */
  readonly code: string;
  /** Null for the 'other' series, which may mix both families. */
  readonly family: 'throttle' | 'quota' | null;
  readonly total: number;
}

/** { t, throttle, quota, code_1302: n, code_1308: n, ..., code_other: n }; every series key present. */
export type RateLimitRow = { readonly t: number; readonly throttle: number; readonly quota: number } & Readonly<Record<string, number>>;

export interface RateLimitResult {
  readonly grid: BucketGrid | null;
  readonly series: readonly RateLimitSeries[];
  readonly rows: readonly RateLimitRow[];
  readonly throttleHits: number;
  readonly quotaHits: number;
  /** Throttle and quota hits without a time (counted above, not drawn). */
  readonly undated: number;
  /** Throttle and quota hits dated far from all other errors, off the "all data" axis (counted above, not drawn). */
  readonly outlying: number;
}

/** Throttling and quota hits per code over time, gap-filled, top codes plus 'other'. */
export function bucketRateLimits(store: EventStore, view: ViewState, ctx: AggregateContext): RateLimitResult {
  const indices = filterEvents(store, view, ctx);
  const { classes, code, time } = store.columns;
  // Imported bindings copied to locals: module bindings can be getters in some bundlers, too slow per event.
  const throttleId = THROTTLE_FAMILY_ID;
  const quotaId = QUOTA_FAMILY_ID;
  const perCode = new Uint32Array(store.codes.values.length);
  const familyOfCode = new Uint8Array(store.codes.values.length);
  let throttleHits = 0;
  let quotaHits = 0;
  for (let k = 0; k < indices.length; k += 1) {
    const i = indices[k] ?? 0;
    const f = familyIdOf(classes[i] ?? 0);
    if (f !== throttleId && f !== quotaId) continue;
    if (f === throttleId) throttleHits += 1;
    else quotaHits += 1;
    const id = code[i] ?? 0;
    perCode[id] = (perCode[id] ?? 0) + 1;
    familyOfCode[id] = f;
  }
  const { series, slotOfCode } = chooseSeries(store, perCode, familyOfCode);
  const domain = chartDomain(store, view, ctx);
  const grid = domain === null ? null : bucketGrid(domain, bucketOffsetMinutes(view, ctx));
  const base = { grid, series, throttleHits, quotaHits };
  if (grid === null) return { ...base, rows: [], undated: throttleHits + quotaHits, outlying: 0 };
  const width = series.length + 2;
  const cells = new Uint32Array(grid.count * width);
  let undated = 0;
  let outlying = 0;
  for (let k = 0; k < indices.length; k += 1) {
    const i = indices[k] ?? 0;
    const f = familyIdOf(classes[i] ?? 0);
    if (f !== throttleId && f !== quotaId) continue;
    const t = time[i] ?? NaN;
    if (Number.isNaN(t)) {
      undated += 1;
      continue;
    }
    const bucket = bucketOf(grid, t);
    if (bucket < 0) {
      outlying += 1;
      continue;
    }
    const row = bucket * width;
    const familyCell = row + (f === throttleId ? 0 : 1);
    const codeCell = row + 2 + (slotOfCode[code[i] ?? 0] ?? 0);
    cells[familyCell] = (cells[familyCell] ?? 0) + 1;
    cells[codeCell] = (cells[codeCell] ?? 0) + 1;
  }
  return { ...base, rows: toRows(grid, series, cells), undated, outlying };
}

/** The top codes by hits get a series each; every other code maps to the last slot, 'other'. */
function chooseSeries(store: EventStore, perCode: Uint32Array, familyOfCode: Uint8Array): { series: RateLimitSeries[]; slotOfCode: Uint8Array } {
  const ids: number[] = [];
  perCode.forEach((total, id) => {
    if (total > 0) ids.push(id);
  });
  const codeOf = (id: number): string => lookupString(store.codes, id) ?? NO_CODE;
  ids.sort((a, b) => (perCode[b] ?? 0) - (perCode[a] ?? 0) || (codeOf(a) < codeOf(b) ? -1 : 1));
  const top = ids.slice(0, RATE_LIMIT_TOP_CODES);
  const slotOfCode = new Uint8Array(perCode.length).fill(top.length);
  const series: RateLimitSeries[] = top.map((id, slot) => {
    slotOfCode[id] = slot;
    const family = familyOfCode[id] === THROTTLE_FAMILY_ID ? 'throttle' : 'quota';
    return { key: `code_${codeOf(id)}`, code: codeOf(id), family, total: perCode[id] ?? 0 };
  });
  const rest = ids.slice(RATE_LIMIT_TOP_CODES).reduce((sum, id) => sum + (perCode[id] ?? 0), 0);
  series.push({ key: OTHER_SERIES_KEY, code: 'other', family: null, total: rest });
  return { series, slotOfCode };
}

function toRows(grid: BucketGrid, series: readonly RateLimitSeries[], cells: Uint32Array): RateLimitRow[] {
  const width = series.length + 2;
  return Array.from({ length: grid.count }, (_, b) => {
    const row: Record<string, number> = Object.create(null) as Record<string, number>;
    row.t = grid.start + b * grid.size;
    row.throttle = cells[b * width] ?? 0;
    row.quota = cells[b * width + 1] ?? 0;
    series.forEach((s, slot) => {
      row[s.key] = cells[b * width + 2 + slot] ?? 0;
    });
    return row as RateLimitRow;
  });
}
