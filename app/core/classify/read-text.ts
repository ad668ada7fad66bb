import { quoteInexactNumbers } from './exact-numbers';
import { httpFromText } from './http-status';
import { embeddedSpan, jsonValue, repairQuotes, unescapeQuotes } from './json-text';
import { isObject } from './json-fields';
import { isLookalike } from './lookalikes';
import { mightBeError } from './pre-check';
import { valuesRepeatingReadKey } from './repeated-keys';
import { emptySignals, hasCode, mergeInner, type Signals } from './signals';
import { walkJson } from './walk-json';

/**
 * Reads a record given as text: a log line, a raw HTTP response, an SSE frame, or a message string
 * found inside JSON. Order: embedded JSON body → `[1308][text][id]` brackets → `"code": "1308"` after
 * quote normalisation (escaped JSON, Python reprs, smart quotes). The wording table runs later, in compose.
 */
const MAX_NESTING = 3;
const REGEX_HEAD_CHARS = 65_536;

/** `[1308][text][request id]` (Claude Code ≥ 2026, Anthropic envelope) and Dify's `[1214], [text]`. */
const BRACKETS = /\[(\d{3,4})\]\s*,?\s*\[([^\]\n]{0,2000})\](?:\s*\[([A-Za-z0-9_-]{6,64})\])?/;
/** At the very start of a message field a lone `[1308]` is enough. */
const LEADING_BRACKET = /^\s*\[(\d{4})\]\s*(.*)$/s;
const CODE_FIELD = /"code"\s*:\s*("?)(\d{3,4})(?![\d])("?)/;
const TYPE_FIELD = /"type"\s*:\s*"(\d{4})"/;
const MESSAGE_FIELD = /"(?:message|msg)"\s*:\s*"([^"]{1,2000})"/;
const REQUEST_ID_FIELD = /"request_?id"\s*:\s*"([A-Za-z0-9_-]{6,100})"/i;
const RELAY_REQUEST_ID = /\(request id: ([A-Za-z0-9_-]{6,100})\)/;
const ZAI_MARKERS = /ZaiException|Error from provider \(Z\.ai\)|zhipuai\.\S*Error/;

export interface ReadOptions {
  /** The text is a message field: a leading `[1308]` counts. */
  readonly isMessage: boolean;
  readonly nesting: number;
  /** Skip texts that fail the pre-check (a superset test, so nothing is lost; off only to prove that). */
  readonly shortcuts: boolean;
}

/** readText('API Error: 429 {"error":{"code":"1302",…}}', …) -> code '1302', http 429 (strong) */
export function readText(text: string, { isMessage, nesting, shortcuts }: ReadOptions): Signals {
  const sig = emptySignals();
  sig.lookalike = isLookalike(text);
  // The pre-check finds what can make an error, not a look-alike notice, which unmakes one: read above.
  if (shortcuts && !mightBeError(text)) return sig;
  sig.http = httpFromText(text);
  if (sig.http !== null && sig.http.strong && sig.http.status >= 400) sig.evidence = true;
  if (ZAI_MARKERS.test(text.slice(0, 1000))) sig.evidence = true;
  sig.requestId = RELAY_REQUEST_ID.exec(text)?.[1] ?? null;
  if (nesting < MAX_NESTING) readEmbeddedJson(text, sig, { nesting, shortcuts });
  if (!hasCode(sig)) readBrackets(text, sig, isMessage);
  if (!hasCode(sig)) readCodeByRegex(text, sig);
  return sig;
}

export interface JsonReadOptions {
  readonly nesting: number;
  readonly shortcuts: boolean;
}

/** One reader per (nesting, shortcuts), made once: no closure per record. */
const innerReaders = new Map<number, (text: string) => Signals>();

function innerReader(nesting: number, shortcuts: boolean): (text: string) => Signals {
  const key = nesting * 2 + (shortcuts ? 1 : 0);
  let reader = innerReaders.get(key);
  if (reader === undefined) {
    const options: ReadOptions = { isMessage: true, nesting: nesting + 1, shortcuts };
    reader = (text: string) => readText(text, options);
    innerReaders.set(key, reader);
  }
  return reader;
}

