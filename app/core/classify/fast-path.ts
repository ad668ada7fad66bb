import { readCode } from './code-value';
import { compose, type ComposeContext } from './compose';
import { scanFastLine } from './fast-scan';
import { httpFromText } from './http-status';
import type { Outcome } from './outcome';
import { emptySignals } from './signals';

/**
 * The common case without JSON.parse: a compact NDJSON line whose `error.code` (or top-level `code`) is a
 * Z.ai code and whose message is plain text. It builds the same signals the full walk would and hands
 * them to the same `compose`, so both paths give equal outcomes (a property test checks this). Whenever
 * the line holds anything the walk would read differently, it returns undefined and the full path runs.
 */
export function classifyFast(line: string, ctx: ComposeContext): Outcome | undefined {
  const f = scanFastLine(line);
  if (f === undefined) return undefined;
  const fromError = f.errorSeen;
  const read = readCode(fromError ? f.errorCode : f.rootCode);
  const message = fromError ? f.errorMessage : f.rootMessage;
  if (read.kind !== 'code' || message === null || !isPlainMessage(message)) return undefined;
  const sig = emptySignals();
  sig.code = read.code;
  sig.codeSource = 'field';
  sig.coerced = read.coerced;
  sig.message = message;
  sig.requestId = f.requestId;
  sig.time = f.time;
  sig.evidence = fromError || (f.status !== null && f.status >= 400);
  sig.http = f.status !== null ? { status: f.status, strong: true } : httpFromText(message);
  return compose(sig, ctx);
}

/** Nothing the text readers would act on: no bracketed code, no embedded JSON, no relay request id. */
function isPlainMessage(message: string): boolean {
  return message.indexOf('[') < 0 && message.indexOf('{') < 0 && message.indexOf('(request id') < 0;
}
