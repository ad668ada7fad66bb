import { parseRetryAfter } from './backoff';
import { armTimer, clearTimer, closeConnection, createDraft, end, fail, finishDraft, openNow, scheduleRetry, type Draft } from './reconnect-draft';
import { DEFAULT_STREAM_CONFIG, type StepContext, type StreamConfig, type StreamEvent, type StreamMachine, type StreamStep } from './reconnect-types';
import { judgeResponse } from './response-verdict';
import { judgeWsClose } from './ws-close-policy';

/** A machine at rest: `stepStream(createStreamMachine({ kind: 'sse' }), { type: 'start' }, ctx)` connects. */
export function createStreamMachine(config: Partial<StreamConfig> & Pick<StreamConfig, 'kind'>, lastEventId = ''): StreamMachine {
  return {
    config: { ...DEFAULT_STREAM_CONFIG, ...config },
    status: { kind: 'idle' },
    generation: 0,
    connection: null,
    timer: null,
    attempt: 0,
    lastEventId,
    openedAt: null,
    lastHeardAt: null,
    serverRetryMs: null,
    lastError: null,
    opened: 0,
  };
}

/**
 * The reconnect policy as a pure reducer (RELIABILITY 1.6, R12): one guarded path, so a close, a timer, an
 * online and a visibility event can never open two connections or arm two timers. Returns the next
 * machine and the effects to run. Example:
 * `const { machine, effects } = stepStream(m, { type: 'error', connection: 1, status: 503 }, { now, random });`
 */
export function stepStream(machine: StreamMachine, event: StreamEvent, ctx: StepContext): StreamStep {
  const d = createDraft(machine, ctx);
  if (isCurrent(machine, event)) handle(d, event);
  return finishDraft(d);
}

function isCurrent(m: StreamMachine, event: StreamEvent): boolean {
  if (event.type === 'timer') return m.timer !== null && m.timer.id === event.timer;
  if ('connection' in event) return m.connection !== null && m.connection === event.connection;
  return true;
}

function handle(d: Draft, event: StreamEvent): void {
  const kind = d.m.status.kind;
  switch (event.type) {
    case 'start':
      if (kind === 'idle' || kind === 'failed' || kind === 'ended' || kind === 'stopped') {
        d.m.attempt = 0;
        openNow(d);
      }
      return;
    case 'stop':
      closeConnection(d);
      clearTimer(d);
      d.m.status = { kind: 'stopped' };
      return;
    case 'open':
      return onOpen(d, event);
    case 'message':
    case 'heartbeat':
      return onHeard(d, event.type === 'message' ? event.lastEventId : undefined);
    case 'retry-hint':
      d.m.serverRetryMs = event.ms;
      return;
    case 'error':
      return onError(d, event);
    case 'close':
      return onClose(d, event.code);
    case 'heartbeat-timeout':
      if (kind === 'live') goStale(d);
      return;
    case 'timer':
      return onTimer(d);
    case 'online':
    case 'visible':
      // The network or the tab coming back ends a stale wait or a failure backoff, but not a wait the
      // server asked for with Retry-After.
      if (kind === 'stale' || (d.m.status.kind === 'backoff' && !d.m.status.serverAsked)) openNow(d);
      return;
  }
}

function onOpen(d: Draft, event: Extract<StreamEvent, { type: 'open' }>): void {
  if (d.m.status.kind !== 'connecting') return;
  if (event.status !== undefined) {
    const verdict = judgeResponse({ kind: d.m.config.kind, status: event.status, contentType: event.contentType ?? null });
    if (verdict.action === 'fatal') return fail(d, verdict.reason);
    if (verdict.action === 'retry') return scheduleRetry(d, verdict.reason, null);
  }
  d.m.status = { kind: 'live' };
  d.m.openedAt = d.ctx.now;
  d.m.lastHeardAt = null;
  d.m.lastError = null;
  armTimer(d, 'watchdog', d.m.config.silenceMs);
}

function onHeard(d: Draft, lastEventId: string | undefined): void {
  const kind = d.m.status.kind;
  if (kind !== 'live' && kind !== 'stale') return;
  d.m.lastHeardAt = d.ctx.now;
  if (lastEventId !== undefined) d.m.lastEventId = lastEventId;
  if (kind === 'stale') {
    d.m.status = { kind: 'live' };
    armTimer(d, 'watchdog', d.m.config.silenceMs);
  }
}

function onError(d: Draft, event: Extract<StreamEvent, { type: 'error' }>): void {
  const status = event.status ?? null;
  const hasResponse = status !== null && status !== 0;
  const verdict = hasResponse ? judgeResponse({ kind: d.m.config.kind, status, contentType: event.contentType ?? null }) : null;
  if (verdict?.action === 'fatal') return fail(d, verdict.reason);
  const reason = event.reason ?? (verdict?.action === 'retry' ? verdict.reason : 'the connection failed');
  scheduleRetry(d, reason, parseRetryAfter(event.retryAfter, d.ctx.now));
}

function onClose(d: Draft, code: number | undefined): void {
  // An SSE stream that closes is resumed from its last id (RELIABILITY H10); an NDJSON response that finished
  // has no id to resume from, and a server that sends its lines again would have them counted twice.
  if (code === undefined) return d.m.config.kind === 'ndjson' ? end(d, 'the server finished its response') : scheduleRetry(d, 'the server closed the stream', null);
  const verdict = judgeWsClose(code);
  if (verdict.action === 'fatal') return fail(d, verdict.reason);
  if (verdict.action === 'end') return end(d, verdict.reason);
  scheduleRetry(d, verdict.reason, null);
}

function onTimer(d: Draft): void {
  const purpose = d.m.timer?.purpose;
  d.m.timer = null;
  if (purpose === 'reconnect') return openNow(d);
  if (purpose === 'connect-timeout') return scheduleRetry(d, 'the server did not answer in time', null);
  if (purpose === 'stale') return scheduleRetry(d, 'the stream went silent', null);
  const { lastHeardAt } = d.m;
  const { silenceMs } = d.m.config;
  if (lastHeardAt === null) return armTimer(d, 'watchdog', silenceMs);
  const silentFor = d.ctx.now - lastHeardAt;
  if (silentFor >= silenceMs) goStale(d);
  else armTimer(d, 'watchdog', silenceMs - silentFor);
}

function goStale(d: Draft): void {
  d.m.status = { kind: 'stale' };
  armTimer(d, 'stale', d.m.config.staleGraceMs);
}

/**
 * The status line the UI shows: describeStreamStatus(m, now) -> 'reconnecting in 3 s'. The wait shown
 * never exceeds the wait itself: the page's clock ticks once a second, so `now` may be up to a second old.
 */
export function describeStreamStatus(machine: StreamMachine, now: number): string {
  const { status } = machine;
  if (status.kind === 'backoff') return `reconnecting in ${Math.ceil(Math.max(0, Math.min(status.delayMs, status.until - now)) / 1000)} s`;
  if (status.kind === 'failed') return `failed: ${status.reason}`;
  if (status.kind === 'ended') return `ended: ${status.reason}`;
  return status.kind;
}
