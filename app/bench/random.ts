/** Seeded helpers for the corpus generators: the same seed always gives the same bytes. */

export type Random = () => number;

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function seeded(seed: number): Random {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pickFrom = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

export const intBetween = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

const HEX = '0123456789abcdef';
export function hexString(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += HEX[Math.floor(random() * 16)];
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Provider wall time (UTC+8, no zone), as `next_flush_time` and request ids are written. */
export function beijingWall(t: number): { date: string; time: string; compact: string } {
  const d = new Date(t + 8 * 3_600_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return { date, time, compact: `${date.replaceAll('-', '')}${time.replaceAll(':', '')}` };
}

/** A Z.ai request id: Beijing `yyyyMMddHHmmss` + 16 hex. */
export const requestId = (random: Random, t: number): string => `${beijingWall(t).compact}${hexString(random, 16)}`;

/** `2026-11-27T10:00:00Z` (whole seconds) or with milliseconds. */
export const isoSeconds = (t: number): string => `${new Date(t).toISOString().slice(0, 19)}Z`;
export const isoMillis = (t: number): string => new Date(t).toISOString();
/** `2026-11-27 10:00:00,123` as Python's logging prints it (UTC here). */
export function pythonStamp(t: number): string {
  const iso = new Date(t).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)},${iso.slice(20, 23)}`;
}
