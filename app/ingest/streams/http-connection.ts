import { createNdjsonFramer, createSseParser, type SseParser } from '../../core/stream';
import type { Connection, ConnectionHandlers } from './connection-types';

/** SSE events that keep the stream alive but are not log records (the tail server's and common pings). */
const CONTROL_EVENTS: ReadonlySet<string> = new Set(['ping', 'heartbeat', 'keepalive', 'source', 'notice']);

/**
 * One SSE connection through fetch, not EventSource, so that the status code, the content type,
 * Retry-After and Last-Event-ID are ours (RELIABILITY 1.6). The parser lives for the whole session (it
 * carries the last event id); `end()` drops a frame cut by the end of the connection.
 */
export function openSseConnection(input: { url: string; lastEventId: string; parser: SseParser; handlers: ConnectionHandlers }): Connection {
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (input.lastEventId !== '') headers['Last-Event-ID'] = input.lastEventId;
  return openHttp({
    url: input.url,
    headers,
    handlers: input.handlers,
    onBody: () => {
      const decoder = new TextDecoder('utf-8');
      return {
        push: (bytes) => input.parser.push(decoder.decode(bytes, { stream: true })),
        end: () => {
          input.parser.push(decoder.decode());
          input.parser.end();
        },
      };
    },
  });
}

/** Routes the session's SSE parser output to the connection handlers. */
export function createSessionSseParser(handlers: () => ConnectionHandlers, initialLastEventId = ''): SseParser {
  return createSseParser({
    initialLastEventId,
    onEvent: (event) => {
      if (CONTROL_EVENTS.has(event.type)) return handlers().onHeartbeat();
      if (event.type === 'skipped') return handlers().onReject('line_too_long', event.data);
      handlers().onRecord(event.data, event.id, event.lastEventId);
    },
    onKeepalive: () => handlers().onHeartbeat(),
    onRetry: (ms) => handlers().onRetryHint(ms),
    onReject: (reason) => handlers().onReject(reason),
  });
}

/** One NDJSON response read as a stream: a line cut by the end of the connection is `truncated_record`. */
export function openNdjsonConnection(input: { url: string; handlers: ConnectionHandlers }): Connection {
  const { handlers } = input;
  return openHttp({
    url: input.url,
    headers: { Accept: 'application/x-ndjson, application/json;q=0.9, text/plain;q=0.5' },
    handlers,
    onBody: () => {
      const framer = createNdjsonFramer({
        onLine: (line) => (line.reject === null ? handlers.onRecord(line.text, null, null) : handlers.onReject(line.reject, line.text)),
      });
      return { push: (bytes) => framer.push(bytes), end: (isCut) => (isCut ? framer.abort() : framer.finish()) };
    },
  });
}

interface BodySink {
  push(bytes: Uint8Array): void;
  end(isCut: boolean): void;
}

function openHttp(input: { url: string; headers: Record<string, string>; handlers: ConnectionHandlers; onBody: () => BodySink }): Connection {
  const controller = new AbortController();
  const { handlers } = input;
  const isClosed = () => controller.signal.aborted;
  const run = async (): Promise<void> => {
    let response: Response;
    try {
      response = await fetch(input.url, { headers: input.headers, signal: controller.signal, cache: 'no-store', credentials: 'omit', redirect: 'follow' });
    } catch {
      if (!isClosed()) handlers.onEnd({ isError: true });
      return;
    }
    if (isClosed()) return;
    handlers.onResponse({ status: response.status, contentType: response.headers.get('content-type'), retryAfter: response.headers.get('retry-after') });
    if (isClosed() || response.body === null) return;
    await readBody(response.body, input.onBody(), handlers, isClosed);
  };
  void run();
  return { close: () => controller.abort() };
}

async function readBody(body: ReadableStream<Uint8Array>, sink: BodySink, handlers: ConnectionHandlers, isClosed: () => boolean): Promise<void> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (isClosed()) return;
      if (done) break;
      sink.push(value);
    }
  } catch {
    if (isClosed()) return;
    sink.end(true);
    handlers.onEnd({ isError: true, reason: 'the connection dropped in the middle of the stream' });
    return;
  }
  sink.end(false);
  handlers.onEnd({ isError: false });
}
