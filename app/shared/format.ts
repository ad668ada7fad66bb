import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { formatCount, formatCountOf } from '../core/text/count-text';

dayjs.extend(utc);

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

export { formatCount, formatCountOf };
export const formatShare = (share: number) => percent.format(share);

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  // Rounded first: 1,048,575 bytes is '1.0 MiB', not '1024 KiB'.
  while (Math.round(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * A read rate given in MB/s, in kB/s under 1 MB/s: a live stream of a few records a second read "0.0 MB/s".
 * formatRate(117.4) → '117 MB/s'; formatRate(0.0006) → '0.6 kB/s'.
 */
export function formatRate(megabytesPerSecond: number): string {
  const [value, unit] = megabytesPerSecond >= 1 ? [megabytesPerSecond, 'MB/s'] : [megabytesPerSecond * 1000, 'kB/s'];
  return `${value.toFixed(value < 10 ? 1 : 0)} ${unit}`;
}

/** Offset in minutes east of UTC for a display zone id at an instant ('local' follows the browser, DST included). */
export function displayOffsetMinutes(tz: 'local' | 'utc' | 'utc+8', at: number): number {
  if (tz === 'utc') return 0;
  if (tz === 'utc+8') return 480;
  return -new Date(at).getTimezoneOffset();
}

export function zoneSuffix(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '−';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

/** formatInstant(t, 'utc') -> '2026-11-27 10:19:41 UTC' */
export function formatInstant(at: number, tz: 'local' | 'utc' | 'utc+8', pattern = 'YYYY-MM-DD HH:mm:ss'): string {
  const offset = displayOffsetMinutes(tz, at);
  return `${dayjs.utc(at).utcOffset(offset).format(pattern)} ${zoneSuffix(offset)}`;
}

/** The calendar day of an instant at a fixed offset: formatDayIn(Date.UTC(2026, 7, 29, 16), 480) -> '2026-08-30' */
export function formatDayIn(at: number, offsetMinutes: number): string {
  return dayjs.utc(at).utcOffset(offsetMinutes).format('YYYY-MM-DD');
}

/** formatDuration(93_784_000) -> '1d 2h 3m 4s'; drops leading zero units. */
export function formatDuration(ms: number, withSeconds = true): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days}d`);
  if (days || hours) parts.push(`${hours}h`);
  if (days || hours || minutes || !withSeconds) parts.push(`${minutes}m`);
  if (withSeconds) parts.push(`${seconds}s`);
  return parts.join(' ');
}
