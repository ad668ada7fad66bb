/**
 * A count with its thousands grouped, the same on every machine (no locale). Example:
 * `formatCount(104857600)` → `'104,857,600'`.
 */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A size in bytes for a message. Example: `formatBytes(1)` → `'1 byte'`, `formatBytes(4096)` → `'4,096 bytes'`. */
export function formatBytes(n: number): string {
  return `${formatCount(n)} byte${n === 1 ? '' : 's'}`;
}
