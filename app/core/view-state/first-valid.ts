import type { DropLog } from './dropped';
import type { Decoded } from './scalar-codecs';

/**
 * The rule for scalar parameters given more than once: the first value that decodes wins; invalid values
 * and every value after the winner are dropped with their reason. `quote` redacts what the notice shows.
 */
export function firstValid<T>(
  param: string,
  values: readonly string[],
  decode: (raw: string) => Decoded<T>,
  log: DropLog,
  quote: (raw: string) => string = (raw) => raw,
): T | null {
  let found: T | null = null;
  for (const raw of values) {
    if (found !== null) {
      log.add(param, quote(raw), 'duplicate parameter; the first valid one was kept');
      continue;
    }
    const decoded = decode(raw);
    if ('value' in decoded) found = decoded.value;
    else log.add(param, quote(raw), decoded.reason);
  }
  return found;
}
