import { TEMPLATES, type CompiledTemplate } from './templates';
import { COMMON_IDEOGRAPHS } from './wording-gate';

/**
 * A cheap necessary condition for a text record to be an error, so ordinary log lines skip the readers.
 * Each reader needs something this test looks for: a JSON body (`{`), a bracketed code, a quoted `code`
 * or `type` key, an explicit HTTP status pattern, a Z.ai exception name, or a word of some catalog
 * wording (one trigger per wording, generated from the catalog so the two never drift apart). The text
 * is lowercased once and the words are grouped by first letter, which irregexp scans faster than a flat
 * case-insensitive alternation.
 */
const STRUCTURAL = [
  '\\[\\d{3,4}\\]',
  '(?:code|type)[\'"“”’\\\\]',
  'http/',
  ':status',
  'api error',
  'request rejected',
  'error code',
  'upstream_status',
  'status',
  'request id',
  '^\\s*[1-5]\\d\\d\\s',
  'bad request', 'unauthorized', 'payment required', 'forbidden', 'not found', 'too many requests',
  'internal server error', 'bad gateway', 'service unavailable', 'gateway timeout', 'overloaded',
  'zai', 'zhipu',
];

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff]/;
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
  return wide.find((c) => !COMMON_IDEOGRAPHS.includes(c)) ?? wide[0] ?? escape(t.segments[0] ?? '');
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** ['api', 'account'] -> 'a(?:pi|ccount)'; patterns that are already regex source stay as they are. */
function groupByFirstLetter(words: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const w of words) groups.set(w.charAt(0), [...(groups.get(w.charAt(0)) ?? []), w.slice(1)]);
  return [...groups].map(([first, rests]) => `${first}(?:${rests.join('|')})`);
}

function buildPattern(): RegExp {
  const triggers = [...new Set(TEMPLATES.map(triggerOf))];
  const words = triggers.filter((t) => /^[a-z]+$/.test(t));
  const wide = triggers.filter((t) => WIDE.test(t) && t.length === 1);
  const other = triggers.filter((t) => !words.includes(t) && !wide.includes(t));
  const parts = [...STRUCTURAL, ...groupByFirstLetter(words), ...other];
  if (wide.length > 0) parts.push(`[${wide.join('')}]`);
  return new RegExp(parts.join('|'));
}

const MAYBE_ERROR = buildPattern();

let lastText: string | null = null;
let lastAnswer = false;

/**
 * mightBeError('2026-11-27 10:00:00 INFO server started') -> false; mightBeError('401 Authentication Failed') -> true.
 * A pure function of the text; the last answer is kept because one record asks up to three times
 * (classify, readText, compose).
 */
export function mightBeError(text: string): boolean {
  if (text === lastText) return lastAnswer;
  const answer = text.indexOf('{') >= 0 || MAYBE_ERROR.test(text.toLowerCase());
  lastText = text;
  lastAnswer = answer;
  return answer;
}

/** Drops the kept text (a slice that would keep its chunk of the log alive); classifyRecord calls it when done. */
export function forgetLastText(): void {
  lastText = null;
}

/**
 * Text a brace can turn into an error without any trigger word: escapes (`\u0063ode`), the one quote
 * repairQuotes maps that STRUCTURAL lacks (‘), `finish_reason: sensitive` (code 1301, no wording), and a
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
  if (text.indexOf('{') < 0) return mightBeError(text);
  return BRACE_RISKS.test(text) || MAYBE_ERROR.test(text.toLowerCase());
}
