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

/**
 * One line of `events` output: where the record is (its first line, its lines, its bytes in the decompressed
 * text, as the page re-reads it), what it is, and what was read from it.
 */
export function toEventJson(file: string, event: IngestedEvent): Record<string, unknown> {
  const { details, entry } = event;
  const { reset } = details;
  return {
    file,
    line: event.line,
    lineCount: event.lineCount,
    byteOffset: event.byteOffset,
    byteLength: event.byteLength,
    format: event.format,
    code: toCodeNumber(details.code ?? entry?.code ?? null),
    rawCode: details.params.rawCode ?? null,
    catalogued: entry !== null,
    category: entry?.category ?? null,
    verdict: entry?.verdict ?? null,
    http: details.http,
    requestId: details.requestId,
    ts: toIso(details.ts),
    message: details.message,
    resetAt: toIso(plausibleResetAt(event)),
    resetWritten: reset?.raw ?? null,
    resetSetAside: reset !== null && !reset.plausible ? (reset.implausibleReason ?? 'implausible') : null,
    window: details.window ?? entry?.window ?? null,
    attempts: event.attempts,
    flags: details.flags,
  };
}
