import { compactIds } from './compact-ids';
import type { ResetInfo } from '../classify/outcome';
import { capString, detachString } from './string-table';

/**
 * Interned quota resets. The same reset shows up in thousands of errors (RELIABILITY F8), so events hold
 * an id and the table holds the ResetInfo once. Id 0 = no reset.
 */
export interface ResetTable {
  readonly ids: Map<string, number>;
  /** values[id]; values[0] is null. */
  readonly values: (ResetInfo | null)[];
}

const RAW_MAX = 100;

export function createResetTable(): ResetTable {
  return { ids: new Map(), values: [null] };
}

export function internReset(table: ResetTable, reset: ResetInfo | null): number {
  if (reset === null) return 0;
  const raw = capString(reset.raw, RAW_MAX);
  const at = typeof reset.at === 'number' && Number.isFinite(reset.at) ? reset.at : null;
  const dateOnly = reset.dateOnly === true;
  const assumedOffsetMinutes = reset.assumedOffsetMinutes ?? null;
  const plausible = reset.plausible === true;
  const reason = reset.implausibleReason === null ? null : capString(String(reset.implausibleReason), RAW_MAX);
  const key = resetKey(at, plausible, dateOnly, assumedOffsetMinutes, raw, reason);
  const known = table.ids.get(key);
  if (known !== undefined) return known;
  // Strings are detached only when kept: a known reset (the common case) allocates nothing more.
  const value: ResetInfo = { raw: detachString(raw), at, dateOnly, assumedOffsetMinutes, plausible, implausibleReason: reason === null ? null : detachString(reason) };
  const id = table.values.length;
  table.values.push(Object.freeze(value));
  table.ids.set(key, id);
  return id;
}

/**
 * One string per distinct reset, cheaper than JSON.stringify and as unambiguous: the fixed fields cannot
 * hold '|', raw is length-prefixed, and the reason comes last with a marker telling null from "null".
 * Numbers are written as JSON writes them (NaN and ±Infinity as null), so the same resets share an id.
 */
function resetKey(at: number | null, plausible: boolean, dateOnly: boolean, offset: number | null, raw: string, reason: string | null): string {
  return `${jsonNumber(at)}|${plausible ? 1 : 0}${dateOnly ? 1 : 0}|${jsonNumber(offset)}|${raw.length}:${raw}|${reason === null ? '-' : `+${reason}`}`;
}

function jsonNumber(value: number | null): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return value === null ? 'null' : `#${JSON.stringify(value)}`;
}

/** Same as compactStringTable, for resets. */
export function compactResetTable(table: ResetTable, column: Uint32Array, size: number): ResetTable {
  const next = createResetTable();
  compactIds(table.values, column, size, (value) => internReset(next, value));
  return next;
}
