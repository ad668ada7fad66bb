import type { QuotaWindow } from '../catalog/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How far ahead of its event a reset may lie, per window (R15: ≤ 31 days when the window is unknown). */
export const WINDOW_HORIZON_MS: Readonly<Record<QuotaWindow | 'unknown', number>> = {
  '5-hour': 5 * HOUR,
  weekly: 7 * DAY,
  monthly: 31 * DAY,
  unknown: 31 * DAY,
};

/** Clock skew between the client that logged the event and the provider that wrote the stamp. */
export const RESET_TOLERANCE_MS = 5 * 60_000;

export interface ResetAssessment {
  readonly plausible: boolean;
  readonly reason: string | null;
}

export interface AssessResetInput {
  readonly resetAt: number;
  /** Event time in epoch ms, or null when unknown (then any reset is plausible). */
  readonly eventAt: number | null;
  readonly window: QuotaWindow | null;
  /** A date-only reset may fall anywhere in that day, so the lower bound moves back by a day. */
  readonly dateOnly?: boolean;
}

/**
 * A reset must not lie before its event nor beyond the window's horizon after it; otherwise the stamp
 * was read in the wrong zone or is stale, and no countdown is shown (E10).
 * assessReset({ resetAt: Date.parse('2026-09-06T01:04:58Z'), eventAt: Date.parse('2026-09-05T22:37:09Z'), window: '5-hour' }) -> { plausible: true, reason: null }
 */
export function assessReset({ resetAt, eventAt, window, dateOnly = false }: AssessResetInput): ResetAssessment {
  if (!Number.isFinite(resetAt)) return { plausible: false, reason: 'the reset time could not be read' };
  if (eventAt === null || !Number.isFinite(eventAt)) return { plausible: true, reason: null };
  const latestReset = dateOnly ? resetAt + DAY : resetAt;
  if (latestReset < eventAt - RESET_TOLERANCE_MS) {
    return { plausible: false, reason: `the reset is ${formatSpan(eventAt - latestReset)} before the error was logged` };
  }
  const horizon = WINDOW_HORIZON_MS[window ?? 'unknown'];
  if (resetAt - eventAt > horizon + RESET_TOLERANCE_MS) {
    return { plausible: false, reason: `the reset is ${formatSpan(resetAt - eventAt)} after the error, beyond the ${window ?? '31-day'} window` };
  }
  return { plausible: true, reason: null };
}

/** As the countdowns write spans: formatSpan(8 * 3_600_000) -> '8h'; formatSpan(90 * 60_000) -> '1h 30m'; formatSpan(3 * DAY) -> '3d' */
function formatSpan(ms: number): string {
  if (ms >= 2 * DAY) return `${Math.round(ms / DAY)}d`;
  const hours = Math.floor(ms / HOUR);
  const minutes = Math.round((ms - hours * HOUR) / 60_000);
  if (hours === 0) return `${minutes}m`;
  return minutes === 0 ? `${hours}h` : `${hours}h ${minutes}m`;
}
