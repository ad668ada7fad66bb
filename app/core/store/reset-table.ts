import { compactIds } from './compact-ids';
import type { ResetInfo } from '../classify/outcome';
import { capString, detachString, RECENT_LOOKUP } from './string-table';

/**
 * Interned quota resets. The same reset shows up in thousands of errors (RELIABILITY F8), so events hold
 * an id and the table holds the ResetInfo once. Id 0 = no reset.
 */
export interface ResetTable {
  /** The ids of the resets written `raw`: nearly always one, a few when the same text was judged differently. */
  readonly ids: Map<string, number[]>;
  /** values[id]; values[0] is null. */
  readonly values: (ResetInfo | null)[];
}

const RAW_MAX = 100;

export function createResetTable(): ResetTable {
  return { ids: new Map(), values: [null] };
}

export function internReset(table: ResetTable, reset: ResetInfo | null): number {
  if (reset === null) return 0;
  const raw = capString(String(reset.raw), RAW_MAX);
  const at = typeof reset.at === 'number' && Number.isFinite(reset.at) ? reset.at : null;
  const dateOnly = reset.dateOnly === true;
  const assumedOffsetMinutes = typeof reset.assumedOffsetMinutes === 'number' && Number.isFinite(reset.assumedOffsetMinutes) ? reset.assumedOffsetMinutes : null;
  const plausible = reset.plausible === true;
  const reason = reset.implausibleReason === null ? null : capString(String(reset.implausibleReason), RAW_MAX);
  // Looked up by the text, then compared field by field: no key string is built per event.
  const same = table.ids.get(raw);
  if (same !== undefined) {
    for (const id of same) {
      const v = table.values[id];
      if (v && v.at === at && v.dateOnly === dateOnly && v.assumedOffsetMinutes === assumedOffsetMinutes && v.plausible === plausible && v.implausibleReason === reason) return id;
    }
  }
  // Strings are detached only when kept: a known reset (the common case) allocates nothing more.
  const value: ResetInfo = { raw: detachString(raw), at, dateOnly, assumedOffsetMinutes, plausible, implausibleReason: reason === null ? null : detachString(reason) };
  const id = table.values.length;
  table.values.push(Object.freeze(value));
  if (same !== undefined) same.push(id);
  else {
    if (table.ids.size >= RECENT_LOOKUP) table.ids.clear();
    table.ids.set(value.raw, [id]);
  }
  return id;
}

/** Same as compactStringTable, for resets. */
export function compactResetTable(table: ResetTable, column: Uint32Array, size: number): ResetTable {
  const next = createResetTable();
  compactIds(table.values, column, size, (value) => internReset(next, value));
  return next;
}
