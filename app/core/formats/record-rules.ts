/**
 * Line shapes that decide how lines group into records. Each test looks at one line only, so grouping
 * depends on the sequence of lines, never on how the input was chunked.
 */

/** `HTTP/1.1 429 Too Many Requests`, `HTTP/2 429`, also as curl -i prints it. */
const HTTP_STATUS = /^HTTP\/\d(?:\.\d)? \d{3}(?:\s|$)/;
/** `:status: 429`: an HTTP/2 response as devtools and nghttp print it, its pseudo-header first. */
const HTTP2_STATUS = /^:status:? ?\d{3}\s*$/;
/** `Content-Type: application/json`, `:status: 429` (HTTP/2 pseudo header). */
const HTTP_HEADER = /^(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+|:[a-z]+):/;
const HEX_CHUNK_SIZE = /^[0-9a-fA-F]{1,8}(?:;.*)?$/;
const SSE_FIELD = /^(?:data|id|retry|event)(?::|$)/;
/** JS `    at fn (file:1:2)`, Java `\t... 3 more`, `Caused by: ...`. */
const STACK_CONTINUATION = /^(?:[ \t]+(?:at |\.\.\. \d+ more)|Caused by: )/;

export function isHttpStatusLine(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c === 72 && HTTP_STATUS.test(text)) || (c === 58 && HTTP2_STATUS.test(text));
}

export function isHttpHeaderLine(text: string): boolean {
  return HTTP_HEADER.test(text);
}

export function isChunkSizeLine(text: string): boolean {
  return HEX_CHUNK_SIZE.test(text);
}

export function isSseEventStart(text: string): boolean {
  return text.charCodeAt(0) === 101 && text.startsWith('event:');
}

export function isSseField(text: string): boolean {
  return text.charCodeAt(0) === 58 || SSE_FIELD.test(text);
}

export function isTracebackStart(text: string): boolean {
  return text.charCodeAt(0) === 84 && text.startsWith('Traceback (most recent call last)');
}

/**
 * `2026-09-30T06:44:00Z Traceback (most recent call last):`: a traceback's first line after a log stamp (the ISO
 * prefix docker, kubectl `--timestamps` or journald add), the stamp as event-time.ts reads one at a line's start,
 * unbracketed, and nothing else on the line. Two comparisons of its last characters rule out nearly every line.
 */
const STAMPED_TRACEBACK = /^\d{4}[-/]\d{2}[-/]\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?: ?(?:[Zz]|[+-]\d{2}(?::?\d{2})?))? +Traceback \(most recent call last\):$/;

export function isStampedTracebackStart(text: string): boolean {
  const c = text.charCodeAt(0);
  const n = text.length;
  return c >= 48 && c <= 57 && text.charCodeAt(n - 1) === 58 && text.charCodeAt(n - 2) === 41 && STAMPED_TRACEBACK.test(text);
}

export function isStackContinuation(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c === 32 || c === 9 || c === 67) && STACK_CONTINUATION.test(text);
}

export function isBlank(text: string): boolean {
  return text.length === 0 || text.trim().length === 0;
}

export function isIndented(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 32 || c === 9;
}

/** A line that can continue a pretty-printed JSON value: indented, or closing it, or a string. */
export function isJsonContinuation(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 32 || c === 9 || c === 125 || c === 93 || c === 34 || c === 44;
}

/**
 * A line as a JSON pretty-printer writes one (JSON.stringify, json.dumps, MarshalIndent): an optional key, then
 * an opening bracket, a closing one, or a scalar, and a comma. Only such lines may take a JSON record past the
 * usual line cap: a stray `{` followed by an indented stack trace or log stops there.
 */
const PRETTY_JSON_LINE = /^(?:"(?:[^"\\]|\\.)*"\s*:\s*)?(?:[[{]|[\]}]|"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|\{\}|\[\])?,?$/;

/** Matched trimmed, so no run of blanks is tried at both ends (linear time on any line). */
export function isPrettyJsonLine(text: string): boolean {
  return text.length <= 4096 && PRETTY_JSON_LINE.test(text.trim());
}

/**
 * A line that is a whole JSON object on its own (`  {"error":{"code":"1302"}},`): a pretty-printer never writes
 * one, so it is a record of its own, not the continuation of an open `{` before it. Only a line that starts with
 * `{` and ends with `}` (or `},`) is parsed, and none is trimmed into a copy first: this runs on every line of an
 * open JSON record.
 */
export function isWholeJsonObjectLine(text: string): boolean {
  let start = 0;
  while (isBlankCode(text.charCodeAt(start))) start += 1;
  if (text.charCodeAt(start) !== 123) return false;
  let end = text.length;
  while (end > start && isBlankCode(text.charCodeAt(end - 1))) end -= 1;
  if (text.charCodeAt(end - 1) === 44) {
    end -= 1;
    while (end > start && isBlankCode(text.charCodeAt(end - 1))) end -= 1;
  }
  if (end - start < 3 || text.charCodeAt(end - 1) !== 125) return false;
  try {
    const value: unknown = JSON.parse(text.slice(start, end));
    return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
  } catch {
    return false;
  }
}

const isBlankCode = (c: number): boolean => c === 32 || c === 9;

/** Last character that is not white space, or -1. */
function lastCode(text: string): number {
  let at = text.length - 1;
  while (at >= 0 && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at -= 1;
  return at < 0 ? -1 : text.charCodeAt(at);
}

/** True for a line that ends by opening an object or array: `{`, `Error code: 429 - {`. */
export function endsWithOpener(text: string): boolean {
  const c = lastCode(text);
  return c === 123 || c === 91;
}

/** Nesting state of a JSON text read line by line (strings and escapes respected). */
export interface JsonDepth {
  depth: number;
  inString: boolean;
  escaped: boolean;
}

/**
 * Continues the nesting count over one line. Example: after `{"a": [` the depth is 2; after `]}` it is 0.
 * Strict (continuation lines): stops as soon as the value closes. Lenient (the record's first line, which may
 * carry a prefix such as `[12:00] ERROR body: {`): closers with nothing open are ignored.
 */
export function scanJsonDepth(state: JsonDepth, text: string, lenient = false): void {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (state.inString) {
      if (state.escaped) state.escaped = false;
      else if (c === 92) state.escaped = true;
      else if (c === 34) state.inString = false;
    } else if (c === 34) state.inString = true;
    else if (c === 123 || c === 91) state.depth += 1;
    else if (c === 125 || c === 93) {
      if (state.depth > 0) state.depth -= 1;
      if (state.depth === 0 && !lenient) return;
    }
  }
}
