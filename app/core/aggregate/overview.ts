import { CATEGORIES, QUOTA_WINDOWS, type Category } from '../catalog/types';
import type { EventStore } from '../store/event-store';
import { categoryIdOf, familyIdOf, QUOTA_FAMILY_ID, THROTTLE_FAMILY_ID, toFlagBits, windowIdOf } from '../store/ids';
import { resetDateOnly } from '../store/reset-table';
import { lookupString } from '../store/string-table';
import { FUTURE_MARGIN_MS } from '../time/future';
import type { ViewState } from '../view-state/view-state';
import { codeRows, type CodeBreakdownRow } from './breakdown';
import { tallyCodes } from './code-stats';
import type { AggregateContext } from './context';
import { effectiveResetOf } from './effective-reset';
import { filterEvents } from './filter-events';

export const OVERVIEW_TOP_CODES = 5;

export interface CategoryShare {
  readonly category: Category | 'uncatalogued';
  readonly count: number;
  readonly share: number;
}

const FUTURE_BIT = toFlagBits(['timestamp_in_future']);

export interface Overview {
  readonly total: number;
  readonly dated: number;
  readonly undated: number;
  /**
   * Dated in the future: flagged so when read (E9), or more than FUTURE_MARGIN_MS after now. A clock ahead, or a
   * zone-less time read in the wrong zone.
   */
  readonly future: number;
  /** Every category (zeros included) in catalog order, then 'uncatalogued'. */
  readonly categories: readonly CategoryShare[];
  readonly throttleHits: number;
  readonly quotaHits: number;
  /** The most frequent codes with their verdict. */
  readonly topCodes: readonly CodeBreakdownRow[];
  /**
   * The error logged last (not dated after now), the one a user whose agent just stopped asks about; null when
   * none is dated. Among errors of one instant, the last read.
   */
  readonly latest: LatestError | null;
}

export interface LatestError {
  readonly code: string | null;
  readonly at: number;
  /** The quota reset it names, as the resets panel reads it; null when it names none, or one set aside as implausible. */
  readonly reset: LatestReset | null;
}

export interface LatestReset {
  readonly at: number;
  /** E12: written as a day only; `at` is that day's first instant in the zone of `readInOffsetMinutes`. */
  readonly dateOnly: boolean;
  /** The zone zone-less stamps are read in (the view's `rtz`), minutes east of UTC: the zone a day-only reset's day is in. */
  readonly readInOffsetMinutes: number;
}

/** Totals, share per category, throttling and quota hits, top codes: the overview cards. */
export function summarizeOverview(store: EventStore, view: ViewState, ctx: AggregateContext): Overview {
  const indices = filterEvents(store, view, ctx);
  const { classes, time, flags } = store.columns;
  const perCategory = new Uint32Array(CATEGORIES.length + 1);
  let undated = 0;
  let future = 0;
  const futureAfter = ctx.now + FUTURE_MARGIN_MS;
  let throttleHits = 0;
  let quotaHits = 0;
  let latestAt = -Infinity;
  let latestIndex = -1;
  const throttleId = THROTTLE_FAMILY_ID;
  const quotaId = QUOTA_FAMILY_ID;
  for (let k = 0; k < indices.length; k += 1) {
    const i = indices[k] ?? 0;
    const cls = classes[i] ?? 0;
    const cat = categoryIdOf(cls);
    perCategory[cat] = (perCategory[cat] ?? 0) + 1;
    const f = familyIdOf(cls);
    if (f === throttleId) throttleHits += 1;
    else if (f === quotaId) quotaHits += 1;
    const t = time[i] ?? NaN;
    if (Number.isNaN(t)) undated += 1;
    else if (t > futureAfter || ((flags[i] ?? 0) & FUTURE_BIT) !== 0) future += 1;
    else if (t >= latestAt) {
      latestAt = t;
      latestIndex = i;
    }
  }
  const total = indices.length;
  const share = (count: number): number => (total === 0 ? 0 : count / total);
  const categories: CategoryShare[] = [
    ...CATEGORIES.map((c, k) => ({ category: c, count: perCategory[k + 1] ?? 0, share: share(perCategory[k + 1] ?? 0) })),
    { category: 'uncatalogued', count: perCategory[0] ?? 0, share: share(perCategory[0] ?? 0) },
  ];
  const topCodes = codeRows(store, tallyCodes(store, indices), total).slice(0, OVERVIEW_TOP_CODES);
  const latest = latestIndex < 0 ? null : latestErrorOf(store, latestIndex, view);
  return { total, dated: total - undated, undated, future, categories, throttleHits, quotaHits, topCodes, latest };
}

/** The code, time and reset of event `i`, its reset read in the view's reset zone and judged as in latestResets. */
function latestErrorOf(store: EventStore, i: number, view: ViewState): LatestError {
  const { code, time, reset, classes } = store.columns;
  const at = time[i] ?? NaN;
  const resetId = reset[i] ?? 0;
  const window = QUOTA_WINDOWS[windowIdOf(classes[i] ?? 0) - 1] ?? null;
  const resetAt = resetId === 0 ? null : effectiveResetOf(store.resets, resetId, at, window, view.resetOffsetMinutes);
  return {
    code: lookupString(store.codes, code[i] ?? 0),
    at,
    reset: resetAt === null ? null : { at: resetAt, dateOnly: resetDateOnly(store.resets, resetId), readInOffsetMinutes: view.resetOffsetMinutes },
  };
}
