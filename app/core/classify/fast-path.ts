import { readCode } from './code-value';
import { compose, type ComposeContext } from './compose';
import { scanFastLine, type FastFields } from './fast-scan';
import { httpFromText } from './http-status';
import type { Outcome } from './outcome';
import { emptySignals } from './signals';

/**
 * The common case without JSON.parse: a compact NDJSON line whose `error.code` (or top-level `code`) is a
 * Z.ai code and whose message is plain text. Tier 1 is one anchored regex for the usual layout (irregexp
 * runs it in ~80 ns); tier 2 is a key-by-key scanner for other layouts. Both build the signals the full
 * walk would build and hand them to the same `compose`, so the paths agree (a property test checks
 * this); whenever a line holds anything the walk would read differently they return undefined.
 */
const CANONICAL =
  // eslint-disable-next-line no-control-regex -- raw control characters make a line invalid JSON: not fast
  /^\{(?:"(timestamp|ts|time)":(?:"([^"\\\u0000-\u001f]*)"|([1-9]\d{9,12})),)?(?:"status":([1-5]\d\d),)?"error":\{"code":(?:"(\d{3,4})"|([1-9]\d{2,3})),"message":"([^"\\\u0000-\u001f[{]+)"(?:,"type":"[a-z_]*")?\}(?:,"request_id":"([A-Za-z0-9_-]+)")?\}$/;

export function classifyFast(line: string, ctx: ComposeContext): Outcome | undefined {
  if (line.charCodeAt(0) !== 123) return undefined;
  const m = CANONICAL.exec(line);
  if (m !== null) return fromCanonical(m, ctx);
  // The scanner reads codes only from a literal "code" key (it refuses escapes): no key, no fast answer.
  if (line.indexOf('"code"') < 0) return undefined;
  const f = scanFastLine(line);
  return f === undefined ? undefined : fromScan(f, ctx);
}

function fromCanonical(m: RegExpExecArray, ctx: ComposeContext): Outcome | undefined {
  const message = m[7] ?? '';
  const read = readCode(m[5] ?? Number(m[6]));
  if (read.kind !== 'code' || message.indexOf('(request id') >= 0) return undefined;
  const status = m[4] === undefined ? null : Number(m[4]);
  const time = m[2] ?? (m[3] === undefined ? null : Number(m[3]));
  return build({ code: read.code, coerced: read.coerced, message, status, time, requestId: m[8] ?? null, fromError: true }, ctx);
}

function fromScan(f: FastFields, ctx: ComposeContext): Outcome | undefined {
  const read = readCode(f.errorSeen ? f.errorCode : f.rootCode);
  const message = f.errorSeen ? f.errorMessage : f.rootMessage;
  if (read.kind !== 'code' || message === null || !isPlainMessage(message)) return undefined;
  return build({ code: read.code, coerced: read.coerced, message, status: f.status, time: f.time, requestId: f.requestId, fromError: f.errorSeen }, ctx);
}

interface FastRecord {
  readonly code: string;
  readonly coerced: boolean;
  readonly message: string;
  readonly status: number | null;
  readonly time: string | number | null;
  readonly requestId: string | null;
  readonly fromError: boolean;
}

function build(r: FastRecord, ctx: ComposeContext): Outcome {
  const sig = emptySignals();
  sig.code = r.code;
  sig.codeSource = 'field';
  sig.coerced = r.coerced;
  sig.message = r.message;
  sig.requestId = r.requestId;
  sig.time = r.time;
  sig.evidence = r.fromError || (r.status !== null && r.status >= 400);
  sig.http = r.status !== null ? { status: r.status, strong: true } : httpFromText(r.message);
  return compose(sig, ctx);
}

/** Nothing the text readers would act on: no bracketed code, no embedded JSON, no relay request id. */
function isPlainMessage(message: string): boolean {
  return message.indexOf('[') < 0 && message.indexOf('{') < 0 && message.indexOf('(request id') < 0;
}
