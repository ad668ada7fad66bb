import { isSpace } from './json-text';
import { createLiteralScanner } from './literal-scan';
import { TEMPLATES, type CompiledTemplate } from './templates';
import { COMMON_IDEOGRAPHS } from './wording-gate';

/**
 * A cheap necessary condition for a text record to be an error, so ordinary log lines skip the readers.
 * Each reader needs something this test looks for: a JSON body (`{`), a bracketed code, a quoted `code`
 * or `type` key, an explicit HTTP status pattern, a Z.ai exception name, or a word of some catalog
 * wording (one trigger per wording, generated from the catalog so the two never drift apart). All but
 * the bracketed code and the leading status are literals of the lowercased text, found by one scan of
 * the text (literal-scan.ts).
 */
const STRUCTURAL = [
  'http/',
  ':status',
  'api error',
  'request rejected',
  'error code',
  'upstream_status',
  'status',
  'request id',
  'bad request', 'unauthorized', 'payment required', 'forbidden', 'not found', 'too many requests',
  'internal server error', 'bad gateway', 'service unavailable', 'gateway timeout', 'overloaded',
  'zai', 'zhipu',
];
/** A `code` or `type` key in any quoting a reader accepts (JSON, escaped JSON, reprs, smart quotes). */
const QUOTED_KEYS = ['code', 'type'].flatMap((key) => [...'\'"“”‘’\\'].map((quote) => key + quote));
/** Lowercasing changes neither digits, brackets nor white space: these two run on the text itself. */
const BRACKET_CODE = /\[\d{3,4}\]/;
const LEADING_STATUS = /^\s*[1-5]\d\d\s/;

const WIDE_ALL = /[\u2e80-\u9fff\uf900-\ufaff]/g;

/**
 * The longest ASCII word (≥ 3 letters) of a wording, else one CJK character of it: one that ordinary
 * Chinese log lines rarely use (any character of the wording would do: each must be in the text).
 */
function triggerOf(t: CompiledTemplate): string {
  const words = t.segments.join(' ').match(/[a-z]{3,}/g) ?? [];
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest !== '') return longest;
  const wide = t.segments.join('').match(WIDE_ALL) ?? [];
  return wide.find((c) => !COMMON_IDEOGRAPHS.includes(c)) ?? wide[0] ?? t.segments[0] ?? '';
}

/** Literals of the lowercased text; one contained in another adds nothing and is left out. */
export const TRIGGER_LITERALS: readonly string[] = (() => {
  const all = [...new Set([...STRUCTURAL, ...QUOTED_KEYS, ...TEMPLATES.map(triggerOf)])];
  return all.filter((l) => !all.some((other) => other !== l && l.includes(other)));
})();

const hasLiteral =
  createLiteralScanner(TRIGGER_LITERALS) ??
  ((pattern: RegExp) => (text: string) => pattern.test(text.toLowerCase()))(
    new RegExp(TRIGGER_LITERALS.map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')),
  );

/** hasTrigger('ERROR code: 1308') -> true; everything but the `{` of mightBeError. */
export function hasTrigger(text: string): boolean {
  return hasLiteral(text) || (text.indexOf('[') >= 0 && BRACKET_CODE.test(text)) || (mayOpenWithStatus(text) && LEADING_STATUS.test(text));
}

/** Whether the first character can start LEADING_STATUS: a digit 1–5 or white space. */
function mayOpenWithStatus(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 49 && c <= 53) || isSpace(c);
}

let lastText: string | null = null;
let lastAnswer = false;

/**
 * mightBeError('2026-11-27 10:00:00 INFO server started') -> false; mightBeError('401 Authentication Failed') -> true.
 * A pure function of the text; the last answer is kept because one record asks up to three times
 * (classify, readText, compose).
 */
export function mightBeError(text: string): boolean {
  if (text === lastText) return lastAnswer;
  return remember(text, text.indexOf('{') >= 0 || hasTrigger(text));
}

function remember(text: string, answer: boolean): boolean {
  lastText = text;
  lastAnswer = answer;
  return answer;
}

/** Drops the kept text (a slice that would keep its chunk of the log alive); classifyRecord calls it when done. */
export function forgetLastText(): void {
  lastText = null;
}

/**
 * Text a brace can turn into an error without any trigger word: escapes (`\u0063ode`), the left single
 * quote (‘) that repairQuotes maps, `finish_reason: sensitive` (code 1301, no wording), and a
 * string value opening with a status (`"429 …"`), which the anchored pattern sees only in the value.
 */
const BRACE_RISKS = /[\\‘]|sensitive|["'“”’]\s*[1-5]\d\d\s/i;

/**
 * mightBeError for a whole text record (not JSON): a `{` alone is no reason to read it. Exact because
 * every reader of embedded JSON needs a trigger too: a JSON string without escapes is a substring of
 * the record, so a trigger in a value or key (`code"`, `error`, `status`, a wording word) is a trigger in
 * the record; BRACE_RISKS lists what is not. SSE frames of successful completions stop here.
 * mightBeErrorText('data: {"choices":[{"delta":{"content":"hi"}}]}') -> false
 */
export function mightBeErrorText(text: string): boolean {
  if (text.indexOf('{') >= 0) return hasTrigger(text) || BRACE_RISKS.test(text);
  // Without a brace this is mightBeError's answer too (kept for the readers that ask next).
  return text === lastText ? lastAnswer : remember(text, hasTrigger(text));
}
