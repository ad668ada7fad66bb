/**
 * A scanner for the common NDJSON error line, e.g.
 * `{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"High concurrency…"}}`,
 * that reads its fields with indexOf instead of JSON.parse. It accepts a strict subset of JSON (no
 * escapes, scalar values, one nested `error` object, no key it reads written twice) and returns undefined
 * for anything else, which then takes the full path. A raw control character anywhere sends the line to the
 * full path too: inside a string it makes the line invalid JSON, which the full path reads as text (a time
 * there is not read).
 */
export interface FastFields {
  time: string | number | null;
  timeRank: number;
  status: number | null;
  statusRank: number;
  requestId: string | null;
  requestIdRank: number;
  rootCode: string | number | null;
  rootMessage: string | null;
  errorSeen: boolean;
  errorCode: string | number | null;
  errorMessage: string | null;
}

/** Keys the full walk reads in shapes this scanner does not handle: their presence means "not fast". */
const WALK_KEYS = new Set([
  'type', 'subtype', 'event', 'isApiErrorMessage', 'status_code', 'http_status', 'httpStatus', 'apiErrorStatus', 'requestID', 'req_id',
  'finish_reason', 'msg', 'error_msg', 'errorMessage', 'error_message', 'formatted', 'detail', 'body', 'error_text', 'text',
  'data', 'response', 'details', 'cause', 'upstream', 'originalError', 'innerError', 'lastError', 'payload', 'result', 'choices',
  'error_info', 'errors', '@timestamp', 'datetime', 'error',
]);
const NOT_SET = 99;

/** Known keys, numbered; time keys 0–4 in the full walk's order (timestamp before ts before time...). */
const KEYS = ['timestamp', 'ts', 'time', 'created_at', 'created', 'status', 'statusCode', 'request_id', 'requestId', 'code', 'message', 'error', 'type', 'param'] as const;
const K = { status: 5, statusCode: 6, requestIdSnake: 7, requestIdCamel: 8, code: 9, message: 10, error: 11, type: 12, param: 13, other: -1, walk: -2 } as const;
const KEYS_BY_LENGTH: ReadonlyMap<number, readonly number[]> = (() => {
  const map = new Map<number, number[]>();
  KEYS.forEach((key, id) => map.set(key.length, [...(map.get(key.length) ?? []), id]));
  return map;
})();

/** The id of the key in line[start, start + length) without slicing it; K.walk / K.other for the rest. */
function keyId(line: string, start: number, length: number): number {
  for (const id of KEYS_BY_LENGTH.get(length) ?? []) if (line.startsWith(KEYS[id] ?? '', start)) return id;
  return WALK_KEYS.has(line.slice(start, start + length)) ? K.walk : K.other;
}

// eslint-disable-next-line no-control-regex -- the point is to find raw control characters
const CONTROL = /[\u0000-\u001f]/;

/** The value just read; module state instead of a result object, to keep the hot loop allocation-free. */
let value: string | number | boolean | null = null;

/** scanFastLine('{"error":{"code":"1302","message":"x"}}') -> { errorCode: '1302', errorMessage: 'x', ... } */
export function scanFastLine(line: string): FastFields | undefined {
  const n = line.length;
  if (n < 12 || line.charCodeAt(0) !== 123 || line.charCodeAt(1) !== 34 || line.charCodeAt(n - 1) !== 125 || line.indexOf('\\') >= 0 || CONTROL.test(line)) return undefined;
  const f: FastFields = {
    time: null, timeRank: NOT_SET, status: null, statusRank: NOT_SET, requestId: null, requestIdRank: NOT_SET,
    rootCode: null, rootMessage: null, errorSeen: false, errorCode: null, errorMessage: null,
  };
  let i = 1;
  let inError = false;
  for (;;) {
    while (line.charCodeAt(i) === 32) i++;
    if (line.charCodeAt(i) !== 34) return undefined;
    const keyEnd = line.indexOf('"', i + 1);
    if (keyEnd < 0) return undefined;
    const key = keyId(line, i + 1, keyEnd - i - 1);
    i = keyEnd + 1;
    while (line.charCodeAt(i) === 32) i++;
    if (line.charCodeAt(i) !== 58) return undefined;
    i++;
    while (line.charCodeAt(i) === 32) i++;
    if (line.charCodeAt(i) === 123) {
      if (inError || key !== K.error || f.errorSeen) return undefined;
      f.errorSeen = inError = true;
      i++;
      continue;
    }
    i = readValue(line, i);
    if (i < 0 || !(inError ? assignError(f, key) : assignRoot(f, key))) return undefined;
    while (line.charCodeAt(i) === 32) i++;
    let c = line.charCodeAt(i);
    if (c === 44) { i++; continue; }
    if (c !== 125) return undefined;
    if (inError) {
      inError = false;
      i++;
      while (line.charCodeAt(i) === 32) i++;
      c = line.charCodeAt(i);
      if (c === 44) { i++; continue; }
      if (c !== 125) return undefined;
    }
    return i === n - 1 ? f : undefined;
  }
}

/** Reads a string, a plain integer, true, false or null at i into `value`; returns the next index or -1. */
function readValue(line: string, i: number): number {
  const c = line.charCodeAt(i);
  if (c === 34) {
    const end = line.indexOf('"', i + 1);
    value = line.slice(i + 1, end);
    return end < 0 ? -1 : end + 1;
  }
  if (c >= 48 && c <= 57) {
    let j = i;
    let d = c;
    while (d >= 48 && d <= 57) d = line.charCodeAt(++j);
    if ((c === 48 && j - i > 1) || j - i > 15) return -1;
    value = Number(line.slice(i, j));
    return j;
  }
  if (line.startsWith('null', i)) return ((value = null), i + 4);
  if (line.startsWith('true', i)) return ((value = true), i + 4);
  if (line.startsWith('false', i)) return ((value = false), i + 5);
  return -1;
}

function assignRoot(f: FastFields, key: number): boolean {
  if (key >= 0 && key <= 4) {
    if (typeof value !== 'string' && typeof value !== 'number') return false;
    if (key <= f.timeRank) {
      f.time = value;
      f.timeRank = key;
    }
    return true;
  }
  switch (key) {
    case K.status:
    case K.statusCode:
      // A key written twice goes to the full path, which flags it (B6).
      if (typeof value !== 'number' || value < 100 || value > 599 || key === f.statusRank) return false;
      if (key <= f.statusRank) {
        f.status = value;
        f.statusRank = key;
      }
      return true;
    case K.requestIdSnake:
    case K.requestIdCamel:
      if (typeof value !== 'string' || value === '') return false;
      if (key <= f.requestIdRank) {
        f.requestId = value;
        f.requestIdRank = key;
      }
      return true;
    case K.code:
      if ((typeof value !== 'string' && typeof value !== 'number') || f.rootCode !== null) return false;
      f.rootCode = value;
      return true;
    case K.message:
      if (typeof value !== 'string' || value === '' || f.rootMessage !== null) return false;
      f.rootMessage = value;
      return true;
    default:
      return key === K.other || key === K.param;
  }
}

function assignError(f: FastFields, key: number): boolean {
  switch (key) {
    case K.code:
      if ((typeof value !== 'string' && typeof value !== 'number') || f.errorCode !== null) return false;
      f.errorCode = value;
      return true;
    case K.message:
      if (typeof value !== 'string' || value === '' || f.errorMessage !== null) return false;
      f.errorMessage = value;
      return true;
    case K.type:
    case K.param:
      return typeof value === 'string';
    default:
      return key === K.other;
  }
}
