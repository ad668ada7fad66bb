import { isNamedZone, namedZoneOffset } from '../time/named-zone';
import type { ClassifyOptions } from './outcome';

/**
 * How a source's records are classified, from the zones its request names (a named zone, when given, before an
 * offset); errors dated past the clock are flagged.
 */
export function toClassifyOptions(request: {
  readonly localOffsetMinutes: number | null;
  readonly localZone?: string | undefined;
  readonly providerOffsetMinutes: number;
}): ClassifyOptions {
  const local = request.localOffsetMinutes;
  return {
    providerOffsetMinutes: request.providerOffsetMinutes,
    // A worker runs in the viewer's zone, so "the viewer's zone" is the runtime's own, DST included.
    localOffsetMinutes:
      request.localZone !== undefined && isNamedZone(request.localZone) ? namedZoneOffset(request.localZone) : local === null ? (wallTime: number) => -new Date(wallTime).getTimezoneOffset() : () => local,
    now: Date.now,
  };
}
