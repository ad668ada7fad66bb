import { createSseParser } from '../core/stream/sse-parser';
import type { SseEvent } from '../core/stream/sse-types';

export interface TestSseClient {
  readonly events: SseEvent[];
  readonly status: number;
  readonly headers: Headers;
  /** Resolves once `predicate` holds for the events so far; rejects after `timeoutMs`. */
  waitFor(predicate: (events: readonly SseEvent[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Test support: a fetch-based SSE client on our own parser, with bounded waits. */
export async function connectSse(url: string, headers: Record<string, string> = {}): Promise<TestSseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  const events: SseEvent[] = [];
  const parser = createSseParser({ onEvent: (e) => events.push(e) });
  const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (chunk === undefined || chunk.done) break;
        parser.push(chunk.value);
      }
    } catch {
      // aborted
    }
    parser.end();
  })();
  return {
    events,
    status: res.status,
    headers: res.headers,
    waitFor: async (predicate, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(events)) {
        if (Date.now() > deadline) throw new Error(`timed out; events so far: ${JSON.stringify(events.map((e) => [e.type, e.data]))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => abort.abort(),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
