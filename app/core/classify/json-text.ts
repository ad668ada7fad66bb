/**
 * Finding and parsing the JSON of a record without trusting it: `JSON.parse` in a try (V8's parser is not
 * recursive), then an iterative depth check, so 100,000 nested brackets (B2) end as `json_too_deep` and
 * never reach a recursive walk; a repair step for Python reprs and smart quotes is used for reading only.
 */
export const MAX_JSON_DEPTH = 64;

export type JsonParse = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: 'malformed_json' | 'json_too_deep' };

/**
 * Where the string opened by the quote at `at` ends: the index of its closing quote, or text.length when it is
 * cut. Escapes are stepped over, so brackets and quotes inside the string never count as JSON's own.
 */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i;
  }
  return text.length;
}

/** exceedsDepth('[[[1]]]', 2) -> true. Brackets inside strings do not count. */
export function exceedsDepth(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = stringEnd(text, i);
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** parseJson('{"a":1}') -> { ok: true, value: { a: 1 } }; never throws. Depth is checked after parsing. */
export function parseJson(text: string): JsonParse {
  const value = parseOrUndefined(text);
  if (value === undefined) return { ok: false, reason: exceedsDepth(text) ? 'json_too_deep' : 'malformed_json' };
  return isTooDeep(text, value) ? { ok: false, reason: 'json_too_deep' } : { ok: true, value };
}

/**
 * The value of a successful parseJson, else undefined (no JSON value is): for readers that skip text
 * which is not JSON, whatever the reason, without scanning it again for one.
 */
export function jsonValue(text: string): unknown {
  const value = parseOrUndefined(text);
  return value === undefined || isTooDeep(text, value) ? undefined : value;
}

function parseOrUndefined(text: string): unknown {
  if (opensInvalidObject(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Nesting deeper than the cap needs more than 2 × cap characters. */
function isTooDeep(text: string, value: unknown): boolean {
  return text.length > 2 * MAX_JSON_DEPTH && valueExceedsDepth(value, MAX_JSON_DEPTH);
}

/**
 * `{` followed by anything but a key or `}` (a Python repr `{'code': …}`) is never JSON: answered
 * without the exception JSON.parse would throw, which costs more than a parse.
 * opensInvalidObject("{'a': 1}") -> true; opensInvalidObject('{"a": 1}') -> false
 */
export function opensInvalidObject(text: string): boolean {
  let at = 0;
  while (isJsonSpace(text.charCodeAt(at))) at++;
  if (text.charCodeAt(at) !== 123) return false;
  at++;
  while (isJsonSpace(text.charCodeAt(at))) at++;
  const c = text.charCodeAt(at);
  return c !== 34 && c !== 125;
}

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Iterative depth check of a parsed value (no recursion, stops at the first branch deeper than max). */
export function valueExceedsDepth(root: unknown, max: number = MAX_JSON_DEPTH): boolean {
  if (typeof root !== 'object' || root === null) return false;
  const stack: [object, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [object, number];
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Whether a record is meant to be JSON: `{` followed by a key, `}` or the end, or `[` followed by
 * `{`, `[`, `"` or `]`. `[2026-01-01 10:00] INFO` and `{main} started` are text.
 * looksLikeJson('{"error":{') -> true; looksLikeJson('[INFO] ok') -> false
 */
export function looksLikeJson(trimmed: string): boolean {
  const first = trimmed.charCodeAt(0);
  if (first !== 123 && first !== 91) return false;
  let at = 1;
  while (at < trimmed.length && isSpace(trimmed.charCodeAt(at))) at++;
  if (at === trimmed.length) return true;
  const next = trimmed.charAt(at);
  return first === 123 ? '"\'“‘}'.includes(next) : '{["]'.includes(next);
}

/** isSpace(0x3000) -> true: exactly the characters of `\s` (and of `trim`), without a regex per record. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The text from the first `{` to the last `}`, when there is one: `API Error: 429 {...}` -> '{...}'. */
export function embeddedSpan(text: string): string | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  const end = text.lastIndexOf('}');
  return end > start ? text.slice(start, end + 1) : null;
}

/** Python reprs and smart quotes as JSON: `{'code': '1261', 'ok': True}` -> `{"code": "1261", "ok": true}`. */
export function repairQuotes(text: string): string {
  let out = text.replace(/[“”‘’']/g, '"');
  // Most reprs hold none of the three words: a native search is cheaper than a regex pass for each.
  if (out.includes('None')) out = out.replace(/\bNone\b/g, 'null');
  if (out.includes('True')) out = out.replace(/\bTrue\b/g, 'true');
  if (out.includes('False')) out = out.replace(/\bFalse\b/g, 'false');
  return out;
}

/** Escaped JSON inside JSON (`{\"code\":\"1302\"}`) and reprs, with plain double quotes, for the regex readers. */
export function unescapeQuotes(text: string): string {
  return text.replace(/\\+"/g, '"').replace(/[“”‘’']/g, '"');
}

/**
 * B9: JSON values written one after the other on one line, as concatenated JSON (`{"a":1}{"b":2}`, what jq
 * reads as a stream): the text of each, or null when the text is not only objects and arrays side by side
 * (whitespace between them allowed). Strings are skipped whole, so a brace inside one does not count.
 * splitConcatenatedJson('{"a":1} {"b":[2]}') -> ['{"a":1}', '{"b":[2]}']
 */
export function splitConcatenatedJson(text: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (depth === 0) {
      if (c === 123 || c === 91) {
        start = i;
        depth = 1;
      } else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return null;
    } else if (c === 34) {
      i = stringEnd(text, i);
      // A string cut by the end of the line: not whole values.
      if (i === text.length) return null;
    } else if (c === 123 || c === 91) depth++;
    else if ((c === 125 || c === 93) && --depth === 0) parts.push(text.slice(start, i + 1));
  }
  return depth === 0 && parts.length > 1 ? parts : null;
}
