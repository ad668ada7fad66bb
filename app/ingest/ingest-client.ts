import { fileKeyOf, withoutLoadedFiles } from '../core/ledger/file-identity';
import type { AddSourceRequest, RereadChange, SourceKind, SourceState, SourceStatus, StreamRecordFormat, StreamReject, WorkerMessage, WorkerQuery, WorkerRequest } from './protocol';

export interface SourcesSnapshot {
  readonly sources: readonly SourceStatus[];
  readonly storeVersion: number;
  /** Moves on only when events leave the store or move (a source removed): until then an event's index names it. */
  readonly storeEpoch: number;
}

interface Pending {
  readonly resolve: (data: unknown) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The page's handle on the ingest worker. Raw log text goes in and never comes back: the page only
 * receives source statuses (ledgers, progress) and the answers to queries.
 */
export interface IngestClient {
  /** Reads the files not already among the sources or on their way there (see withoutLoadedFiles); names the others. */
  addFiles(files: readonly File[]): { skipped: string[] };
  addText(name: string, text: string, kind?: SourceKind): void;
  cancel(sourceId: number): void;
  remove(sourceId: number): void;
  reread(sourceId: number, change: RereadChange): void;
  request<T>(query: WorkerQuery, signal?: AbortSignal): Promise<T>;
  subscribe(listener: () => void): () => void;
  getSnapshot(): SourcesSnapshot;
  setZones(zones: { localOffsetMinutes: number | null; providerOffsetMinutes: number }): void;
  /** A live stream's source: opened (or reopened) under its key, fed with raw records, ended, cleared. */
  readonly streams: StreamSinkClient;
}

export interface StreamSinkClient {
  open(key: string, name: string, format: StreamRecordFormat): void;
  records(key: string, records: readonly string[], rejects: readonly StreamReject[]): void;
  state(key: string, state: SourceState, error: string | null): void;
  clear(key: string, why?: 'cleared' | 'read-again'): void;
}

export function createIngestClient(worker: Worker): IngestClient {
  let snapshot: SourcesSnapshot = { sources: [], storeVersion: 0, storeEpoch: 0 };
  const listeners = new Set<() => void>();
  const pending = new Map<number, Pending>();
  let nextRequestId = 1;
  let zones = { localOffsetMinutes: null as number | null, providerOffsetMinutes: 480 };
  // Files sent to the worker and not yet in a snapshot: a second drop within one round trip still sees them.
  const sentFileKeys = new Set<string>();

  worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.type === 'sources') {
      snapshot = { sources: message.sources, storeVersion: message.storeVersion, storeEpoch: message.storeEpoch };
      for (const source of message.sources) if (source.fileKey !== undefined) sentFileKeys.delete(source.fileKey);
      for (const listener of listeners) listener();
      return;
    }
    const waiter = pending.get(message.requestId);
    if (!waiter) return;
    pending.delete(message.requestId);
    if (message.ok) waiter.resolve(message.data);
    else waiter.reject(new Error(message.error));
  });
  worker.addEventListener('error', (event) => {
    const error = new Error(`The ingest worker failed: ${event.message || 'unknown error'}`);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });

  const post = (request: WorkerRequest) => worker.postMessage(request);
  const addSource = (name: string, kind: SourceKind, payload: AddSourceRequest['payload']) =>
    post({ type: 'add-source', name, kind, payload, ...zones });

  return {
    addFiles(files) {
      const known = [...snapshot.sources, ...[...sentFileKeys].map((fileKey) => ({ fileKey }))];
      const { files: unread, skipped } = withoutLoadedFiles(files, known);
      for (const file of unread) {
        sentFileKeys.add(fileKeyOf(file));
        addSource(file.name, 'file', { kind: 'file', file });
      }
      return { skipped };
    },
    addText: (name, text, kind = 'paste') => addSource(name, kind, { kind: 'text', text }),
    cancel: (sourceId) => post({ type: 'cancel', sourceId }),
    remove: (sourceId) => post({ type: 'remove', sourceId }),
    reread: (sourceId, change) => post({ type: 'reread', sourceId, ...change }),
    request<T>(query: WorkerQuery, signal?: AbortSignal): Promise<T> {
      const requestId = nextRequestId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(requestId, { resolve: (data) => resolve(data as T), reject });
        // The worker answers every request; an aborted one is simply forgotten here.
        signal?.addEventListener('abort', () => {
          if (pending.delete(requestId)) reject(new DOMException('Aborted', 'AbortError'));
        });
        post({ type: 'query', requestId, query });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    setZones(next) {
      zones = next;
    },
    streams: {
      open: (key, name, format) => post({ type: 'stream-open', key, name, format, ...zones }),
      records: (key, records, rejects) => post({ type: 'stream-records', key, records, rejects }),
      state: (key, state, error) => post({ type: 'stream-state', key, state, error }),
      clear: (key, why) => post({ type: 'stream-clear', key, ...(why === undefined ? {} : { why }) }),
    },
  };
}
