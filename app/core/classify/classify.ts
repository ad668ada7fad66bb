import { PROVIDER_OFFSET_MINUTES } from '../time/provider-stamp';
import { compose, type ComposeContext } from './compose';
import { leadingStamp } from './event-time';
import { classifyFast } from './fast-path';
import { isPlainJsonNonError } from './json-pre-check';
import { looksLikeJson, parseJson, repairQuotes, splitConcatenatedJson } from './json-text';
import { flagFutureErrors } from './future-flag';
import { withFlag, type ClassifyOptions, type ErrorOutcome, type Outcome } from './outcome';
import { forgetLastText, mightBeErrorText } from './pre-check';
import { exactJsonValue, hasErrorFields, readJsonRecord, readJsonValue, readText } from './read-text';
import { valuesRepeatingReadKey } from './repeated-keys';
import { TIME_KEYS } from './walk-json';
import { emptySignals, hasCode, type Signals } from './signals';

const BINARY: Outcome = Object.freeze({ kind: 'rejected', reason: 'binary_data' });
const NON_ERROR: Outcome = Object.freeze({ kind: 'non-error', flags: Object.freeze([]) });

/**
 * Classifies one record (a line, or a multi-line record joined with '\n') into exactly one of four
 * outcomes; never throws. classifyRecord('{"error":{"code":"1302","message":"…"}}').kind -> 'catalogued'
 */
export function classifyRecord(text: string, options: ClassifyOptions = NO_OPTIONS): Outcome {
  return classifySafely(text, options, true);
}

/**
 * The same classification without the shortcuts (fast NDJSON path, pre-check). For tests that prove the
 * shortcuts change nothing, and for benchmarks. classifyRecordFull(line) deep-equals classifyRecord(line).
 */
export function classifyRecordFull(text: string, options: ClassifyOptions = NO_OPTIONS): Outcome {
  return classifySafely(text, options, false);
}

