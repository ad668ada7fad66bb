/**
 * The provider's peak hours, when GLM Coding Plan usage costs more quota: Monday to Friday, 14:00–18:00
 * in UTC+8 (China Standard Time, no DST), as the provider's usage notice states.
 */
const PEAK_OFFSET_MS = 8 * 3_600_000;
const PEAK_START_HOUR = 14;
const PEAK_END_HOUR = 18;
const DAY = 86_400_000;
/** Beyond this many windows the shading would be noise (a range of years); none are returned. */
export const MAX_PEAK_WINDOWS = 400;

/** peakWindows(Date.parse('2026-11-23T00:00Z'), Date.parse('2026-11-24T00:00Z')) -> [{ from: 2026-11-23T06:00Z, to: 2026-11-23T10:00Z }] */
export function peakWindows(from: number, to: number): { from: number; to: number }[] {
  if (!(to > from) || (to - from) / DAY > MAX_PEAK_WINDOWS * 1.4) return [];
  const windows: { from: number; to: number }[] = [];
  const firstDay = Math.floor((from + PEAK_OFFSET_MS) / DAY) * DAY - PEAK_OFFSET_MS;
  for (let day = firstDay; day < to; day += DAY) {
    const weekday = new Date(day + PEAK_OFFSET_MS).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const start = day + PEAK_START_HOUR * 3_600_000;
    const end = day + PEAK_END_HOUR * 3_600_000;
    if (end > from && start < to) windows.push({ from: Math.max(start, from), to: Math.min(end, to) });
  }
  return windows;
}
