import { QUOTA_WINDOWS, type QuotaWindow } from '../catalog/types';
import type { EventStore } from '../store/event-store';
import { familyIdOf, QUOTA_FAMILY_ID, toFlagBits, windowIdOf } from '../store/ids';
import { lookupString } from '../store/string-table';
import { NO_CODE, type ViewState } from '../view-state/view-state';
import type { AggregateContext } from './context';
import { effectiveResetOf, resetInstantOf } from './effective-reset';
import { resetDateOnly, resetRaw, resetReason, resetZoneAssumed } from '../store/reset-table';
import { filterEvents } from './filter-events';

/** Superseded resets listed per window at most. */
export const MAX_SUPERSEDED = 20;

/** One reset instant and the events that announced it (RELIABILITY F8: one entry with a count). */
export interface ResetGroup {
  readonly resetAt: number;
  /** The stamp as written in the latest event carrying it. */
  readonly raw: string;
  /** Code of the latest event carrying it. */
  readonly code: string;
  readonly count: number;
  readonly firstEventAt: number;
  readonly lastEventAt: number;
  /** E12: the stamp gave a day only (`… will reset at 2026-08-30`): its time of day is not known. */
  readonly dateOnly: boolean;
  /** The stamp had no zone of its own and was read in the view's reset zone (`rtz`). */
  readonly zoneAssumed: boolean;
  /**
   * Every error naming it had no time (a pasted line, a stream record without one): shown when no dated error of
   * the window names a reset, as the latest reset named, which could not be checked against its error's time.
   */
  readonly undated?: boolean;
}

export interface WindowResets {
  readonly window: QuotaWindow;
  /** The reset announced by the latest event (by event time), or null when none. */
  readonly latest: ResetGroup | null;
  /** A quota hit of this window came after `latest.resetAt` (the reset passed, the limit was hit again). */
  readonly hitAfterReset: boolean;
  /** Other resets of this window (RELIABILITY F9: conflicting ones), newest announcement first. */
  readonly superseded: readonly ResetGroup[];
  /** Superseded groups beyond MAX_SUPERSEDED. */
  readonly omitted: number;
  /** Resets of this window that were implausible (before their event or beyond the window): no countdown. */
  readonly implausible: { readonly count: number; readonly latest: ImplausibleReset | null };
}

/** The latest implausible reset of a window, shown with its raw text and why it was set aside. */
export interface ImplausibleReset {
  readonly raw: string;
  readonly reason: string;
  readonly code: string;
  readonly eventAt: number;
  /**
   * The event's own time carried no zone and was read in its source's zone (the viewer's by default): a reset
   * found before its event may only be a log written in another zone, which the source's row can change.
   */
  readonly eventZoneAssumed: boolean;
  /** The reset's instant as read (under the view's zone for zone-less stamps), or null when unreadable. */
  readonly resetAt: number | null;
  readonly dateOnly: boolean;
  /** The source of the event, whose zone can be chosen again. */
  readonly sourceId: number;
}

interface Draft {
  resetAt: number;
  raw: string;
  /** Code id of the latest event carrying it (its text is looked up for the groups shown only). */
  code: number;
  count: number;
  firstEventAt: number;
  lastEventAt: number;
  dateOnly: boolean;
  zoneAssumed: boolean;
}

/** The rows of one window with a plausible reset, in time order: positions in `indices` and their resets. */
interface WindowRows {
  positions: Uint32Array;
  resetAt: Float64Array;
  size: number;
}

/**
 * For each quota window (5-hour, weekly, monthly): the latest plausible reset by event time, grouped by
 * instant, with the others listed. Implausible resets take no part, nor undated events but where no dated one
 * names a reset (see ResetGroup.undated). A storm can
 * announce a new reset each second, so groups are not built for every instant: the shown ones are found
 * walking back from the latest event, and the others are only counted.
 */
