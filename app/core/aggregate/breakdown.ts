import type { Category, Family, Verdict } from '../catalog/types';
import type { EventStore } from '../store/event-store';
import { CATEGORY_TABLE, FAMILY_TABLE, fromTableId, VERDICT_TABLE } from '../store/ids';
import { lookupString } from '../store/string-table';
import type { ViewState } from '../view-state/view-state';
import type { AggregateContext } from './context';
import { filterEvents } from './filter-events';
import { tallyCodes, type CodeStats } from './code-stats';

export interface CodeBreakdownRow {
  /** Null for errors without a code (filter them with NO_CODE). */
  readonly code: string | null;
  readonly count: number;
  /** count / matching events, 0..1. */
  readonly share: number;
  /** Epoch ms; null when every event of the code is undated. */
  readonly firstSeen: number | null;
  readonly lastSeen: number | null;
  /** Null for uncatalogued codes. */
  readonly verdict: Verdict | null;
  readonly category: Category | null;
  readonly family: Family | null;
}

/** The codes table: one row per code present, most frequent first (ties by code). */
export function breakdownByCode(store: EventStore, view: ViewState, ctx: AggregateContext): CodeBreakdownRow[] {
  const indices = filterEvents(store, view, ctx);
  return codeRows(store, tallyCodes(store, indices), indices.length);
}

export function codeRows(store: EventStore, stats: CodeStats, total: number): CodeBreakdownRow[] {
  const rows: CodeBreakdownRow[] = [];
  stats.count.forEach((count, id) => {
    if (count === 0) return;
    const first = stats.first[id] ?? NaN;
    const last = stats.last[id] ?? NaN;
    rows.push({
      code: lookupString(store.codes, id),
      count,
      share: total === 0 ? 0 : count / total,
      firstSeen: Number.isNaN(first) ? null : first,
      lastSeen: Number.isNaN(last) ? null : last,
      verdict: fromTableId(VERDICT_TABLE, stats.verdict[id] ?? 0),
      category: fromTableId(CATEGORY_TABLE, stats.category[id] ?? 0),
      family: fromTableId(FAMILY_TABLE, stats.family[id] ?? 0),
    });
  });
  return rows.sort((a, b) => b.count - a.count || compareNullable(a.code, b.code));
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
