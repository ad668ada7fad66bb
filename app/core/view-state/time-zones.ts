/** Display time zones. `local` is the viewer's zone, resolved by the caller (time is an argument). */
export const TIME_ZONES = [
  { id: 'local', label: 'Local time', offsetMinutes: null },
  { id: 'utc', label: 'UTC', offsetMinutes: 0 },
  { id: 'utc+8', label: 'UTC+8 (Beijing)', offsetMinutes: 480 },
] as const;

export type TimeZoneId = (typeof TIME_ZONES)[number]['id'];

export const DEFAULT_TIME_ZONE: TimeZoneId = 'local';

const IDS: readonly string[] = TIME_ZONES.map((z) => z.id);

export function isTimeZoneId(value: unknown): value is TimeZoneId {
  return typeof value === 'string' && IDS.includes(value);
}

/** Fixed offset of a zone in minutes east of UTC; `local` needs the caller's offset (default 0). */
export function zoneOffsetMinutes(tz: TimeZoneId, localOffsetMinutes = 0): number {
  return TIME_ZONES.find((z) => z.id === tz)?.offsetMinutes ?? localOffsetMinutes;
}