export function latestResets(store: EventStore, view: ViewState, ctx: AggregateContext): WindowResets[] {
  const indices = filterEvents(store, view, ctx);
  const { time, reset, classes, code } = store.columns;
  const quotaId = QUOTA_FAMILY_ID;
  const rows = QUOTA_WINDOWS.map((): WindowRows => ({ positions: new Uint32Array(64), resetAt: new Float64Array(64), size: 0 }));
  const lastHit = QUOTA_WINDOWS.map(() => -Infinity);
  const implausible = QUOTA_WINDOWS.map(() => ({ count: 0, latest: null as ImplausibleReset | null }));
  const undated = QUOTA_WINDOWS.map((): Draft | null => null);
  for (let k = 0; k < indices.length; k += 1) {
    const i = indices[k] ?? 0;
    const w = windowIdOf(classes[i] ?? 0) - 1;
    const t = time[i] ?? NaN;
    if (w >= 0 && Number.isNaN(t)) {
      noteUndated(store, i, w, view.resetOffsetMinutes, undated);
      continue;
    }
    if (w < 0) continue;
    if (familyIdOf(classes[i] ?? 0) === quotaId) lastHit[w] = Math.max(lastHit[w] ?? -Infinity, t);
    const id = reset[i] ?? 0;
    if (id === 0) continue;
    const resetAt = effectiveResetOf(store.resets, id, t, QUOTA_WINDOWS[w] ?? null, view.resetOffsetMinutes);
    if (resetAt === null) {
      const slot = implausible[w];
      if (slot) {
        slot.count += 1;
        slot.latest = {
          raw: resetRaw(store.resets, id),
          reason: resetReason(store.resets, id) ?? 'the reset does not fit its event and window',
          code: lookupString(store.codes, code[i] ?? 0) ?? NO_CODE,
          eventAt: t,
          eventZoneAssumed: ((store.columns.flags[i] ?? 0) & ZONE_ASSUMED_BIT) !== 0,
          resetAt: resetInstantOf(store.resets, id, view.resetOffsetMinutes),
          dateOnly: resetDateOnly(store.resets, id),
          sourceId: store.columns.source[i] ?? 0,
        };
      }
      continue;
    }
    const into = rows[w];
    if (into) pushRow(into, k, resetAt);
  }
  return QUOTA_WINDOWS.map((w, k) => {
    const groups = rows[k] ? shownGroups(store, indices, rows[k]) : { shown: [], total: 0 };
    const fromUndated = undated[k];
    if (groups.shown.length === 0 && fromUndated) {
      groups.shown.push({ ...fromUndated, code: lookupString(store.codes, fromUndated.code) ?? NO_CODE, undated: true });
    }
    const [latest, ...others] = groups.shown;
    const lastHitAt = lastHit[k] ?? -Infinity;
    return {
      window: w,
      latest: latest ?? null,
      hitAfterReset: latest !== undefined && lastHitAt > latest.resetAt,
      superseded: others,
      omitted: Math.max(0, groups.total - 1 - MAX_SUPERSEDED),
      implausible: implausible[k] ?? { count: 0, latest: null },
    };
  });
}

/** Keeps, per window, the latest reset named by an error without a time (see ResetGroup.undated). */
function noteUndated(store: EventStore, i: number, w: number, offsetMinutes: number, undated: (Draft | null)[]): void {
  const id = store.columns.reset[i] ?? 0;
  if (id === 0) return;
  const resetAt = effectiveResetOf(store.resets, id, NaN, QUOTA_WINDOWS[w] ?? null, offsetMinutes);
  if (resetAt === null) return;
  const known = undated[w];
  if (known && known.resetAt === resetAt) known.count += 1;
  else if (!known || resetAt > known.resetAt) {
    undated[w] = { resetAt, raw: resetRaw(store.resets, id), code: store.columns.code[i] ?? 0, count: 1, firstEventAt: NaN, lastEventAt: NaN, dateOnly: resetDateOnly(store.resets, id), zoneAssumed: resetZoneAssumed(store.resets, id) };
  }
}

function pushRow(rows: WindowRows, position: number, resetAt: number): void {
  if (rows.size === rows.positions.length) {
    const positions = new Uint32Array(rows.size * 2);
    positions.set(rows.positions);
    const resets = new Float64Array(rows.size * 2);
    resets.set(rows.resetAt);
    rows.positions = positions;
    rows.resetAt = resets;
  }
  rows.positions[rows.size] = position;
  rows.resetAt[rows.size] = resetAt;
  rows.size += 1;
}

const ZONE_ASSUMED_BIT = toFlagBits(['timestamp_zone_assumed']);
/** Newest announcement first; the later reset first among announcements at the same time. */
const byAnnouncement = (a: Draft, b: Draft): number => b.lastEventAt - a.lastEventAt || b.resetAt - a.resetAt;

/**
 * The latest group and MAX_SUPERSEDED others in announcement order, and how many groups there are. Walking
 * back from the latest row, a group's first row is its latest announcement (rows of one time: the last one,
 * as walking forward with ">=" would keep), so groups appear in announcement order but for ties of time.
 */
function shownGroups(store: EventStore, indices: Uint32Array, rows: WindowRows): { shown: ResetGroup[]; total: number } {
  const { time, reset, code } = store.columns;
  const wanted = MAX_SUPERSEDED + 1;
  const found = new Map<number, Draft>();
  let cutoff = -Infinity;
  for (let r = rows.size - 1; r >= 0; r -= 1) {
    const i = indices[rows.positions[r] ?? 0] ?? 0;
    const t = time[i] ?? NaN;
    const resetAt = rows.resetAt[r] ?? NaN;
    const group = found.get(resetAt);
    if (group !== undefined) {
      group.count += 1;
      group.firstEventAt = t;
      continue;
    }
    // Groups first met at an earlier time than the wanted-th one cannot be shown.
    if (found.size >= wanted && t < cutoff) continue;
    const id = reset[i] ?? 0;
    found.set(resetAt, { resetAt, raw: resetRaw(store.resets, id), code: code[i] ?? 0, count: 1, firstEventAt: t, lastEventAt: t, dateOnly: resetDateOnly(store.resets, id), zoneAssumed: resetZoneAssumed(store.resets, id) });
    if (found.size === wanted) cutoff = t;
  }
  const shown = [...found.values()].sort(byAnnouncement).slice(0, wanted).map((g) => ({ ...g, code: lookupString(store.codes, g.code) ?? NO_CODE }));
  return { shown, total: distinctCount(rows.resetAt.subarray(0, rows.size)) };
}

function distinctCount(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  let count = 0;
  for (let k = 0; k < sorted.length; k += 1) if (k === 0 || sorted[k] !== sorted[k - 1]) count += 1;
  return count;
}
