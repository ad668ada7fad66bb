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
  const value: ResetInfo = {
    raw: detachString(capString(reset.raw, RAW_MAX)),
    at: typeof reset.at === 'number' && Number.isFinite(reset.at) ? reset.at : null,
    dateOnly: reset.dateOnly === true,
    assumedOffsetMinutes: reset.assumedOffsetMinutes ?? null,
    plausible: reset.plausible === true,
    implausibleReason: reset.implausibleReason === null ? null : detachString(capString(String(reset.implausibleReason), RAW_MAX)),
  };
  const key = JSON.stringify([value.at, value.plausible, value.dateOnly, value.assumedOffsetMinutes, value.raw, value.implausibleReason]);
  const known = table.ids.get(key);
  if (known !== undefined) return known;
  const id = table.values.length;
  table.values.push(Object.freeze(value));
  table.ids.set(key, id);
  return id;
}

/** Same as compactStringTable, for resets. */
export function compactResetTable(table: ResetTable, column: Uint32Array, size: number): ResetTable {
  const next = createResetTable();
  const remap = new Int32Array(table.values.length).fill(-1);
  remap[0] = 0;
  for (let i = 0; i < size; i += 1) {
    const old = column[i] ?? 0;
    let id = remap[old] ?? 0;
    if (id < 0) {
      id = internReset(next, table.values[old] ?? null);
      remap[old] = id;
    }
    column[i] = id;
  }
  return next;
}
