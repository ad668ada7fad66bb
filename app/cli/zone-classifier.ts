import { classifyRecord } from '../core/classify/classify';
import type { Outcome } from '../core/classify/outcome';

export type Classify = (text: string) => Outcome;

/**
 * The classifier of a run: zone-less times are read at `localOffsetMinutes` east of UTC (`--zone`), else in
 * this machine's zone, daylight saving included, as the page reads them in the viewer's.
 */
export function classifierFor(localOffsetMinutes: number | undefined): Classify {
  const options = { localOffsetMinutes: localOffsetMinutes === undefined ? (wallTimeAsUtcMs: number) => -new Date(wallTimeAsUtcMs).getTimezoneOffset() : () => localOffsetMinutes };
  return (text) => classifyRecord(text, options);
}
