import { readCode } from './code-value';
import { compose, redate, type ComposeContext } from './compose';
import { asTemplate, restamp, restampDated, stampIn, templateKey, type StampAt } from './restamp';
import { eventTime, isoUtcTimeAt, type EventTime } from './event-time';
import { scanFastLine, type FastFields } from './fast-scan';
import { httpFromText } from './http-status';
import { detachString } from '../store/string-table';
import type { Outcome } from './outcome';
import { emptySignals } from './signals';

/**
 * The common case without JSON.parse: a compact NDJSON line whose `error.code` (or top-level `code`) is a
 * Z.ai code and whose message is plain text. Tier 1 is one anchored regex for the usual layout (irregexp
 * runs it in ~80 ns); tier 2 is a key-by-key scanner for other layouts. Both build the signals the full
 * walk would build and hand them to the same `compose`, so the paths agree (a property test checks
 * this); whenever a line holds anything the walk would read differently they return undefined.
 */
const CANONICAL =
  // eslint-disable-next-line no-control-regex -- raw control characters make a line invalid JSON: not fast
  /^\{(?:"(timestamp|ts|time)":(?:"([^"\\\u0000-\u001f]*)"|([1-9]\d{9,12})),)?(?:"status":([1-5]\d\d),)?"error":\{"code":(?:"(\d{3,4})"|([1-9]\d{2,3})),"message":"([^"\\\u0000-\u001f[{]+)"(?:,"type":"[a-z_]*")?\}(?:,"request_id":"([A-Za-z0-9_-]+)")?\}$/;

export function classifyFast(line: string, ctx: ComposeContext): Outcome | undefined {
  if (line.charCodeAt(0) !== 123) return undefined;
  forgetOutcomesOfOtherContext(ctx);
  const valueStart = timeValueStart(line);
  // The time's closing quote: whether the time holds only what the canonical regex takes there is checked
  // once a remembered line matches (lineTime), and before a line is remembered.
  const valueEnd = valueStart < 0 ? -1 : line.indexOf('"', valueStart);
  if (valueEnd >= 0) {
    const known = timeTails[tailSlot(line, valueEnd)];
    if (known !== undefined && known.valueStart === valueStart && known.tail.length === line.length - valueEnd - 1 && line.slice(valueEnd + 1) === known.tail) {
      const time = lineTime(line, valueStart, valueEnd, known.requestId, ctx);
      if (time !== null) return redate(known.undated, time, known.requestId) ?? undefined;
    }
  }
  if (valueEnd >= 0 && stampedFromEnds.length > 0) {
    const restamped = fromStampedTail(line, valueStart, valueEnd, ctx);
    if (restamped !== undefined) return restamped;
  }
  const m = CANONICAL.exec(line);
  if (m !== null) {
    const r = fromCanonical(m);
    return r === undefined ? undefined : build(r, ctx, valueEnd >= 0 && isPlainTime(line, valueStart, valueEnd) ? { line, valueStart, valueEnd } : null);
  }
  // The scanner reads codes only from a literal "code" key (it refuses escapes): no key, no fast answer.
  if (line.indexOf('"code"') < 0) return undefined;
  const f = scanFastLine(line);
  const r = f === undefined ? undefined : fromScan(f);
  return r === undefined ? undefined : build(r, ctx, null);
}

function fromCanonical(m: RegExpExecArray): FastRecord | undefined {
  const message = m[7] ?? '';
  const read = readCode(m[5] ?? Number(m[6]));
  if (read.kind !== 'code' || message.indexOf('(request id') >= 0) return undefined;
  const status = m[4] === undefined ? null : Number(m[4]);
  const time = m[2] ?? (m[3] === undefined ? null : Number(m[3]));
  return { code: read.code, coerced: read.coerced, message, status, time, requestId: m[8] ?? null, fromError: true };
}

function fromScan(f: FastFields): FastRecord | undefined {
  const read = readCode(f.errorSeen ? f.errorCode : f.rootCode);
  const message = f.errorSeen ? f.errorMessage : f.rootMessage;
  if (read.kind !== 'code' || message === null || !isPlainMessage(message)) return undefined;
  return { code: read.code, coerced: read.coerced, message, status: f.status, time: f.time, requestId: f.requestId, fromError: f.errorSeen };
}

interface FastRecord {
  readonly code: string;
  readonly coerced: boolean;
  readonly message: string;
  readonly status: number | null;
  readonly time: string | number | null;
  readonly requestId: string | null;
  readonly fromError: boolean;
}

/** A line of the usual layout and where its quoted time is: its tail is remembered once the line is read. */
interface TimedLine {
  readonly line: string;
  readonly valueStart: number;
  readonly valueEnd: number;
}

function build(r: FastRecord, ctx: ComposeContext, timed: TimedLine | null): Outcome {
  const undated = undatedOutcome(r, ctx);
  const dated = redate(undated, eventTime(r.time, r.requestId, ctx.localOffset), r.requestId);
  if (dated === null) return compose(signalsOf(r, r.time, r.requestId), ctx);
  if (timed !== null) {
    if (hasReset(undated)) rememberStampedTail(timed, r);
    else rememberTail(timed, undated, r.requestId);
  }
  return dated;
}

function hasReset(outcome: Outcome): boolean {
  return (outcome.kind === 'catalogued' || outcome.kind === 'uncatalogued') && outcome.details.reset !== null;
}

/**
 * Lines of the usual layout that differ only in their quoted time: `{"ts":"…"` then a tail already read.
 * The canonical regex reads the time's characters alone (no quote, backslash or control character), so
 * such a line is read as the first one was, its time aside: the undated outcome of that line, dated with
 * this line's time, is what build would give. One lookup replaces the regex and the message lookup.
 */
interface KnownTail {
  /** The line after its time's closing quote. */
  readonly tail: string;
  readonly valueStart: number;
  readonly requestId: string | null;
  readonly undated: Outcome;
}

/**
 * Known tails in slots chosen by the tail's length and seven of its characters, spread over it (textSlot):
 * finding a line's candidate reads those characters only, and one comparison confirms it. A map keyed by the
 * tail hashed all of it for every line (about 180 ns a line against 50). Two tails in one slot take turns: a
 * line whose tail was pushed out is read by the regex, then remembered again.
 */
const TAIL_SLOTS = 1024;
const timeTails: (KnownTail | undefined)[] = new Array<KnownTail | undefined>(TAIL_SLOTS).fill(undefined);
/** Longer tails are not remembered (the slots hold at most 4 MiB of text). */
const TAIL_MAX = 4096;

function tailSlot(line: string, valueEnd: number): number {
  return textSlot(line, valueEnd + 1, line.length);
}

/** The slot of line[start, end): its length and seven of its characters, spread over it. */
function textSlot(line: string, start: number, end: number): number {
  const length = end - start;
  let h = length;
  for (let k = 1; k < 8; k += 1) h = (Math.imul(h, 31) + line.charCodeAt(start + ((length * k) >> 3))) | 0;
  return h & (TAIL_SLOTS - 1);
}

/** Where the quoted time of `{"ts":"…"` (or `time`, `timestamp`) starts, else -1. */
function timeValueStart(line: string): number {
  if (line.charCodeAt(1) !== 34) return -1;
  return line.startsWith('ts":"', 2) ? 7 : line.startsWith('time":"', 2) ? 9 : line.startsWith('timestamp":"', 2) ? 14 : -1;
}

/** True when line[start, end) holds no character the canonical regex refuses in a quoted time (a backslash, a control character). */
function isPlainTime(line: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    const c = line.charCodeAt(i);
    if (c < 32 || c === 92) return false;
  }
  return true;
}

