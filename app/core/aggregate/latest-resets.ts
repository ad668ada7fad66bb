import { QUOTA_WINDOWS, type QuotaWindow } from '../catalog/types';
import type { EventStore } from '../store/event-store';
import { QUOTA_FAMILY_ID } from '../store/ids';
import { lookupString } from '../store/string-table';
import { NO_CODE, type ViewState } from '../view-state/view-state';
import type { AggregateContext } from './context';
import { effectiveReset } from './effective-reset';
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
}

interface Draft {
  resetAt: number;
  raw: string;
  code: string;
  count: number;
  firstEventAt: number;
  lastEventAt: number;
}

/**
 * For each quota window (5-hour, weekly, monthly): the latest plausible reset by event time, grouped by
 * instant, with the others listed. Undated events and implausible resets take no part. One pass.
 */
export function latestResets(store: EventStore, view: ViewState, ctx: AggregateContext): WindowResets[] {
  const indices = filterEvents(store, view, ctx);
  const { time, reset, quotaWindow, code, family } = store.columns;
  const quotaId = QUOTA_FAMILY_ID;
  const groups = QUOTA_WINDOWS.map(() => new Map<number, Draft>());
  const lastHit = QUOTA_WINDOWS.map(() => -Infinity);
  const implausible = QUOTA_WINDOWS.map(() => ({ count: 0, latest: null as ImplausibleReset | null }));
  for (const i of indices) {
    const w = (quotaWindow[i] ?? 0) - 1;
    const t = time[i] ?? NaN;
    if (w < 0 || Number.isNaN(t)) continue;
    if (family[i] === quotaId) lastHit[w] = Math.max(lastHit[w] ?? -Infinity, t);
    const info = store.resets.values[reset[i] ?? 0];
    const resetAt = effectiveReset(info, t, QUOTA_WINDOWS[w] ?? null, view.resetOffsetMinutes);
    if (!info) continue;
    if (resetAt === null) {
      const slot = implausible[w];
      if (slot) {
        slot.count += 1;
        slot.latest = { raw: info.raw, reason: info.implausibleReason ?? 'the reset does not fit its event and window', code: lookupString(store.codes, code[i] ?? 0) ?? NO_CODE, eventAt: t };
      }
      continue;
    }
    addToGroup(groups[w], resetAt, info.raw, lookupString(store.codes, code[i] ?? 0) ?? NO_CODE, t);
  }
  return QUOTA_WINDOWS.map((w, k) => ({ ...toWindowResets(w, groups[k], lastHit[k] ?? -Infinity), implausible: implausible[k] ?? { count: 0, latest: null } }));
}

function addToGroup(groups: Map<number, Draft> | undefined, resetAt: number, raw: string, code: string, t: number): void {
  const group = groups?.get(resetAt);
  if (group === undefined) {
    groups?.set(resetAt, { resetAt, raw, code, count: 1, firstEventAt: t, lastEventAt: t });
    return;
  }
  group.count += 1;
  group.firstEventAt = Math.min(group.firstEventAt, t);
  // Indices are in time order, so ">=" keeps the latest event's text and code.
  if (t >= group.lastEventAt) Object.assign(group, { lastEventAt: t, raw, code });
}

function toWindowResets(window: QuotaWindow, groups: Map<number, Draft> | undefined, lastHit: number): Omit<WindowResets, 'implausible'> {
  const ordered = [...(groups?.values() ?? [])].sort((a, b) => b.lastEventAt - a.lastEventAt || b.resetAt - a.resetAt);
  const [latest, ...others] = ordered;
  return {
    window,
    latest: latest === undefined ? null : { ...latest },
    hitAfterReset: latest !== undefined && lastHit > latest.resetAt,
    superseded: others.slice(0, MAX_SUPERSEDED).map((g) => ({ ...g })),
    omitted: Math.max(0, others.length - MAX_SUPERSEDED),
  };
}
