import { mightBeError } from './pre-check';

/**
 * The common JSON info line (`{"ts":"…","level":"info","msg":"request completed","status":200}`) as a
 * non-error without JSON.parse and the walk. True only when the full path would answer non-error:
 * - the line is a flat JSON object that JSON.parse accepts (validated here: strings without escapes or
 *   control characters, JSON numbers, true/false/null; anything nested or unusual returns false);
 * - no key the walk reads as error evidence or as a code (DANGER_KEYS);
 * - every status key holds a number that is not 400–599 (a status < 400 is no error on its own);
 * - no string value passes the text pre-check (mightBeError; values are exactly the substrings between
 *   the quotes, as there are no escapes), and none opens with a status (`"429 …"`, the anchored case).
 * Then the walk finds no code, no evidence, no strong status >= 400, and the wording table (run on the
 * message, a value) finds nothing: compose answers non-error.
 */
const DANGER_KEYS = ['code', 'type', 'subtype', 'event', 'isApiErrorMessage', 'finish_reason', 'error', 'errors'];
const STATUS_KEYS = ['status', 'statusCode', 'status_code', 'http_status', 'httpStatus', 'apiErrorStatus'];
const NONE = 0;
const DANGER = 1;
const STATUS = 2;
/** Keys by length, so a key is compared in place (startsWith) and never sliced. */
const KEYS_BY_LENGTH: ReadonlyMap<number, readonly (readonly [string, number])[]> = (() => {
  const map = new Map<number, (readonly [string, number])[]>();
  for (const [keys, kind] of [[DANGER_KEYS, DANGER], [STATUS_KEYS, STATUS]] as const) {
    for (const key of keys) map.set(key.length, [...(map.get(key.length) ?? []), [key, kind] as const]);
  }
  return map;
})();
const LEADING_STATUS = /\s*[1-5]\d\d\s/y;

/** isPlainJsonNonError('{"level":"info","msg":"ok","status":200}') -> true */
export function isPlainJsonNonError(text: string): boolean {
  if (text.charCodeAt(0) !== 123 || text.indexOf('\\') >= 0) return false;
  let values = '';
  let at = skipSpace(text, 1);
  if (text.charCodeAt(at) === 125) return skipSpace(text, at + 1) === text.length;
  for (;;) {
    const keyEnd = stringEnd(text, at);
    if (keyEnd < 0) return false;
    const kind = kindOfKey(text, at + 1, keyEnd - at - 1);
    if (kind === DANGER) return false;
    at = skipSpace(text, keyEnd + 1);
    if (text.charCodeAt(at) !== 58) return false;
    at = skipSpace(text, at + 1);
    const c = text.charCodeAt(at);
    let end: number;
    if (c === 34) {
      end = stringEnd(text, at);
      if (end < 0 || kind === STATUS || opensWithStatus(text, at + 1)) return false;
      values += `${text.slice(at + 1, end)}\n`;
      end += 1;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      end = numberEnd(text, at);
      if (end < 0 || (kind === STATUS && isErrorStatus(Number(text.slice(at, end))))) return false;
    } else {
      end = literalEnd(text, at);
      if (end < 0) return false;
    }
    at = skipSpace(text, end);
    const sep = text.charCodeAt(at);
    if (sep === 125) return skipSpace(text, at + 1) === text.length && !mightBeError(values);
    if (sep !== 44) return false;
    at = skipSpace(text, at + 1);
  }
}

function kindOfKey(text: string, start: number, length: number): number {
  for (const [key, kind] of KEYS_BY_LENGTH.get(length) ?? []) if (text.startsWith(key, start)) return kind;
  return NONE;
}

/** End of the JSON number at `at` (-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?), or -1. */
function numberEnd(text: string, at: number): number {
  let i = text.charCodeAt(at) === 45 ? at + 1 : at;
  if (text.charCodeAt(i) === 48) i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else return -1;
  if (text.charCodeAt(i) === 46) {
    if (!isDigit(text.charCodeAt(++i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    const sign = text.charCodeAt(++i);
    if (sign === 43 || sign === 45) i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

function literalEnd(text: string, at: number): number {
  for (const literal of ['true', 'false', 'null']) if (text.startsWith(literal, at)) return at + literal.length;
  return -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Index of the closing quote of the string opening at `at`, or -1 (not a plain string). */
function stringEnd(text: string, at: number): number {
  if (text.charCodeAt(at) !== 34) return -1;
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i;
    if (c < 32) return -1;
  }
  return -1;
}

function skipSpace(text: string, at: number): number {
  let i = at;
  for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  return i;
}

/** `"429 Too Many"`: read as text, a value opening with a status is a weak HTTP hint; not decided here. */
function opensWithStatus(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c > 32 && c < 128 && (c < 49 || c > 53)) return false; // neither whitespace nor 1–5: no match here
  LEADING_STATUS.lastIndex = at;
  return LEADING_STATUS.test(text);
}

/** ownStatus reads an integer 100–599; one of 400–599 is error evidence. */
function isErrorStatus(n: number): boolean {
  return Number.isInteger(n) && n >= 400 && n <= 599;
}
