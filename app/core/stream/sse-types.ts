import type { RejectReason } from '../classify/outcome';

/** One dispatched server-sent event (WHATWG "dispatch the event"). */
export interface SseEvent {
  /** The `event:` field, or 'message' when the frame had none. */
  readonly type: string;
  /** The `data:` lines joined with '\n'. */
  readonly data: string;
  /** The `id:` field of this very frame, or null when the frame had none (it then inherits lastEventId). */
  readonly id: string | null;
  /** The last event ID after this frame: what a reconnect sends as `Last-Event-ID`. */
  readonly lastEventId: string;
}

/** Reasons the SSE parser rejects input: a frame over the cap, or a frame cut by the end of a connection. */
export type SseRejectReason = Extract<RejectReason, 'frame_too_large' | 'truncated_record'>;

export interface SseParserOptions {
  readonly onEvent: (event: SseEvent) => void;
  /** A valid `retry:` field, already clamped to [1 s, 60 s], in ms. */
  readonly onRetry?: (ms: number) => void;
  /** A comment line (`: keepalive`), text after the colon: proof of life for a watchdog, never an event. */
  readonly onKeepalive?: (comment: string) => void;
  /** A frame dropped: over the cap (reported once, when the cap is crossed) or cut by `end()`. */
  readonly onReject?: (reason: SseRejectReason) => void;
  /** Largest frame (the UTF-8 bytes of its lines, terminators excluded). Default 1 MiB. */
  readonly maxFrameBytes?: number;
  /** Longest accepted `id:` in UTF-16 units; a longer id is ignored like a NUL one. Default 1024. */
  readonly maxIdChars?: number;
  /** The Last-Event-ID to start from (a resumed source). Default ''. */
  readonly initialLastEventId?: string;
}

export interface SseParser {
  /** Feeds the next decoded text of the current connection, split anywhere. */
  push(text: string): void;
  /**
   * Ends the current connection: an unfinished frame is reported as `truncated_record` and dropped, so it
   * is never glued to the next connection. The parser is then ready for a new connection (BOM stripped
   * again); lastEventId survives, the id of the dropped frame does not.
   */
  end(): void;
  lastEventId(): string;
}

export const RETRY_MIN_MS = 1000;
export const RETRY_MAX_MS = 60_000;
