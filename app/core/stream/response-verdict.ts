/** What kind of stream a URL is read as. */
export const STREAM_KINDS = ['sse', 'ndjson', 'ws'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

export function isStreamKind(value: unknown): value is StreamKind {
  return typeof value === 'string' && (STREAM_KINDS as readonly string[]).includes(value);
}

/** Media types accepted per kind (WHATWG: SSE needs text/event-stream; NDJSON has no single registered type). */
export const ACCEPTED_CONTENT_TYPES = {
  sse: ['text/event-stream'],
  ndjson: ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/json', 'application/json-seq', 'text/plain'],
  ws: [],
} as const satisfies Record<StreamKind, readonly string[]>;

/** Statuses that end a stream for good, with the text shown (RELIABILITY H4, H5, H7). */
export const FATAL_STATUSES = {
  204: 'the server asked to stop streaming (204 No Content)',
  401: 'not authorised (401): the stream needs credentials the dashboard cannot send',
  403: 'forbidden (403): the server refuses this client',
  404: 'not found (404): check the stream URL',
  410: 'gone (410): the stream no longer exists',
} as const satisfies Record<number, string>;

export type ResponseVerdict =
  | { readonly action: 'accept' }
  | { readonly action: 'retry'; readonly reason: string }
  | { readonly action: 'fatal'; readonly reason: string };

/**
 * The fate of an HTTP response before its body is read. Retried: no response at all (network, CORS,
 * offline), 408, 425, 429 and 5xx. Fatal: the FATAL_STATUSES, other 3xx/4xx, and a 2xx with a content
 * type that is not the expected one (an HTML login page). judgeResponse({ kind: 'sse', status: 200,
 * contentType: 'text/html' }) -> fatal "wrong content type text/html (expected text/event-stream)"
 */
export function judgeResponse(input: { kind: StreamKind; status: number | null; contentType: string | null }): ResponseVerdict {
  const { status } = input;
  if (status === null || status === 0) return { action: 'retry', reason: 'cannot connect (network error, CORS, offline or blocked)' };
  if (Object.hasOwn(FATAL_STATUSES, status)) return { action: 'fatal', reason: FATAL_STATUSES[status as keyof typeof FATAL_STATUSES] };
  if (status === 408 || status === 425 || status === 429) return { action: 'retry', reason: `HTTP ${status}: retrying later` };
  if (status >= 500) return { action: 'retry', reason: `server error (HTTP ${status})` };
  if (status < 200 || status >= 300) return { action: 'fatal', reason: `unexpected HTTP ${status}` };
  return judgeContentType(input.kind, input.contentType);
}

function judgeContentType(kind: StreamKind, header: string | null): ResponseVerdict {
  const accepted: readonly string[] = ACCEPTED_CONTENT_TYPES[kind];
  if (accepted.length === 0) return { action: 'accept' };
  const media = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (accepted.includes(media)) return { action: 'accept' };
  const named = media === '' ? 'no content type' : `wrong content type ${media}`;
  return { action: 'fatal', reason: `${named} (expected ${accepted[0]})` };
}
