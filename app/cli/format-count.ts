import { formatCount } from '../core/text/count-text';

export { formatCount };

/** A size in bytes for a message. Example: `formatBytes(1)` → `'1 byte'`, `formatBytes(4096)` → `'4,096 bytes'`. */
export function formatBytes(n: number): string {
  return `${formatCount(n)} byte${n === 1 ? '' : 's'}`;
}