/**
 * The time of a line read as a remembered one, or null when its time is not plain (then the line is not read
 * as that one was). A UTC stamp that reads is plain (digits and separators): only other times are checked.
 */
function lineTime(line: string, start: number, end: number, requestId: string | null, ctx: ComposeContext): EventTime | null {
  return isoUtcTimeAt(line, start, end) ?? (isPlainTime(line, start, end) ? eventTime(line.slice(start, end), requestId, ctx.localOffset) : null);
}

function forgetTails(): void {
  timeTails.fill(undefined);
}

function rememberTail({ line, valueStart, valueEnd }: TimedLine, undated: Outcome, requestId: string | null): void {
  if (line.length - valueEnd - 1 >= TAIL_MAX) return;
  // Copied: a slice of the line would keep its whole chunk of log text alive.
  const tail = detachString(line.slice(valueEnd + 1));
  timeTails[tailSlot(line, valueEnd)] = { tail, valueStart, requestId: requestId === null ? null : detachString(requestId), undated };
}

interface UndatedOutcome {
  readonly code: string;
  readonly status: number | null;
  readonly coerced: boolean;
  readonly fromError: boolean;
  readonly outcome: Outcome;
}

/**
 * Outcomes composed without time, by message, then by everything else compose reads (code, status,
 * envelope). Errors of a log repeat a few messages thousands of times: each is composed once, and a
 * line only adds its time. Keyed on the message alone so a lookup hashes a slice and builds no key.
 */
const undatedOutcomes = new Map<string, UndatedOutcome[]>();
const UNDATED_CAPACITY = 256;
let cachedContext: ComposeContext | null = null;

