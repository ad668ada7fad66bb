export { createSseParser } from './sse-parser';
export { RETRY_MIN_MS, RETRY_MAX_MS, type SseEvent, type SseParser, type SseParserOptions, type SseRejectReason } from './sse-types';
export { createNdjsonFramer, type NdjsonFramer, type NdjsonLine } from './ndjson-framer';
export { WS_CLOSE_POLICY, judgeWsClose, isKnownWsCloseCode, type WsCloseAction, type KnownWsCloseCode } from './ws-close-policy';
export { BACKOFF, fullJitterDelay, parseRetryAfter } from './backoff';
export {
  ACCEPTED_CONTENT_TYPES,
  FATAL_STATUSES,
  STREAM_KINDS,
  isStreamKind,
  judgeResponse,
  type ResponseVerdict,
  type StreamKind,
} from './response-verdict';
export { createStreamMachine, stepStream, describeStreamStatus } from './reconnect';
export {
  DEFAULT_STREAM_CONFIG,
  TIMER_PURPOSES,
  type StepContext,
  type StreamConfig,
  type StreamEffect,
  type StreamEvent,
  type StreamMachine,
  type StreamStatus,
  type StreamStep,
  type TimerPurpose,
} from './reconnect-types';
export { createIdWindow, type IdWindow } from './id-window';
export { createLiveBuffer, DEFAULT_LIVE_CAPACITY, type LiveBuffer } from './live-buffer';
export { nextDemoBatch, type DemoBatch } from './demo-stream';
export { formatBeijing, nextRandom } from './demo-records';
export { utf8Length } from './utf8-length';
