import { classifyRecord } from '../core/classify/classify';
import { toClassifyOptions } from '../core/classify/classify-options';
import type { Outcome } from '../core/classify/outcome';
import { PROVIDER_OFFSET_MINUTES } from '../core/time/provider-stamp';

export type Classify = (text: string) => Outcome;

/**
 * The classifier of a run: zone-less times are read in the named zone `localZone` or at `localOffsetMinutes` east
 * of UTC (`--zone`), else in this machine's zone, daylight saving included, as the page reads them in the viewer's.
 */
export function classifierFor(localOffsetMinutes: number | undefined, localZone?: string): Classify {
  const options = toClassifyOptions({ localOffsetMinutes: localOffsetMinutes ?? null, localZone, providerOffsetMinutes: PROVIDER_OFFSET_MINUTES });
  return (text) => classifyRecord(text, options);
}
