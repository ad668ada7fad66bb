import type { IngestedEvent } from '../core/formats/types';

/** ISO 8601 UTC, or null. Example: `toIso(0)` → `'1970-01-01T00:00:00.000Z'`. */
export function toIso(ms: number | null): string | null {
  return ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}

/** The code as a number ('1308' → 1308, the gateway's '401' → 401), or null. */
export function toCodeNumber(code: string | null): number | null {
  return code !== null && /^\d+$/.test(code) ? Number(code) : null;
}

/** The reset instant when it is plausible (inside its window, after its event), else null. */
export function plausibleResetAt(event: IngestedEvent): number | null {
  const reset = event.details.reset;
  return reset !== null && reset.plausible && reset.at !== null ? reset.at : null;
}

/** One line of `events` output. */
export function toEventJson(file: string, event: IngestedEvent): Record<string, unknown> {
  const { details, entry } = event;
  return {
    file,
    line: event.line,
    code: toCodeNumber(details.code ?? entry?.code ?? null),
    catalogued: entry !== null,
    category: entry?.category ?? null,
    verdict: entry?.verdict ?? null,
    http: details.http,
    requestId: details.requestId,
    ts: toIso(details.ts),
    resetAt: toIso(plausibleResetAt(event)),
    window: details.window ?? entry?.window ?? null,
    attempts: event.attempts,
  };
}
