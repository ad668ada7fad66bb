/**
 * Named time zones (IANA: `America/New_York`, `Europe/Berlin`), whose offset changes with daylight saving. A
 * source whose log was written on a server in such a zone has its zone-less times read with the offset of
 * their own date, as the viewer's zone is.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formats.set(zone, format);
  }
  return format;
}

/**
 * A zone the runtime knows by this name. Offsets such as `+08:00` and abbreviations such as `CST` are not
 * names here (an abbreviation is ambiguous; an offset has its own choice). isNamedZone('Asia/Shanghai') -> true.
 */
export function isNamedZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)+$/.test(name) && name !== 'UTC') return false;
  try {
    formatOf(name);
    return true;
  } catch {
    return false;
  }
}

/** The runtime's named zones (about 400 in a browser), or none where it cannot list them. */
export function namedZones(): readonly string[] {
  try {
    return Intl.supportedValuesOf('timeZone').filter((zone) => zone.includes('/'));
  } catch {
    return [];
  }
}

/** Offsets change on a whole quarter-hour at most: an instant's offset holds for its quarter-hour. */
const QUARTER_HOUR_MS = 15 * 60_000;
/** A cache per zone, emptied past this many quarter-hours (about ten years of logs). */
const MAX_CACHED = 350_000;

/**
 * The zone's offset, in minutes east of UTC, at an instant (epoch ms). Formatting a date in a zone costs a few
 * microseconds; logs come thousands of lines to the quarter-hour, so each quarter-hour is asked once.
 * namedZoneOffset('America/New_York')(Date.UTC(2026, 6, 1)) -> -240
 */
export function namedZoneOffset(zone: string): (instant: number) => number {
  const format = formatOf(zone);
  const cache = new Map<number, number>();
  return (instant) => {
    const quarter = Math.floor(instant / QUARTER_HOUR_MS);
    const known = cache.get(quarter);
    if (known !== undefined) return known;
    if (cache.size >= MAX_CACHED) cache.clear();
    const offset = offsetAt(format, quarter * QUARTER_HOUR_MS);
    cache.set(quarter, offset);
    return offset;
  };
}

function offsetAt(format: Intl.DateTimeFormat, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((wall - instant) / 60_000);
}
