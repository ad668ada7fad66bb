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

/** Names the zone database has since replaced, which runtimes still list: a user looks for the city's name of today. */
const RENAMED: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

/** The runtime's named zones (about 400 in a browser), by their current names, sorted; none where it cannot list them. */
export function namedZones(): readonly string[] {
  try {
    const zones = Intl.supportedValuesOf('timeZone')
      .filter((zone) => zone.includes('/'))
      .map((zone) => {
        const current = RENAMED[zone];
        return current !== undefined && isNamedZone(current) ? current : zone;
      });
    return [...new Set(zones)].sort();
  } catch {
    return [];
  }
}

/** Offsets nearly always change on a quarter-hour: its offset is asked once, and kept when it holds all through it. */
const QUARTER_HOUR_MS = 15 * 60_000;
/** A cache per zone, emptied past this many quarter-hours (about ten years of logs). */
const MAX_CACHED = 350_000;

/**
 * The zone's offset, in minutes east of UTC, at an instant (epoch ms). Formatting a date in a zone costs a few
 * microseconds; logs come thousands of lines to the quarter-hour, so each quarter-hour is asked once. A few zones
 * changed at another minute (St. John's at 00:01 until 2011, Casey in 2020): such a quarter is not kept, its
 * instants asked one by one (NaN in the cache).
 * namedZoneOffset('America/New_York')(Date.UTC(2026, 6, 1)) -> -240
 */
export function namedZoneOffset(zone: string): (instant: number) => number {
  const format = formatOf(zone);
  const cache = new Map<number, number>();
  return (instant) => {
    const quarter = Math.floor(instant / QUARTER_HOUR_MS);
    const known = cache.get(quarter);
    if (known !== undefined) return Number.isNaN(known) ? offsetAt(format, instant) : known;
    if (cache.size >= MAX_CACHED) cache.clear();
    const start = offsetAt(format, quarter * QUARTER_HOUR_MS);
    const end = offsetAt(format, (quarter + 1) * QUARTER_HOUR_MS - 1_000);
    cache.set(quarter, start === end ? start : Number.NaN);
    return start === end ? start : offsetAt(format, instant);
  };
}

function offsetAt(format: Intl.DateTimeFormat, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((wall - instant) / 60_000);
}
