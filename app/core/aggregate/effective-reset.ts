import type { QuotaWindow } from '../catalog/types';
import type { ResetInfo } from '../classify/outcome';
import { assessReset } from '../time/assess-reset';

/**
 * The reset instant under the view's zone for zone-less stamps, or null when there is none or it is
 * implausible. A stamp read at offset O is `wall − O`; under O' it is `wall − O'`, so it moves by O − O',
 * and its plausibility is judged again (a wrong zone shows up as resets before their events).
 * effectiveReset({ at: T, assumedOffsetMinutes: 480, plausible: true, ... }, eventAt, '5-hour', 0) -> T + 8 h (if plausible)
 */
export function effectiveReset(info: ResetInfo | null | undefined, eventAt: number, window: QuotaWindow | null, offsetMinutes: number): number | null {
  if (info === null || info === undefined || info.at === null) return null;
  if (info.assumedOffsetMinutes === null || info.assumedOffsetMinutes === offsetMinutes) return info.plausible ? info.at : null;
  const at = info.at + (info.assumedOffsetMinutes - offsetMinutes) * 60_000;
  return assessReset({ resetAt: at, eventAt, window, dateOnly: info.dateOnly }).plausible ? at : null;
}
