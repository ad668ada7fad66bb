import { withTime } from './compose';
import type { Outcome } from './outcome';
import { resetFromStamp } from './reset';
import type { EventTime } from './event-time';

/** The time of a record that has none: a template's own (restampDated keeps its `timestamp_missing`). */
const UNDATED: EventTime = Object.freeze({ ts: null, flags: Object.freeze(['timestamp_missing'] as const) });

/** A reset stamp as the provider writes it in a message: `2026-11-20 11:00:02`. */
const PROVIDER_STAMP = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/;
const ANY_DATE = /\d{4}-\d{2}-\d{2}/g;

export interface StampAt {
  readonly text: string;
  readonly index: number;
}

/**
 * The one reset stamp of a message, when it is the only date in it and nothing is glued to it (a digit,
 * a fraction, a zone), so that any other stamp in its place is read the same way by the readers.
 * stampIn('… reset at 2026-11-20 11:00:02') -> { text: '2026-11-20 11:00:02', index: 25 }
 */
export function stampIn(message: string): StampAt | null {
  const found = PROVIDER_STAMP.exec(message);
  if (found === null) return null;
  const index = found.index;
  const end = index + found[0].length;
  if (isDigit(message.charCodeAt(index - 1)) || isGlued(message, end)) return null;
  ANY_DATE.lastIndex = 0;
  if (ANY_DATE.exec(message)?.index !== index) return null;
  ANY_DATE.lastIndex = end;
  if (ANY_DATE.exec(message) !== null) return null;
  return { text: found[0], index };
}

/** The message with its stamp cut out: messages of one wording share it. */
export function templateKey(message: string, stamp: StampAt): string {
  return `${message.slice(0, stamp.index)}\u0000${message.slice(stamp.index + stamp.text.length)}`;
}

/**
 * The undated outcome of `message`, composed, as a template for messages of the same wording with another
 * stamp; null when restamping could not give what compose gives (the message was cleaned, a parameter holds
 * the stamp in a longer text, the outcome is dated or carries other flags than the reset's own).
 */
export function asTemplate(outcome: Outcome, message: string, stamp: string, providerOffsetMinutes: number): (Outcome & { kind: 'catalogued' }) | null {
  if (outcome.kind !== 'catalogued') return null;
  const d = outcome.details;
  if (d.message !== message || d.reset?.raw !== stamp || d.ts !== null || d.requestId !== null) return null;
  for (const value of Object.values(d.params)) {
    ANY_DATE.lastIndex = 0;
    if (value !== stamp && ANY_DATE.test(value)) return null;
  }
  const again = restamp(outcome, stamp, message, stamp, providerOffsetMinutes);
  return again !== null && sameFlags(again.details.flags, d.flags) && again.details.reset?.at === d.reset.at ? outcome : null;
}

/** What compose gives for `message`, the template's message with `newStamp` in place of `stamp` (both undated). */
export function restamp(
  template: Outcome & { kind: 'catalogued' },
  stamp: string,
  message: string,
  newStamp: string,
  providerOffsetMinutes: number,
): (Outcome & { kind: 'catalogued' }) | null {
  // stampIn vouched for the new stamp: it is what readReset would find in `message`.
  return restampDated(template, stamp, message, newStamp, UNDATED, template.details.requestId, providerOffsetMinutes);
}

/**
 * What redate(restamp(template, stamp, message, newStamp), time, requestId) gives, built in one step: the
 * reset judged against the event's own time at once, one set of flags, one details object. A storm of
 * quota errors takes this for nearly every line.
 */
export function restampDated(
  template: Outcome & { kind: 'catalogued' },
  stamp: string,
  message: string,
  newStamp: string,
  time: EventTime,
  requestId: string | null,
  providerOffsetMinutes: number,
): (Outcome & { kind: 'catalogued' }) | null {
  const d = template.details;
  const missing = d.flags.indexOf('timestamp_missing');
  if (missing < 0) return null;
  const found = resetFromStamp(newStamp, time.ts, d.window, providerOffsetMinutes);
  // Most often the reset's flags alone, shared (flags are read-only); else one array of the exact size.
  const flags = missing === 0 && time.flags.length === 0 ? found.flags : d.flags.slice(0, missing).concat(time.flags, found.flags);
  // for…in: Object.keys would allocate an array per line.
  const params: Record<string, string> = { ...d.params };
  for (const key in params) if (params[key] === stamp) params[key] = newStamp;
  return { kind: 'catalogued', entry: template.entry, details: withTime(d, message, requestId, time.ts, found.reset, params, flags) };
}

function sameFlags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((flag, i) => flag === b[i]);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A digit, a fraction, `:`, `+`, `-`, `Z` or `z` right after the seconds would make the readers see another stamp. */
function isGlued(message: string, at: number): boolean {
  const c = message.charCodeAt(at);
  if (c === 46) return isDigit(message.charCodeAt(at + 1));
  return isDigit(c) || c === 58 || c === 43 || c === 45 || c === 90 || c === 122;
}
