import { lookupCode } from '../catalog/catalog';
import type { CatalogEntry } from '../catalog/types';
import type { LocalOffset } from '../time/log-timestamp';
import { eventTime, type EventTime } from './event-time';
import { cleanMessage, languageOf } from './message-text';
import { assessReset } from '../time/assess-reset';
import type { ErrorDetails, Outcome, RecordFlag, ResetInfo } from './outcome';
import { quotaDetails } from './quota-details';
import type { Signals } from './signals';
import { matchesOwnWording, matchText, readOwnParams, type TextMatch } from './text-match';
import { hasOwnProbe } from './probes';
import { mightBeError } from './pre-check';

export interface ComposeContext {
  /**
   * The record as text, for the wording table when no message field was found and as the message of an
   * uncatalogued text line; null for JSON records (only their fields are read).
   */
  readonly fallbackText: string | null;
  readonly providerOffsetMinutes: number;
  readonly localOffset: LocalOffset;
  /** Skip the wording table for texts that fail the pre-check (it finds nothing there). */
  readonly shortcuts: boolean;
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});
const ERROR_WORDS = /error|exception|fail|denied|refused|错误|失败|异常/i;
const NON_ERROR: Outcome = Object.freeze({ kind: 'non-error', flags: Object.freeze([]) });

/** The one outcome of a record from what the readers found. */
export function compose(sig: Signals, ctx: ComposeContext): Outcome {
  if (sig.lookalike && sig.code === null) return sig.evidence ? uncatalogued(sig, ctx, []) : NON_ERROR;
  if (sig.code === null && sig.finishReason === 'sensitive') Object.assign(sig, { code: '1301', codeSource: 'finish' });
  const flags: RecordFlag[] = [];
  if (sig.coerced) flags.push('code_shape_coerced');
  if (sig.repeatedKey) flags.push('duplicate_key_last_wins');
  let match: TextMatch | null = null;
  if (sig.code === null && !sig.evasive) {
    const subject = sig.message ?? ctx.fallbackText;
    match = subject === null || (ctx.shortcuts && !mightBeError(subject)) ? null : matchWording(subject, sig, !ctx.shortcuts);
    if (match !== null) {
      Object.assign(sig, { code: match.template.entry.code, codeSource: 'text' });
      if (sig.message === null) sig.message = subject?.slice(match.start) ?? null;
      flags.push('code_from_text');
    }
  }
  const entry = sig.code === null ? undefined : lookupCode(sig.code);
  if (entry === undefined) {
    if (sig.code !== null || sig.evasive || sig.evidence || (sig.http !== null && sig.http.strong && sig.http.status >= 400)) return uncatalogued(sig, ctx, flags);
    return NON_ERROR;
  }
  if (isMismatch(entry, sig, !ctx.shortcuts)) flags.push('code_message_mismatch');
  return { kind: 'catalogued', entry, details: details(sig, ctx, flags, entry, match) };
}

/**
 * The wording table. A generic wording ("Internal Error", "Authentication Failed") counts only in an error
 * context: an error envelope, an HTTP status, or an error word before the wording (`ZaiException - …`).
 */
function matchWording(subject: string, sig: Signals, ungated: boolean): TextMatch | null {
  const match = matchText(subject, { errorContext: true, ungated });
  if (match === null || !match.template.generic) return match;
  if (sig.evidence || sig.http !== null || ERROR_WORDS.test(subject.slice(Math.max(0, match.start - 300), match.start))) return match;
  return matchText(subject, { errorContext: false, ungated });
}

/**
 * The outcome of an undated record (`compose` of signals without time and request id) given the time of
 * another record with the same signals otherwise: what compose would answer for that record. A quota
 * reset is judged again against the new time (the one part of a quota hit that depends on it). Lets the
 * fast path compose each distinct error once instead of once per line. Null when it cannot tell.
 */
export function redate(undated: Outcome, time: EventTime, requestId: string | null): Outcome | null {
  if (undated.kind !== 'catalogued' && undated.kind !== 'uncatalogued') return null;
  const d = undated.details;
  // details() pushes its flags in order: compose's own, the time's (one for an undated record), the quota's.
  const at = d.flags.indexOf('timestamp_missing');
  if (at < 0) return null;
  if (time.flags.length === 0 && d.reset === null && at === d.flags.length - 1) {
    const details = withTime(d, d.message, requestId, time.ts, d.reset, d.params, flagsBefore(d.flags, at));
    return undated.kind === 'catalogued' ? { kind: 'catalogued', entry: undated.entry, details } : { kind: 'uncatalogued', details };
  }
  // Indexed: `for…of` over flags arrays of several shapes allocates an iterator result per flag.
  const flags = d.flags.slice(0, at);
  for (let i = 0; i < time.flags.length; i += 1) flags.push(time.flags[i] as RecordFlag);
  let reset = d.reset;
  if (reset !== null && reset.at !== null) {
    reset = resetJudgedAt(reset, time.ts, d.window);
    for (let i = at + 1; i < d.flags.length; i += 1) if (d.flags[i] !== 'reset_time_implausible') flags.push(d.flags[i] as RecordFlag);
    if (!reset.plausible) flags.push('reset_time_implausible');
  } else for (let i = at + 1; i < d.flags.length; i += 1) flags.push(d.flags[i] as RecordFlag);
  const details = withTime(d, d.message, requestId, time.ts, reset, d.params, flags);
  return undated.kind === 'catalogued' ? { kind: 'catalogued', entry: undated.entry, details } : { kind: 'uncatalogued', details };
}