function forgetOutcomesOfOtherContext(ctx: ComposeContext): void {
  if (ctx === cachedContext) return;
  cachedContext = ctx;
  undatedOutcomes.clear();
  stampTemplates.clear();
  forgetTails();
  forgetStampedTails();
}

function undatedOutcome(r: FastRecord, ctx: ComposeContext): Outcome {
  let same = undatedOutcomes.get(r.message);
  if (same !== undefined) {
    for (const u of same) if (u.code === r.code && u.status === r.status && u.coerced === r.coerced && u.fromError === r.fromError) return u.outcome;
  }
  // A message of a stamp template is not kept here: a storm naming a new reset each second would flush the
  // messages that do repeat.
  const stamped = fromTemplate(r, ctx);
  if (stamped !== null) return stamped;
  // The message is copied: a slice of the line would keep its whole chunk of log text alive.
  const message = detachString(r.message);
  const outcome = composeUndated(r, message, ctx);
  if (same === undefined) {
    if (undatedOutcomes.size >= UNDATED_CAPACITY) undatedOutcomes.clear();
    same = [];
    undatedOutcomes.set(message, same);
  }
  if (same.length < 16) same.push({ code: r.code, status: r.status, coerced: r.coerced, fromError: r.fromError, outcome });
  return outcome;
}

/**
 * Quota messages differ only by their reset stamp ("… will reset at 2026-11-20 11:00:02"), and a storm of
 * them can name a new one every second. The first message of a wording is composed; the next ones take
 * its outcome with their own stamp read again (restamp), when that is exactly what compose would give.
 */
interface StampTemplate {
  readonly stamp: string;
  /** Null when this wording's outcome cannot be restamped: then its messages are composed one by one. */
  readonly outcome: (Outcome & { kind: 'catalogued' }) | null;
  /** The last message restamped, as the hits of one window repeat the same reset. */
  lastMessage: string;
  lastOutcome: Outcome;
}
const stampTemplates = new Map<string, StampTemplate>();
const TEMPLATE_CAPACITY = 256;

function fromTemplate(r: FastRecord, ctx: ComposeContext): Outcome | null {
  const stamp = stampIn(r.message);
  if (stamp === null) return null;
  const key = templateKeyOf(r, stamp);
  const template = stampTemplates.get(key);
  if (template === undefined) {
    const message = detachString(r.message);
    const outcome = composeUndated(r, message, ctx);
    if (stampTemplates.size >= TEMPLATE_CAPACITY) stampTemplates.clear();
    const usable = asTemplate(outcome, message, stamp.text, ctx.providerOffsetMinutes);
    stampTemplates.set(detachString(key), { stamp: detachString(stamp.text), outcome: usable, lastMessage: message, lastOutcome: outcome });
    return outcome;
  }
  if (template.lastMessage === r.message) return template.lastOutcome;
  const message = detachString(r.message);
  const restamped = template.outcome === null ? null : restamp(template.outcome, template.stamp, message, stamp.text, ctx.providerOffsetMinutes);
  const outcome = restamped ?? composeUndated(r, message, ctx);
  template.lastMessage = message;
  template.lastOutcome = outcome;
  return outcome;
}

function templateKeyOf(r: FastRecord, stamp: StampAt): string {
  return `${r.code}|${r.status ?? ''}|${r.coerced ? 1 : 0}${r.fromError ? 1 : 0}|${templateKey(r.message, stamp)}`;
}

/**
 * Quota lines of the usual layout that differ only in their time and their reset stamp. In a storm each
 * names a new reset, so neither its tail after the time nor its message comes back. Once a line of a stamp
 * template has been read (its outcome restampable), the text between its time and its stamp is remembered,
 * with what follows the stamp. A line with the same text around another stamp of the same shape is read as
 * that first line was, its time and stamp aside (under any of the three time keys: the regex reads them
 * alike). The regex would find the same fields, the message would be the same wording with this stamp, and
 * fromTemplate would restamp the same template: its outcome restamped, then dated (restampDated does both at
 * once), is what build gives (a property test checks this). One lookup replaces the regex, the stamp search
 * and the template key.
 */
interface StampedTail {
  /** The line from its time's closing quote to the stamp. */
  readonly before: string;
  /** Characters from the stamp's first to the end of the line. */
  readonly fromEnd: number;
  /** The line after the stamp. */
  readonly after: string;
  readonly template: StampTemplate & { readonly outcome: Outcome & { kind: 'catalogued' } };
  readonly messageBefore: string;
  readonly messageAfter: string;
  readonly requestId: string | null;
}

