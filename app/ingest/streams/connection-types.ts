import type { RejectReason } from '../../core/classify/outcome';

/** What a connection reports; the session turns these into state-machine events and records. */
export interface ConnectionHandlers {
  /** An HTTP response arrived (before its body), or a WebSocket opened (status null). */
  onResponse(response: { status: number | null; contentType: string | null; retryAfter: string | null }): void;
  /** One record: an SSE event's data, an NDJSON line, a WebSocket text message. `id` is the SSE id. */
  onRecord(text: string, id: string | null, lastEventId: string | null): void;
  onReject(reason: RejectReason, example?: string): void;
  /** Proof of life that is not a record (comment, ping event). */
  onHeartbeat(): void;
  onRetryHint(ms: number): void;
  /** The connection ended: the body finished, the network dropped it, or a WebSocket close code. */
  onEnd(end: { reason?: string; code?: number; isError: boolean }): void;
}

export interface Connection {
  /** Closes it; no handler is called afterwards. */
  close(): void;
}
