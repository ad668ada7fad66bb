import type { Connection, ConnectionHandlers } from './connection-types';

/** Longest accepted WebSocket message in UTF-16 units (about 4 MiB of ASCII), like a file line's cap. */
const MAX_MESSAGE_CHARS = 4 * 1024 * 1024;

/**
 * One WebSocket connection: each text message is a record; a binary message is `binary_data` and a
 * message over the cap `frame_too_large` (both counted, the connection kept: RELIABILITY H22). The close
 * code decides reconnection (judgeWsClose in the state machine).
 */
export function openWsConnection(input: { url: string; handlers: ConnectionHandlers }): Connection {
  const { handlers } = input;
  let isClosed = false;
  let socket: WebSocket;
  try {
    socket = new WebSocket(input.url);
  } catch (error) {
    queueMicrotask(() => handlers.onEnd({ isError: true, reason: `cannot open the WebSocket: ${error instanceof Error ? error.message : String(error)}` }));
    return { close: () => undefined };
  }
  socket.binaryType = 'arraybuffer';
  socket.addEventListener('open', () => {
    if (!isClosed) handlers.onResponse({ status: null, contentType: null, retryAfter: null });
  });
  socket.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isClosed) return;
    const { data } = event;
    if (typeof data !== 'string') return handlers.onReject('binary_data');
    if (data.length > MAX_MESSAGE_CHARS) return handlers.onReject('frame_too_large', data.slice(0, 300));
    handlers.onRecord(data, null, null);
  });
  socket.addEventListener('close', (event) => {
    if (isClosed) return;
    isClosed = true;
    handlers.onEnd({ isError: false, code: event.code });
  });
  return {
    close: () => {
      if (isClosed) return;
      isClosed = true;
      socket.close(1000);
    },
  };
}
