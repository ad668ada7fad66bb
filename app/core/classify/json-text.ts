/**
 * Finding and parsing the JSON of a record without trusting it: `JSON.parse` in a try (V8's parser is not
 * recursive), then an iterative depth check, so 100,000 nested brackets (B2) end as `json_too_deep` and
 * never reach a recursive walk; a repair step for Python reprs and smart quotes is used for reading only.
 */
export const MAX_JSON_DEPTH = 64;

export type JsonParse = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: 'malformed_json' | 'json_too_deep' };

/** exceedsDepth('[[[1]]]', 2) -> true. Brackets inside strings do not count. */
export function exceedsDepth(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** parseJson('{"a":1}') -> { ok: true, value: { a: 1 } }; never throws. Depth is checked after parsing. */
export function parseJson(text: string): JsonParse {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, reason: exceedsDepth(text) ? 'json_too_deep' : 'malformed_json' };
  }
  // Nesting deeper than the cap needs more than 2 × cap characters.
  const tooDeep = text.length > 2 * MAX_JSON_DEPTH && valueExceedsDepth(value, MAX_JSON_DEPTH);
  return tooDeep ? { ok: false, reason: 'json_too_deep' } : { ok: true, value };
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
  const next = /^[{[]\s*(.)?/s.exec(trimmed)?.[1];
  if (next === undefined) return true;
  return first === 123 ? '"\'“‘}'.includes(next) : '{["]'.includes(next);
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
  return text
    .replace(/[“”]/g, '"')
    .replace(/[‘’']/g, '"')
    .replace(/\bNone\b/g, 'null')
    .replace(/\bTrue\b/g, 'true')
    .replace(/\bFalse\b/g, 'false');
}

/** Escaped JSON inside JSON (`{\"code\":\"1302\"}`) and reprs, with plain double quotes, for the regex readers. */
export function unescapeQuotes(text: string): string {
  return text.replace(/\\+"/g, '"').replace(/[“”‘’']/g, '"');
}