function classifySafely(text: string, options: ClassifyOptions, shortcuts: boolean): Outcome {
  try {
    const outcome = classifyUnsafe(String(text), options, shortcuts);
    return options.now === undefined ? outcome : flagFutureErrors(outcome, options.now);
  } catch {
    // Every reader is written not to throw; this is the last line of defence (e.g. a hostile offset function).
    return /^\s*[[{]/.test(String(text)) ? { kind: 'rejected', reason: 'malformed_json' } : NON_ERROR;
  } finally {
    forgetLastText();
  }
}

let lastProvider: number | undefined;
let lastLocal: ClassifyOptions['localOffsetMinutes'];
let lastContexts: readonly [ComposeContext, ComposeContext] | undefined;

/**
 * The context of the options, reused while they hold the same two values. Keyed on the values, not on
 * the options object: the CLI and the page build a fresh `{ localOffsetMinutes }` per record around one
 * long-lived function, and rebuilding the context per record cost ~12% of ingest.
 */
function contextOf(options: ClassifyOptions, shortcuts: boolean): ComposeContext {
  const provider = options.providerOffsetMinutes;
  const local = options.localOffsetMinutes;
  if (lastContexts === undefined || !Object.is(provider, lastProvider) || local !== lastLocal) {
    const base = {
      fallbackText: null,
      providerOffsetMinutes: provider ?? PROVIDER_OFFSET_MINUTES,
      localOffset: local ?? 0,
    };
    lastProvider = provider;
    lastLocal = local;
    lastContexts = [{ ...base, shortcuts: false }, { ...base, shortcuts: true }];
  }
  return lastContexts[shortcuts ? 1 : 0];
}

const NO_OPTIONS: ClassifyOptions = Object.freeze({});

function classifyUnsafe(text: string, options: ClassifyOptions, shortcuts: boolean): Outcome {
  const ctx = contextOf(options, shortcuts);
  // classifyFast answers no line that holds a NUL (binary data): the regex and the scanner refuse control
  // characters, and a known tail comes from a line that had none.
  const fast = shortcuts ? classifyFast(text, ctx) : undefined;
  if (fast !== undefined) return fast;
  if (text.indexOf('\u0000') >= 0) return BINARY;
  const trimmed = text.trim();
  if (looksLikeJson(trimmed)) return shortcuts && isPlainJsonNonError(trimmed) ? NON_ERROR : classifyJson(trimmed, ctx);
  if (shortcuts && !mightBeErrorText(text)) return NON_ERROR;
  const sig = readText(text, { isMessage: false, nesting: 0, shortcuts });
  sig.time ??= leadingStamp(text);
  return compose(sig, { ...ctx, fallbackText: text });
}

/** A record that is meant to be JSON: parsed, else repaired (reprs, smart quotes), else read by regex. */
function classifyJson(trimmed: string, ctx: ComposeContext): Outcome {
  const parsed = parseJson(trimmed);
  if (!parsed.ok && parsed.reason === 'json_too_deep') return { kind: 'rejected', reason: 'json_too_deep' };
  if (parsed.ok) {
    if (Array.isArray(parsed.value)) return classifyArray(parsed.value, trimmed, ctx);
    const sig = readJsonRecord(parsed.value, trimmed, { nesting: 0, shortcuts: ctx.shortcuts });
    // readJsonRecord looks for repeated keys when the fields found an error; one found by its wording alone is looked at here.
    const wasChecked = hasErrorFields(sig);
    const outcome = compose(sig, ctx);
    if (wasChecked || (outcome.kind !== 'catalogued' && outcome.kind !== 'uncatalogued')) return outcome;
    return valuesRepeatingReadKey(trimmed).length > 0 ? withFlag(outcome, 'duplicate_key_last_wins') : outcome;
  }
  const concatenated = parsed.reason === 'malformed_json' ? concatenatedValues(trimmed) : null;
  if (concatenated !== null) return classifyArray(concatenated.value, concatenated.json, ctx);
  const repairedText = /['“‘]/.test(trimmed) ? repairQuotes(trimmed) : null;
  const repaired = repairedText === null ? parsed : parseJson(repairedText);
  const sig: Signals = repaired.ok && repairedText !== null ? readJsonRecord(repaired.value, repairedText, { nesting: 0, shortcuts: ctx.shortcuts }) : emptySignals();
  if (!hasCode(sig)) mergeRegexReading(sig, trimmed, ctx.shortcuts);
  sig.time ??= writtenTime(trimmed);
  const outcome = compose(sig, { ...ctx, fallbackText: trimmed });
  if (outcome.kind === 'non-error') return { kind: 'rejected', reason: 'malformed_json' };
  return outcome.kind === 'rejected' ? outcome : withFlag(outcome, 'read_from_malformed_json');
}

/** A time field of the root, as the JSON reader takes it (`"ts": "…"` or epoch digits), found in text that is not JSON. */
const WRITTEN_TIME = new RegExp(`^\\s*\\{\\s*["']?(?:${TIME_KEYS.join('|')})["']?\\s*:\\s*(?:["']([^"'\\\\]{1,64})["']|(\\d{9,19}(?:\\.\\d+)?)\\b)`);

function writtenTime(text: string): string | null {
  const m = WRITTEN_TIME.exec(text);
  return m === null ? null : (m[1] ?? m[2] ?? null);
}

function mergeRegexReading(sig: Signals, text: string, shortcuts: boolean): void {
  const fromText = readText(text, { isMessage: false, nesting: 1, shortcuts });
  if (hasCode(fromText) || !hasCode(sig)) Object.assign(sig, { ...fromText, time: sig.time ?? fromText.time, evidence: sig.evidence || fromText.evidence });
}

/**
 * B9: values written side by side on one line are read as the items of an array (each error an event), when each
 * is JSON: `{"a":1}{"b":2}` is two valid values, not a broken one.
 */
function concatenatedValues(trimmed: string): { value: unknown[]; json: string } | null {
  const parts = splitConcatenatedJson(trimmed);
  if (parts === null) return null;
  // An array beside an object gives its items, as an array line does: `[E,E]E` is three events, not two.
  const items = parts.map((part) => (part.charCodeAt(0) === 91 ? part.slice(1, -1).trim() : part)).filter((part) => part !== '');
  const json = `[${items.join(',')}]`;
  const parsed = parseJson(json);
  return parsed.ok && Array.isArray(parsed.value) ? { value: parsed.value, json } : null;
}

const SEVERITY = { catalogued: 3, uncatalogued: 2, 'non-error': 1, rejected: 0 } as const;

/**
 * B8: a JSON array is several events on one line. The line takes the most severe outcome (the first of them);
 * the array's other errors come with it (`also`), each an event of its own. Every item is read: the line cap
 * bounds the work (a 4 MiB line of 60,000 errors takes about a third of a second), and an error past any count
 * of items would be lost without a word.
 */
function classifyArray(parsed: readonly unknown[], json: string, ctx: ComposeContext): Outcome {
  const { items, readings } = readItems(parsed, json, ctx);
  let worst: Outcome = NON_ERROR;
  const errors: ErrorOutcome[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    const outcome = compose(readings[i] as Signals, { ...ctx, fallbackText: typeof item === 'string' ? item : null });
    if (SEVERITY[outcome.kind] > SEVERITY[worst.kind]) worst = outcome;
    if (outcome.kind === 'catalogued' || outcome.kind === 'uncatalogued') errors.push(outcome);
  }
  if (worst.kind !== 'catalogued' && worst.kind !== 'uncatalogued') return worst;
  const primary = worst;
  const also = errors.filter((outcome) => outcome !== primary);
  return also.length === 0 ? primary : { ...primary, also };
}

/**
 * The signals of each item of an array line, as readJsonRecord gives an object's: the items are read again
 * when one holds an inexact id or code (B5), and an item that repeats a key read is marked (B6), the others not.
 */
function readItems(parsed: readonly unknown[], json: string, ctx: ComposeContext): { items: readonly unknown[]; readings: Signals[] } {
  let items = parsed;
  let readings = items.map((item) => readItem(item, ctx));
  if (readings.some((sig) => sig.inexactNumber)) {
    const exact = exactJsonValue(json);
    if (Array.isArray(exact)) {
      items = exact;
      readings = items.map((item) => readItem(item, ctx));
    }
  }
  if (readings.some(hasErrorFields)) {
    for (const at of valuesRepeatingReadKey(json)) if (at < readings.length) (readings[at] as Signals).repeatedKey = true;
  }
  return { items, readings };
}

function readItem(item: unknown, ctx: ComposeContext): Signals {
  const sig = emptySignals();
  readJsonValue(item, sig, { nesting: 1, shortcuts: ctx.shortcuts });
  return sig;
}
