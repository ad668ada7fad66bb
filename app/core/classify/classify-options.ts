import type { ClassifyOptions } from './outcome';

/** How a source's records are classified, from the zones its request names; errors dated past the clock are flagged. */
export function toClassifyOptions(request: { readonly localOffsetMinutes: number | null; readonly providerOffsetMinutes: number }): ClassifyOptions {
  const local = request.localOffsetMinutes;
  return {
    providerOffsetMinutes: request.providerOffsetMinutes,
    // A worker runs in the viewer's zone, so "the viewer's zone" is the runtime's own, DST included.
    localOffsetMinutes: local === null ? (wallTime: number) => -new Date(wallTime).getTimezoneOffset() : () => local,
    now: Date.now,
  };
}