/** readJsonValue(parsed, sig, options): arrays are read element by element (first error wins). */
export function readJsonValue(value: unknown, sig: Signals, { nesting, shortcuts }: JsonReadOptions): void {
  const inner = innerReader(nesting, shortcuts);
  if (isObject(value)) walkJson(value, sig, inner);
  else if (typeof value === 'string' && nesting < MAX_NESTING) mergeInner(sig, inner(value));
  else if (Array.isArray(value)) {
    for (const item of value.slice(0, 16)) {
      const itemSig = emptySignals();
      readJsonValue(item, itemSig, { nesting: nesting + 1, shortcuts });
      mergeInner(sig, itemSig);
      if (hasCode(sig)) return;
    }
  }
}

/**
 * Reads a JSON record, parsed from `json`: again with its ids and codes as written when it holds one a
 * double cannot (B5), and marked when it writes a key read twice in one object (B6). Both are rare: the
 * first is asked of the reading, the second only of a record with an error.
 */
export function readJsonRecord(value: unknown, json: string, options: JsonReadOptions): Signals {
  let sig = emptySignals();
  readJsonValue(value, sig, options);
  if (sig.inexactNumber) {
    sig = readExactly(json, options) ?? sig;
    // Read again, or left without those ids when that failed: either way not for an outer reader to redo.
    sig.inexactNumber = false;
  }
  if (hasErrorFields(sig) && valuesRepeatingReadKey(json).length > 0) sig.repeatedKey = true;
  return sig;
}

/** `json` parsed with its inexact ids and codes as strings (quoteInexactNumbers), or undefined. */
export function exactJsonValue(json: string): unknown {
  return jsonValue(quoteInexactNumbers(json));
}

function readExactly(json: string, options: JsonReadOptions): Signals | null {
  const exact = exactJsonValue(json);
  if (exact === undefined) return null;
  const sig = emptySignals();
  readJsonValue(exact, sig, options);
  return sig;
}

/** The fields of a record found an error (a code, an error object...), before any wording is matched. */
export function hasErrorFields(sig: Signals): boolean {
  return hasCode(sig) || sig.evidence;
}

function readEmbeddedJson(text: string, sig: Signals, options: JsonReadOptions): void {
  const span = embeddedSpan(text);
  if (span === null) return;
  let json = span;
  let value = jsonValue(json);
  if (value === undefined && /['“‘]/.test(span)) {
    json = repairQuotes(span);
    value = jsonValue(json);
  }
  if (value === undefined) return;
  mergeInner(sig, readJsonRecord(value, json, options));
}

function readBrackets(text: string, sig: Signals, isMessage: boolean): void {
  const m = BRACKETS.exec(text);
  if (m !== null && m[1] !== undefined) {
    Object.assign(sig, { code: m[1], codeSource: 'bracket', message: m[2] ?? null });
    sig.requestId = m[3] ?? sig.requestId;
    return;
  }
  const lead = isMessage ? LEADING_BRACKET.exec(text) : null;
  if (lead !== null && lead[1] !== undefined) Object.assign(sig, { code: lead[1], codeSource: 'bracket', message: lead[2] ?? null });
}

/** `"code": "1308"` anywhere, once `\"`, `'` and smart quotes are plain quotes (README extraction step 5). */
function readCodeByRegex(text: string, sig: Signals): void {
  if (!/code/i.test(text)) return;
  const plain = unescapeQuotes(text.length > REGEX_HEAD_CHARS ? text.slice(0, REGEX_HEAD_CHARS) : text);
  const m = CODE_FIELD.exec(plain) ?? TYPE_FIELD.exec(plain);
  if (m === null) return;
  const quoted = m.length > 2 ? m[1] === '"' && m[3] === '"' : true;
  const digits = m.length > 2 ? (m[2] ?? '') : (m[1] ?? '');
  if (digits.length === 3 && !quoted) {
    const status = Number(digits);
    if (status >= 400 && sig.http === null) sig.http = { status, strong: true };
    return;
  }
  if (digits.length === 3 && digits !== '500' && digits !== '401') return;
  Object.assign(sig, { code: digits, codeSource: 'regex', coerced: !quoted, evidence: true });
  sig.message ??= MESSAGE_FIELD.exec(plain)?.[1] ?? null;
  sig.requestId ??= REQUEST_ID_FIELD.exec(plain)?.[1] ?? null;
}