/**
 * A reset judged again for an event at another time (the one part of a quota hit that depends on it); the same
 * object when the verdict holds, or when the reset has no instant to judge.
 */
export function resetJudgedAt(reset: ResetInfo, eventAt: number | null, window: ErrorDetails['window']): ResetInfo {
  if (reset.at === null) return reset;
  const verdict = assessReset({ resetAt: reset.at, eventAt, window, dateOnly: reset.dateOnly });
  if (verdict.plausible === reset.plausible && verdict.reason === reset.implausibleReason) return reset;
  return { ...reset, plausible: verdict.plausible, implausibleReason: verdict.reason };
}

/**
 * `d` with another time (and what goes with it), its fields written out in the order details() writes them:
 * one allocation instead of a spread then extended, and one object shape for every event's details.
 */
export function withTime(
  d: ErrorDetails,
  message: string | null,
  requestId: string | null,
  ts: number | null,
  reset: ResetInfo | null,
  params: Readonly<Record<string, string>>,
  flags: readonly RecordFlag[],
): ErrorDetails {
  return { code: d.code, http: d.http, requestId, message, language: d.language, window: d.window, reset, ts, params, flags };
}

/** The flags of a record dated without a flag of its own: one array per undated outcome, shared (flags are read-only). */
const datedFlags = new WeakMap<readonly RecordFlag[], readonly RecordFlag[]>();

function flagsBefore(flags: readonly RecordFlag[], at: number): readonly RecordFlag[] {
  let dated = datedFlags.get(flags);
  if (dated === undefined) {
    dated = Object.freeze(flags.slice(0, at));
    datedFlags.set(flags, dated);
  }
  return dated;
}

function uncatalogued(sig: Signals, ctx: ComposeContext, flags: RecordFlag[]): Outcome {
  if (sig.message === null && sig.finishReason !== null) sig.message = `finish_reason: ${sig.finishReason}`;
  sig.message ??= ctx.fallbackText;
  return { kind: 'uncatalogued', details: details(sig, ctx, flags, undefined, null) };
}

/** Code wins over wording (C8); the flag is set only when the message shares nothing with the code's own wordings. */
function isMismatch(entry: CatalogEntry, sig: Signals, ungated: boolean): boolean {
  if (sig.codeSource === 'text' || sig.codeSource === 'finish' || sig.message === null) return false;
  if (hasOwnProbe(entry.code, sig.message) || matchesOwnWording(entry.code, sig.message)) return false;
  const other = matchText(sig.message, { errorContext: false, ungated });
  return other !== null && other.template.entry.code !== entry.code;
}

function details(sig: Signals, ctx: ComposeContext, flags: RecordFlag[], entry: CatalogEntry | undefined, match: TextMatch | null): ErrorDetails {
  const message = cleanMessage(sig.message);
  const time = eventTime(sig.time, sig.requestId, ctx.localOffset);
  for (const flag of time.flags) flags.push(flag);
  let params: Readonly<Record<string, string>> = match?.params ?? NO_PARAMS;
  if (match === null && entry !== undefined && entry.params.length > 0 && message !== null) params = readOwnParams(entry.code, message);
  const extra = extraParams(sig);
  if (extra !== null) params = { ...params, ...extra };
  const quota = entry?.window == null || message === null ? null : quotaDetails({ entry, message, params, eventAt: time.ts, providerOffsetMinutes: ctx.providerOffsetMinutes });
  if (quota !== null) for (const flag of quota.flags) flags.push(flag);
  return {
    code: sig.code,
    http: sig.http?.status ?? null,
    requestId: sig.requestId,
    message,
    language: languageOf(message),
    window: quota?.window ?? entry?.window ?? null,
    reset: quota?.reset ?? null,
    ts: time.ts,
    params: quota?.params ?? params,
    flags,
  };
}

function extraParams(sig: Signals): Record<string, string> | null {
  if (sig.rawCode === null && sig.finishReason === null) return null;
  const extra: Record<string, string> = {};
  if (sig.rawCode !== null) extra['rawCode'] = sig.rawCode;
  if (sig.finishReason !== null) extra['finish_reason'] = sig.finishReason;
  return extra;
}
