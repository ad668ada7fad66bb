import type { QuotaWindow } from '../catalog/types';
import type { ResetInfo } from '../classify/outcome';
import { assessReset } from '../time/assess-reset';
import { AT_NULL, DATE_ONLY, OFFSET_NULL, PLAUSIBLE, PRESENT, type ResetTable } from '../store/reset-table';

/**
 * The reset instant under the view's zone for zone-less stamps, or null when there is none or it is
 * implausible. A stamp read at offset O is `wall − O`; under O' it is `wall − O'`, so it moves by O − O',
 * and its plausibility is judged again (a wrong zone shows up as resets before their events).
 * effectiveReset({ at: T, assumedOffsetMinutes: 480, plausible: true, ... }, eventAt, '5-hour', 0) -> T + 8 h (if plausible)
 */
export function effectiveReset(info: ResetInfo | null | undefined, eventAt: number, window: QuotaWindow | null, offsetMinutes: number): number | null {
  if (info === null || info === undefined || info.at === null) return null;
  return effectiveInstant(info.at, info.assumedOffsetMinutes, info.plausible, info.dateOnly, eventAt, window, offsetMinutes);
}

/**
 * A reset as the view reads it, plausible or not, with the reason when not: for showing one event's reset, where
 * the resets panel shows only the plausible ones. A stamp that carried its zone is as read.
 * resetInZone({ at: T, assumedOffsetMinutes: 480, … }, eventAt, '5-hour', 0) -> { at: T + 8 h, plausible, reason }
 */
export function resetInZone(info: ResetInfo, eventAt: number | null, window: QuotaWindow | null, offsetMinutes: number): { at: number | null; plausible: boolean; reason: string | null } {
  if (info.at === null) return { at: null, plausible: false, reason: info.implausibleReason };
  if (info.assumedOffsetMinutes === null || info.assumedOffsetMinutes === offsetMinutes) return { at: info.at, plausible: info.plausible, reason: info.implausibleReason };
  const at = info.at + (info.assumedOffsetMinutes - offsetMinutes) * 60_000;
  const { plausible, reason } = assessReset({ resetAt: at, eventAt, window, dateOnly: info.dateOnly });
  return { at, plausible, reason };
}

/** effectiveReset of row `id` of a reset table, read from its columns (no object per event). */
export function effectiveResetOf(table: ResetTable, id: number, eventAt: number, window: QuotaWindow | null, offsetMinutes: number): number | null {
  const bits = id > 0 && id < table.size ? (table.bits[id] ?? 0) : 0;
  if ((bits & PRESENT) === 0 || (bits & AT_NULL) !== 0) return null;
  const assumed = bits & OFFSET_NULL ? null : (table.assumedOffsetMinutes[id] ?? null);
  return effectiveInstant(table.at[id] ?? NaN, assumed, (bits & PLAUSIBLE) !== 0, (bits & DATE_ONLY) !== 0, eventAt, window, offsetMinutes);
}

/** The instant of row `id` under the view's zone for zone-less stamps, plausible or not; null when it has none. */
export function resetInstantOf(table: ResetTable, id: number, offsetMinutes: number): number | null {
  const bits = id > 0 && id < table.size ? (table.bits[id] ?? 0) : 0;
  if ((bits & PRESENT) === 0 || (bits & AT_NULL) !== 0) return null;
  const at = table.at[id] ?? NaN;
  return bits & OFFSET_NULL ? at : at + ((table.assumedOffsetMinutes[id] ?? offsetMinutes) - offsetMinutes) * 60_000;
}

function effectiveInstant(resetAt: number, assumedOffsetMinutes: number | null, plausible: boolean, dateOnly: boolean, eventAt: number, window: QuotaWindow | null, offsetMinutes: number): number | null {
  if (assumedOffsetMinutes === null || assumedOffsetMinutes === offsetMinutes) return plausible ? resetAt : null;
  const at = resetAt + (assumedOffsetMinutes - offsetMinutes) * 60_000;
  return assessReset({ resetAt: at, eventAt, window, dateOnly }).plausible ? at : null;
}
