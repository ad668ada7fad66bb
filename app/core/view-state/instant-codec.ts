import { EARLIEST_INSTANT, LATEST_INSTANT } from './limits';

/**
 * `from` / `to` instants. Accepted: ISO 8601 with seconds optional, fraction optional and a zone
 * required (`2026-03-01T08:00:00Z`, `2026-03-01T16:00+08:00`), or integer epoch milliseconds (older
 * links and history entries carried those, cf. Grafana #72497). `Date.parse` is not used: it rolls
 * over invalid dates (`2025-02-30`) and its leniency differs between engines.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/i;
const EPOCH_MS = /^\d{1,16}$/;

export type InstantResult = { readonly at: number } | { readonly reason: string };

/** decodeInstant('2026-03-01T08:00:00Z') -> { at: 1772352000000 } */
export function decodeInstant(raw: string): InstantResult {
  const text = raw.trim();
  const at = EPOCH_MS.test(text) ? Number(text) : parseIso(text);
  if (at === null) return { reason: 'not an ISO instant with a zone (e.g. 2026-03-01T08:00:00Z)' };
  if (at < EARLIEST_INSTANT || at >= LATEST_INSTANT) return { reason: 'outside 1970–9999' };
  return { at };
}

/** formatInstant(1772352000000) -> '2026-03-01T08:00:00Z' (milliseconds only when non-zero) */
export function formatInstant(at: number): string {
  return new Date(at).toISOString().replace('.000Z', 'Z');
}

export function isValidInstant(at: number): boolean {
  return Number.isInteger(at) && at >= EARLIEST_INSTANT && at < LATEST_INSTANT;
}

function parseIso(text: string): number | null {
  const m = ISO.exec(text);
  if (m === null) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = Number(m[6] ?? '0');
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offset = parseOffsetMinutes(m[8] ?? 'Z');
  if (offset === null) return null;
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, ms);
  return utc.getTime() - offset * 60_000;
}

function parseOffsetMinutes(zone: string): number | null {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}
