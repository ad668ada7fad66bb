import type { HttpHint } from './http-status';

/** Where the code of a record was read. */
export type CodeSource = 'field' | 'type' | 'bracket' | 'regex' | 'finish' | 'text';

/** Everything the readers found in one record, before the outcome is decided. Mutable while reading. */
export interface Signals {
  code: string | null;
  codeSource: CodeSource | null;
  coerced: boolean;
  /** A code field holding disguised digits (fullwidth, zero-width): an error that must not be catalogued. */
  evasive: boolean;
  /** A code that is not a Z.ai code (`model_not_found`, `１３０８`), kept for display. */
  rawCode: string | null;
  http: HttpHint | null;
  message: string | null;
  requestId: string | null;
  /** A JSON time field (`timestamp`, `ts`, `created`...) or the leading stamp of a text line. */
  time: string | number | null;
  /** The record is clearly an error: an error object, `type: "error"`, an API-error transcript record... */
  evidence: boolean;
  lookalike: boolean;
  finishReason: string | null;
  /** B6: an object read repeats a key read (`code`, `message`, `status`); JSON.parse kept the last value. */
  repeatedKey: boolean;
  /**
   * B5: an id or code was a number a double cannot hold as written (beyond 2^53, `1e309`): the reader of
   * the JSON text reads it again with such numbers as strings (readJsonRecord).
   */
  inexactNumber: boolean;
}

/** emptySignals() -> a Signals with nothing found */
export function emptySignals(): Signals {
  return {
    code: null,
    codeSource: null,
    coerced: false,
    evasive: false,
    rawCode: null,
    http: null,
    message: null,
    requestId: null,
    time: null,
    evidence: false,
    lookalike: false,
    finishReason: null,
    repeatedKey: false,
    inexactNumber: false,
  };
}

export function hasCode(s: Signals): boolean {
  return s.code !== null || s.evasive;
}

/** Completes `outer` with what an inner reading (a message string, an embedded body) found. */
export function mergeInner(outer: Signals, inner: Signals): void {
  const innerDecides = !hasCode(outer) && hasCode(inner);
  if (innerDecides) {
    outer.code = inner.code;
    outer.codeSource = inner.codeSource;
    outer.coerced = inner.coerced;
    outer.evasive = inner.evasive;
  }
  if (inner.message !== null && (innerDecides || !hasCode(outer) || outer.message === null || inner.codeSource === 'bracket')) {
    outer.message = inner.message;
  }
  outer.rawCode ??= inner.rawCode;
  outer.requestId ??= inner.requestId;
  outer.time ??= inner.time;
  outer.finishReason ??= inner.finishReason;
  if (outer.http === null || (!outer.http.strong && inner.http?.strong === true)) outer.http = inner.http ?? outer.http;
  outer.evidence ||= inner.evidence;
  outer.lookalike ||= inner.lookalike;
  outer.repeatedKey ||= inner.repeatedKey;
  outer.inexactNumber ||= inner.inexactNumber;
}
