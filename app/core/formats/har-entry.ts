import type { ErrorDetails, ErrorOutcome, Outcome, RecordFlag } from '../classify/outcome';
import { resetJudgedAt } from '../classify/compose';
import { parseLogTimestamp } from '../time/log-timestamp';

/** Hosts of the provider's API: `api.z.ai`, `open.bigmodel.cn` and their sibling hosts. */
export function isProviderHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'z.ai' || h === 'bigmodel.cn' || h.endsWith('.z.ai') || h.endsWith('.bigmodel.cn');
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function hostOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

function bodyText(content: unknown): string {
  const text = field(content, 'text');
  if (typeof text !== 'string') return '';
  if (field(content, 'encoding') !== 'base64') return text;
  try {
    const binary = atob(text);
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return '';
  }
}

const GUESSED_TIME: ReadonlySet<RecordFlag> = new Set(['timestamp_missing', 'timestamp_zone_assumed', 'timestamp_from_request_id']);

/**
 * The body's own time when it wrote one with its zone; else the entry's exact start, without a caveat on the time.
 * A reset was judged against the body's time: it is judged again against the start (a reset "before its error"
 * may only have been a body time read in the wrong zone).
 */
function entryTime(details: ErrorDetails, started: number | null): Pick<ErrorDetails, 'ts' | 'flags' | 'reset'> {
  const guessed = details.ts === null || details.flags.some((flag) => GUESSED_TIME.has(flag));
  if (started === null || !guessed) return { ts: details.ts, flags: details.flags, reset: details.reset };
  const reset = details.reset;
  const flags = details.flags.filter((flag) => !GUESSED_TIME.has(flag) && (flag !== 'reset_time_implausible' || reset?.at == null));
  if (reset === null || reset.at === null) return { ts: started, flags, reset };
  const judged = resetJudgedAt(reset, started, details.window);
  if (!judged.plausible) flags.push('reset_time_implausible');
  return { ts: started, flags, reset: judged };
}

function statusOnly(status: number, statusText: string, ts: number | null): ErrorDetails {
  return {
    code: null,
    http: status,
    requestId: null,
    message: statusText === '' ? null : statusText,
    language: null,
    window: null,
    reset: null,
    ts,
    params: {},
    flags: ts === null ? ['timestamp_missing'] : [],
  };
}

/**
 * The error of one HAR entry, or null: only requests to the provider's hosts count, and only when the
 * response status is >= 400 or its body classifies as an error. The body is what is classified; the HTTP
 * status comes from the HAR, the time from `startedDateTime` when the body has none.
 */
export function classifyHarEntry(entry: unknown, classify: (text: string) => Outcome): ErrorOutcome | null {
  const host = hostOf(field(field(entry, 'request'), 'url'));
  if (host === null || !isProviderHost(host)) return null;
  const response = field(entry, 'response');
  const rawStatus = field(response, 'status');
  const status = typeof rawStatus === 'number' && Number.isInteger(rawStatus) ? rawStatus : 0;
  const started = field(entry, 'startedDateTime');
  // HAR writes ISO 8601 with its zone; read by our parser (Date.parse reads other shapes differently per browser, E2).
  const stamp = typeof started === 'string' ? parseLogTimestamp(started) : null;
  const ts = stamp === null || stamp.zoneAssumed ? null : stamp.at;
  const outcome = classify(bodyText(field(response, 'content')));
  if (outcome.kind === 'catalogued' || outcome.kind === 'uncatalogued') {
    const withEntry = (details: ErrorDetails): ErrorDetails => ({ ...details, http: status > 0 ? status : details.http, ...entryTime(details, ts) });
    const also = outcome.also?.map((other) => ({ ...other, details: withEntry(other.details) }));
    return { ...outcome, details: withEntry(outcome.details), ...(also === undefined ? {} : { also }) };
  }
  if (status < 400) return null;
  const statusText = field(response, 'statusText');
  return { kind: 'uncatalogued', details: statusOnly(status, typeof statusText === 'string' ? statusText : '', ts) };
}
