import { createSseParser } from './sse-parser';
import type { SseParserOptions } from './sse-types';

export type SseCall =
  | { readonly kind: 'event'; readonly type: string; readonly data: string; readonly id: string | null; readonly lastEventId: string }
  | { readonly kind: 'retry'; readonly ms: number }
  | { readonly kind: 'keepalive'; readonly text: string }
  | { readonly kind: 'reject'; readonly reason: string };

/** Test support: feeds the chunks of each connection, ends each one, and returns every callback in order. */
export function runSse(connections: readonly (readonly string[])[], options: Partial<SseParserOptions> = {}): SseCall[] {
  const calls: SseCall[] = [];
  const parser = createSseParser({
    ...options,
    onEvent: (e) => calls.push({ kind: 'event', type: e.type, data: e.data, id: e.id, lastEventId: e.lastEventId }),
    onRetry: (ms) => calls.push({ kind: 'retry', ms }),
    onKeepalive: (text) => calls.push({ kind: 'keepalive', text }),
    onReject: (reason) => calls.push({ kind: 'reject', reason }),
  });
  for (const chunks of connections) {
    for (const chunk of chunks) parser.push(chunk);
    parser.end();
  }
  return calls;
}

/** Splits `text` at the given sorted cut points. */
export function splitAt(text: string, cuts: readonly number[]): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(at, cut));
    at = cut;
  }
  pieces.push(text.slice(at));
  return pieces;
}
