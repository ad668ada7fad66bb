import type { StreamKind } from '../../core/stream';
import { DEMO_STREAM } from '../../core/view-state';
import type { StreamRecordFormat } from '../protocol';

/** What the page connects to: a URL read as SSE, NDJSON or WebSocket, or the demo generated in the page. */
export type StreamTarget =
  | { readonly kind: StreamKind; readonly url: string }
  | { readonly kind: 'demo'; readonly url: typeof DEMO_STREAM };

/**
 * The kind a URL most likely is: ws/wss are WebSockets; a path that names ndjson/jsonl/jsonlines is NDJSON;
 * everything else is read as SSE. guessStreamKind('https://h/logs.ndjson') -> 'ndjson'
 */
export function guessStreamKind(url: string): StreamKind {
  if (/^wss?:/i.test(url)) return 'ws';
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not a URL yet (the user is typing): guess from the text.
  }
  return /ndjson|jsonl|json-?lines|json-seq/i.test(path) ? 'ndjson' : 'sse';
}

export function toStreamTarget(stream: string, kind: StreamKind | null = null): StreamTarget {
  if (stream === DEMO_STREAM) return { kind: 'demo', url: DEMO_STREAM };
  return { kind: kind ?? guessStreamKind(stream), url: stream };
}

/** One source per kind and URL: `sse http://127.0.0.1:4180/sse/ok`. */
export function streamKeyOf(target: StreamTarget): string {
  return `${target.kind} ${target.url}`;
}

/** The source's name in the Sources panel. */
export function streamNameOf(target: StreamTarget): string {
  return target.kind === 'demo' ? 'Demo stream' : `${KIND_LABELS[target.kind]} ${target.url}`;
}

export const KIND_LABELS = { sse: 'SSE', ndjson: 'NDJSON', ws: 'WebSocket' } as const satisfies Record<StreamKind, string>;

export function recordFormatOf(target: StreamTarget): StreamRecordFormat {
  return target.kind === 'sse' ? 'sse' : target.kind === 'ndjson' ? 'ndjson' : 'text';
}

/**
 * A link may connect by itself only to what cannot reach anyone else: the demo (no network) and the tail
 * server that served this very page (`/api/tail` on the page's own origin). Anything else asks first.
 */
export function isAutoConnect(stream: string, pageOrigin: string): boolean {
  if (stream === DEMO_STREAM) return true;
  try {
    const url = new URL(stream);
    return url.origin === pageOrigin && url.pathname === '/api/tail' && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}
