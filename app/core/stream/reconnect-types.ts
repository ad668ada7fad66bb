import type { StreamKind } from './response-verdict';

export interface StreamConfig {
  readonly kind: StreamKind;
  /** Silence after which a stream that has sent something is stale (R12: 60 s). */
  readonly silenceMs: number;
  /** A stale stream still silent after this long is reconnected even without online/visible. */
  readonly staleGraceMs: number;
  /** A connection open this long resets the backoff (R12: 10 s). */
  readonly healthyMs: number;
  /** A connection not open after this long is abandoned and retried. */
  readonly connectTimeoutMs: number;
}

export const DEFAULT_STREAM_CONFIG: Omit<StreamConfig, 'kind'> = {
  silenceMs: 60_000,
  staleGraceMs: 30_000,
  healthyMs: 10_000,
  connectTimeoutMs: 30_000,
};

export type StreamStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'connecting' }
  | { readonly kind: 'live' }
  | { readonly kind: 'stale' }
  /** `serverAsked`: the wait is the server's Retry-After, which going online or visible does not cut short. */
  | { readonly kind: 'backoff'; readonly delayMs: number; readonly attempt: number; readonly until: number; readonly serverAsked: boolean }
  | { readonly kind: 'failed'; readonly reason: string }
  /** The server ended the stream as done (an NDJSON response that finished, a WebSocket closed normally): not reconnected. */
  | { readonly kind: 'ended'; readonly reason: string }
  | { readonly kind: 'stopped' };

export const TIMER_PURPOSES = ['reconnect', 'connect-timeout', 'watchdog', 'stale'] as const;
export type TimerPurpose = (typeof TIMER_PURPOSES)[number];

/** The whole state; connection and timer ids come from one generation counter, so stale ones never match. */
export interface StreamMachine {
  readonly config: StreamConfig;
  readonly status: StreamStatus;
  readonly generation: number;
  /** The one connection opening or open, or null. */
  readonly connection: number | null;
  /** The one pending timer, or null. */
  readonly timer: { readonly id: number; readonly purpose: TimerPurpose } | null;
  /** Failed attempts since the last healthy connection. */
  readonly attempt: number;
  /** Sent as Last-Event-ID on the next open: the last id received (R12). */
  readonly lastEventId: string;
  readonly openedAt: number | null;
  /** Last message or heartbeat on the current connection, or null when it has sent nothing yet. */
  readonly lastHeardAt: number | null;
  /** The server's `retry:` hint in ms, a floor for the jittered delay. */
  readonly serverRetryMs: number | null;
  /** Why the last connection ended (shown next to "reconnecting"). */
  readonly lastError: string | null;
  readonly opened: number;
}

/** Events carry the connection or timer id they belong to; one from an older generation is ignored. */
export type StreamEvent =
  | { readonly type: 'start' }
  | { readonly type: 'stop' }
  | { readonly type: 'open'; readonly connection: number; readonly status?: number; readonly contentType?: string | null }
  | { readonly type: 'message'; readonly connection: number; readonly lastEventId?: string }
  | { readonly type: 'heartbeat'; readonly connection: number }
  | { readonly type: 'retry-hint'; readonly connection: number; readonly ms: number }
  | {
      readonly type: 'error';
      readonly connection: number;
      readonly status?: number | null;
      readonly contentType?: string | null;
      /** The raw Retry-After header. */
      readonly retryAfter?: string | null;
      readonly reason?: string;
    }
  | { readonly type: 'close'; readonly connection: number; readonly code?: number }
  | { readonly type: 'heartbeat-timeout'; readonly connection: number }
  | { readonly type: 'timer'; readonly timer: number }
  | { readonly type: 'online' }
  | { readonly type: 'visible' };

/** What the caller must do, in order. */
export type StreamEffect =
  | { readonly type: 'open'; readonly connection: number; readonly lastEventId: string }
  | { readonly type: 'close'; readonly connection: number }
  | { readonly type: 'set-timer'; readonly timer: number; readonly delayMs: number }
  | { readonly type: 'clear-timer'; readonly timer: number };

export interface StreamStep {
  readonly machine: StreamMachine;
  readonly effects: readonly StreamEffect[];
}

/** Time and randomness are arguments: tests pass a fake clock and a seeded source. */
export interface StepContext {
  readonly now: number;
  /** [0, 1) */
  readonly random: () => number;
}