/** In slots chosen as the time tails' are, by the text from the time's closing quote to the stamp. */
const stampedTails: (StampedTail | undefined)[] = new Array<StampedTail | undefined>(TAIL_SLOTS).fill(undefined);
/** The distinct `fromEnd` of the remembered tails (a wording or two per log): where a line's stamp would start. */
const stampedFromEnds: number[] = [];
const FROM_ENDS_MAX = 8;
const STAMP_LENGTH = 19;

function forgetStampedTails(): void {
  stampedTails.fill(undefined);
  stampedFromEnds.length = 0;
}

function rememberStampedTail({ line, valueEnd }: TimedLine, r: FastRecord): void {
  // As for time tails: the slots hold at most TAIL_SLOTS × TAIL_MAX characters, whatever a hostile log holds.
  if (line.length - valueEnd - 1 >= TAIL_MAX) return;
  const stamp = stampIn(r.message);
  const template = stamp === null ? undefined : stampTemplates.get(templateKeyOf(r, stamp));
  if (stamp === null || template === undefined || template.outcome === null) return;
  // The message holds its one stamp, and nothing after the message in this layout can hold a stamp.
  const stampAt = line.lastIndexOf(stamp.text);
  if (stampAt <= valueEnd) return;
  const fromEnd = line.length - stampAt;
  if (!stampedFromEnds.includes(fromEnd)) {
    if (stampedFromEnds.length >= FROM_ENDS_MAX) forgetStampedTails();
    stampedFromEnds.push(fromEnd);
  }
  // Copied: slices of the line would keep its whole chunk of log text alive.
  stampedTails[textSlot(line, valueEnd + 1, stampAt)] = {
    before: detachString(line.slice(valueEnd + 1, stampAt)),
    fromEnd,
    after: detachString(line.slice(stampAt + STAMP_LENGTH)),
    template: template as StampedTail['template'],
    messageBefore: detachString(r.message.slice(0, stamp.index)),
    messageAfter: detachString(r.message.slice(stamp.index + STAMP_LENGTH)),
    requestId: r.requestId === null ? null : detachString(r.requestId),
  };
}

function fromStampedTail(line: string, valueStart: number, valueEnd: number, ctx: ComposeContext): Outcome | undefined {
  for (const fromEnd of stampedFromEnds) {
    const at = line.length - fromEnd;
    if (at <= valueEnd || !isStampAt(line, at)) continue;
    const known = stampedTails[textSlot(line, valueEnd + 1, at)];
    if (known === undefined || known.fromEnd !== fromEnd || known.before.length !== at - valueEnd - 1) continue;
    // Slices compared, not startsWith or endsWith: V8 runs those two about twice as slowly.
    if (line.slice(valueEnd + 1, at) !== known.before || line.slice(at + STAMP_LENGTH) !== known.after) continue;
    const stamp = line.slice(at, at + STAMP_LENGTH);
    const { template } = known;
    const time = lineTime(line, valueStart, valueEnd, known.requestId, ctx);
    if (time === null) return undefined;
    const message = known.messageBefore + stamp + known.messageAfter;
    return restampDated(template.outcome, template.stamp, message, stamp, time, known.requestId, ctx.providerOffsetMinutes) ?? undefined;
  }
  return undefined;
}

/** `YYYY-MM-DD HH:mm:ss` at `at`: what the stamp pattern of stampIn matches there. */
function isStampAt(line: string, at: number): boolean {
  for (let i = 0; i < STAMP_LENGTH; i += 1) {
    const c = line.charCodeAt(at + i);
    const expected = i === 4 || i === 7 ? 45 : i === 10 ? 32 : i === 13 || i === 16 ? 58 : -1;
    if (expected >= 0 ? c !== expected : !(c >= 48 && c <= 57)) return false;
  }
  return true;
}

/** What compose gives for the record without its time and request id, its message being `message` (a copy). */
function composeUndated(r: FastRecord, message: string, ctx: ComposeContext): Outcome {
  return compose(signalsOf({ ...r, message }, null, null), ctx);
}

function signalsOf(r: FastRecord, time: string | number | null, requestId: string | null) {
  const sig = emptySignals();
  sig.code = r.code;
  sig.codeSource = 'field';
  sig.coerced = r.coerced;
  sig.message = r.message;
  sig.requestId = requestId;
  sig.time = time;
  sig.evidence = r.fromError || (r.status !== null && r.status >= 400);
  sig.http = r.status !== null ? { status: r.status, strong: true } : httpFromText(r.message);
  return sig;
}

/** Nothing the text readers would act on: no bracketed code, no embedded JSON, no relay request id. */
function isPlainMessage(message: string): boolean {
  return message.indexOf('[') < 0 && message.indexOf('{') < 0 && message.indexOf('(request id') < 0;
}
