/**
 * What a WebSocket close code means for reconnection (RFC 6455 §7.4, IANA registry; 4xxx as the
 * graphql-ws family uses them). 'retry' reconnects with backoff; 'fatal' stops with the reason shown; 'end'
 * stops as done: a normal close says the server's work is done, and reconnecting to a server that sends its
 * records again would count them twice.
 * RELIABILITY H21: policy and auth closes are fatal, abnormal and server-error closes are retried.
 */
export const WS_CLOSE_POLICY = {
  1000: { action: 'end', reason: 'the server closed the stream normally' },
  1001: { action: 'retry', reason: 'the server is going away (restart or page navigation)' },
  1002: { action: 'fatal', reason: 'protocol error: the server and the dashboard do not speak the same protocol' },
  1003: { action: 'fatal', reason: 'the server refuses this kind of data' },
  1005: { action: 'retry', reason: 'closed without a status code' },
  1006: { action: 'retry', reason: 'the connection dropped without a close frame (network, proxy or crash)' },
  1007: { action: 'fatal', reason: 'the server rejected a message as invalid data' },
  1008: { action: 'fatal', reason: 'closed by server policy (often authentication or origin)' },
  1009: { action: 'fatal', reason: 'a message was too big for the server' },
  1010: { action: 'fatal', reason: 'a required extension was not negotiated' },
  1011: { action: 'retry', reason: 'internal server error' },
  1012: { action: 'retry', reason: 'the server is restarting' },
  1013: { action: 'retry', reason: 'the server is overloaded: try again later' },
  1014: { action: 'retry', reason: 'bad gateway' },
  1015: { action: 'fatal', reason: 'TLS handshake failed (certificate?)' },
  4400: { action: 'fatal', reason: 'bad request (4400)' },
  4401: { action: 'fatal', reason: 'unauthorised (4401): check the token' },
  4403: { action: 'fatal', reason: 'forbidden (4403)' },
  4404: { action: 'fatal', reason: 'not found (4404)' },
  4406: { action: 'fatal', reason: 'subprotocol not acceptable (4406)' },
  4409: { action: 'fatal', reason: 'duplicate subscriber (4409)' },
  4429: { action: 'retry', reason: 'too many requests (4429): backing off' },
  4500: { action: 'fatal', reason: 'the server reported an internal error it will not recover from (4500)' },
} as const satisfies Record<number, { action: WsCloseAction; reason: string }>;

export type WsCloseAction = 'retry' | 'fatal' | 'end';
export type KnownWsCloseCode = keyof typeof WS_CLOSE_POLICY;

export function isKnownWsCloseCode(code: unknown): code is KnownWsCloseCode {
  return typeof code === 'number' && Object.hasOwn(WS_CLOSE_POLICY, code);
}

/**
 * The action for any close code: the table first; other 4000–4999 (application codes, mostly auth and
 * protocol) fatal; other 3000–3999 (registered libraries) retried; anything else retried.
 * judgeWsClose(4401) -> { action: 'fatal', reason: 'unauthorised (4401): check the token' }
 */
export function judgeWsClose(code: number): { readonly action: WsCloseAction; readonly reason: string } {
  if (isKnownWsCloseCode(code)) return WS_CLOSE_POLICY[code];
  if (code >= 4000 && code <= 4999) return { action: 'fatal', reason: `closed by the application with code ${code}` };
  return { action: 'retry', reason: `closed with code ${code}` };
}
