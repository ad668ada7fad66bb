import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { getPreset, isAbsoluteRange, type TimeZoneId, type ViewRange } from '../../core/view-state';
import { displayOffsetMinutes } from '../format';

dayjs.extend(utc);

/**
 * A range as a button says it, in the display zone: 'all data', 'the last 24 hours', 'Nov 24, 22:00–23:00',
 * 'Nov 23, 20:00 – Nov 25, 04:00' (with seconds where a bound has them).
 */
export function describeRange(range: ViewRange, tz: TimeZoneId): string {
  if (!isAbsoluteRange(range)) return range === 'all' ? 'all data' : `the ${getPreset(range).label.toLowerCase()}`;
  const time = range.from % 60_000 !== 0 || range.to % 60_000 !== 0 ? 'HH:mm:ss' : 'HH:mm';
  const format = (t: number, pattern: string) => dayjs.utc(t).utcOffset(displayOffsetMinutes(tz, t)).format(pattern);
  const [fromDay, toDay] = [format(range.from, 'MMM D'), format(range.to, 'MMM D')];
  return fromDay === toDay
    ? `${fromDay}, ${format(range.from, time)}–${format(range.to, time)}`
    : `${fromDay}, ${format(range.from, time)} – ${toDay}, ${format(range.to, time)}`;
}
