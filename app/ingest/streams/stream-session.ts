import { createIdWindow, createStreamMachine, stepStream, type StreamEffect, type StreamEvent, type StreamKind, type StreamMachine } from '../../core/stream';
import type { StreamSinkClient } from '../ingest-client';
import type { Connection, ConnectionHandlers } from './connection-types';
import { createSessionSseParser, openNdjsonConnection, openSseConnection } from './http-connection';
import { createSessionBase } from './session-base';
import type { StreamSession, StreamSnapshot } from './session-types';
import type { StreamTarget } from './stream-target';
import { openWsConnection } from './ws-connection';

const CANNOT_CONNECT = 'cannot connect (network error, CORS, offline or blocked)';

/**
 * A remote stream on the main thread, driven by the pure reconnect machine (stepStream): this function
 * only runs its effects (open, close, set-timer, clear-timer), so there is never more than one
 * connection or one pending timer. Time is Date.now and setTimeout, which Playwright's clock controls.
 * Example: `const s = startStreamSession({ sink: client.streams, target: { kind: 'sse', url }, onSnapshot }); s.stop();`
 */
export function startStreamSession(input: {
  sink: StreamSinkClient;
  target: StreamTarget & { kind: StreamKind };
  onSnapshot: (snapshot: StreamSnapshot) => void;
  capacity?: number;
}): StreamSession {
  const { target } = input;
  let machine: StreamMachine = createStreamMachine({ kind: target.kind });
  const connections = new Map<number, Connection>();
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  const ids = createIdWindow();
  const snapshot = (): StreamSnapshot => ({
    target, key: base.key, machine, counts: base.batcher.counts(), reconnects: Math.max(0, machine.opened - 1), isFinished: base.isFinished(),
  });
  const base = createSessionBase({ ...input, snapshot });
  const current = { handlers: null as ConnectionHandlers | null };
  const parser = createSessionSseParser(() => current.handlers ?? IGNORE);

  const step = (event: StreamEvent): void => {
    if (base.isFinished()) return;
    const before = machine.status.kind;
    const result = stepStream(machine, event, { now: Date.now(), random: Math.random });
    machine = result.machine;
    result.effects.forEach(run);
    const status = machine.status;
    if (status.kind === 'failed') return finish('failed', status.reason);
    if (status.kind === 'stopped' || status.kind === 'ended') return finish('done', null);
    base.changed(status.kind !== before || event.type === 'timer');
  };
  const run = (effect: StreamEffect): void => {
    switch (effect.type) {
      case 'open':
        return open(effect.connection, effect.lastEventId);
      case 'close':
        connections.get(effect.connection)?.close();
        connections.delete(effect.connection);
        if (target.kind === 'sse') parser.end(); // a frame cut here is counted, never glued to the next connection
        current.handlers = null;
        return;
      case 'set-timer':
        timers.set(effect.timer, setTimeout(() => step({ type: 'timer', timer: effect.timer }), effect.delayMs));
        return;
      case 'clear-timer':
        clearTimeout(timers.get(effect.timer));
        timers.delete(effect.timer);
    }
  };
  const open = (connection: number, lastEventId: string): void => {
    const handlers = handlersFor(connection);
    current.handlers = handlers;
    const url = target.url;
    const opened =
      target.kind === 'sse'
        ? openSseConnection({ url, lastEventId, parser, handlers })
        : target.kind === 'ndjson'
          ? openNdjsonConnection({ url, handlers })
          : openWsConnection({ url, handlers });
    connections.set(connection, opened);
  };
  const isCurrent = (connection: number) => machine.connection === connection;
  const handlersFor = (connection: number): ConnectionHandlers => ({
    onResponse: ({ status, contentType, retryAfter }) => {
      if (status === null) step({ type: 'open', connection });
      else if (status >= 200 && status < 300) step({ type: 'open', connection, status, contentType });
      else step({ type: 'error', connection, status, contentType, retryAfter });
    },
    onRecord: (text, id, lastEventId) => {
      if (!isCurrent(connection)) return;
      if (ids.isDuplicate(id)) base.batcher.reject('duplicate_event', text);
      else base.batcher.record(text);
      step({ type: 'message', connection, ...(lastEventId === null ? {} : { lastEventId }) });
    },
    onReject: (reason, example) => {
      base.batcher.reject(reason, example);
      base.changed();
    },
    onHeartbeat: () => step({ type: 'heartbeat', connection }),
    onRetryHint: (ms) => step({ type: 'retry-hint', connection, ms }),
    onEnd: ({ reason, code, isError }) => {
      if (code !== undefined) step({ type: 'close', connection, code });
      else if (isError) step({ type: 'error', connection, status: null, reason: reason ?? CANNOT_CONNECT });
      else step({ type: 'close', connection });
    },
  });

  const onOnline = () => step({ type: 'online' });
  const onVisible = () => {
    if (document.visibilityState === 'visible') step({ type: 'visible' });
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  const finish = (state: 'done' | 'failed', error: string | null): void => {
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    base.finish(state, error);
  };

  step({ type: 'start' });
  return {
    ...base.controls,
    stop: () => step({ type: 'stop' }),
    snapshot,
    finished: base.finished,
  };
}

const IGNORE: ConnectionHandlers = {
  onResponse: () => undefined,
  onRecord: () => undefined,
  onReject: () => undefined,
  onHeartbeat: () => undefined,
  onRetryHint: () => undefined,
  onEnd: () => undefined,
};
