/**
 * A scanner for the common NDJSON error line, e.g.
 * `{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"High concurrency…"}}`,
 * that reads its fields with indexOf instead of JSON.parse. It accepts only a strict subset of JSON
 * (no escapes or control characters, flat values, one nested `error` object) and returns undefined for
 * anything else, which then takes the full path. Every string it accepts is valid JSON.
 */
export interface FastFields {
  time: string | number | null;
  timeKey: number;
  status: number | null;
  statusKey: number;
  requestId: string | null;
  requestIdKey: number;
  rootCode: string | number | null;
  rootMessage: string | null;
  errorSeen: boolean;
  errorCode: string | number | null;
  errorMessage: string | null;
}

/** Root keys the full walk reads; a fast line may carry them only in the forms handled below. */
const TIME_KEYS = ['timestamp', 'ts', 'time', 'created_at', 'created'];
const STATUS_KEYS = ['status', 'statusCode'];
const REQUEST_ID_KEYS = ['request_id', 'requestId'];
/** Keys that matter to the full walk in shapes the scanner does not handle: their presence means "not fast". */
const WALK_KEYS = new Set([
  'type', 'subtype', 'event', 'isApiErrorMessage', 'status_code', 'http_status', 'httpStatus', 'apiErrorStatus', 'requestID', 'req_id',
  'finish_reason', 'msg', 'error_msg', 'errorMessage', 'error_message', 'formatted', 'detail', 'body', 'error_text', 'text',
  'data', 'response', 'details', 'cause', 'upstream', 'originalError', 'innerError', 'lastError', 'payload', 'result', 'choices',
  'error_info', 'errors', '@timestamp', 'datetime',
]);
const ERROR_KEYS_IGNORED = new Set(['type', 'param']);

const NOT_FAST = /[\u0000-\u001f\\]/;
const INTEGER = /^(?:0|[1-9]\d{0,15})$/;

/** scanFastLine('{"error":{"code":"1302","message":"x"}}') -> { errorCode: '1302', errorMessage: 'x', ... } */
export function scanFastLine(line: string): FastFields | undefined {
  const n = line.length;
  if (n < 12 || line.charCodeAt(0) !== 123 || line.charCodeAt(1) !== 34 || line.charCodeAt(n - 1) !== 125 || NOT_FAST.test(line)) return undefined;
  const f: FastFields = {
    time: null, timeKey: 99, status: null, statusKey: 99, requestId: null, requestIdKey: 99,
    rootCode: null, rootMessage: null, errorSeen: false, errorCode: null, errorMessage: null,
  };
  let i = 1;
  let inError = false;
  for (;;) {
    i = skipSpaces(line, i);
    if (line.charCodeAt(i) !== 34) return undefined;
    const keyEnd = line.indexOf('"', i + 1);
    if (keyEnd < 0) return undefined;
    const key = line.slice(i + 1, keyEnd);
    i = skipSpaces(line, keyEnd + 1);
    if (line.charCodeAt(i) !== 58) return undefined;
    i = skipSpaces(line, i + 1);
    const c = line.charCodeAt(i);
    if (c === 123) {
      if (inError || key !== 'error' || f.errorSeen) return undefined;
      f.errorSeen = true;
      inError = true;
      i++;
      continue;
    }
    const value = readValue(line, i);
    if (value === undefined) return undefined;
    i = value.next;
    if (!(inError ? assignError(f, key, value.value) : assignRoot(f, key, value.value))) return undefined;
    i = skipSpaces(line, i);
    let d = line.charCodeAt(i);
    if (d === 44) { i++; continue; }
    if (d !== 125) return undefined;
    if (inError) {
      inError = false;
      i = skipSpaces(line, i + 1);
      d = line.charCodeAt(i);
      if (d === 44) { i++; continue; }
      if (d !== 125) return undefined;
    }
    return i === n - 1 ? f : undefined;
  }
}

function skipSpaces(line: string, i: number): number {
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

type Scalar = string | number | boolean | null;

function readValue(line: string, i: number): { value: Scalar; next: number } | undefined {
  const c = line.charCodeAt(i);
  if (c === 34) {
    const end = line.indexOf('"', i + 1);
    return end < 0 ? undefined : { value: line.slice(i + 1, end), next: end + 1 };
  }
  if (c >= 48 && c <= 57) {
    let j = i;
    while (j < line.length && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
    const digits = line.slice(i, j);
    return INTEGER.test(digits) ? { value: Number(digits), next: j } : undefined;
  }
  if (line.startsWith('null', i)) return { value: null, next: i + 4 };
  if (line.startsWith('true', i)) return { value: true, next: i + 4 };
  if (line.startsWith('false', i)) return { value: false, next: i + 5 };
  return undefined;
}

function assignRoot(f: FastFields, key: string, value: Scalar): boolean {
  const timeKey = TIME_KEYS.indexOf(key);
  if (timeKey >= 0) {
    const usable = typeof value === 'string' || typeof value === 'number';
    if (!usable) return timeKey !== f.timeKey; // a later duplicate that JSON.parse would keep
    if (timeKey <= f.timeKey) Object.assign(f, { time: value, timeKey });
    return true;
  }
  const statusKey = STATUS_KEYS.indexOf(key);
  if (statusKey >= 0) {
    if (typeof value !== 'number' || value < 100 || value > 599) return false;
    if (statusKey <= f.statusKey) Object.assign(f, { status: value, statusKey });
    return true;
  }
  const requestIdKey = REQUEST_ID_KEYS.indexOf(key);
  if (requestIdKey >= 0) {
    if (typeof value !== 'string' || (value === '' && requestIdKey === f.requestIdKey)) return false;
    if (value !== '' && requestIdKey <= f.requestIdKey) Object.assign(f, { requestId: value, requestIdKey });
    return true;
  }
  if (key === 'code') return (f.rootCode = typeof value === 'string' || typeof value === 'number' ? value : null) !== null;
  if (key === 'message') return typeof value === 'string' && (f.rootMessage = value) !== '';
  if (key === 'error') return false;
  return !WALK_KEYS.has(key);
}

function assignError(f: FastFields, key: string, value: Scalar): boolean {
  if (key === 'code') return (f.errorCode = typeof value === 'string' || typeof value === 'number' ? value : null) !== null;
  if (key === 'message') return typeof value === 'string' && (f.errorMessage = value) !== '';
  if (ERROR_KEYS_IGNORED.has(key)) return typeof value === 'string';
  return !WALK_KEYS.has(key) && key !== 'request_id' && key !== 'requestId' && key !== 'status' && key !== 'statusCode' && key !== 'error';
}
