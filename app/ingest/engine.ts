import { classifyRecord } from '../core/classify/classify';
import type { ClassifyOptions } from '../core/classify/outcome';
import { createIngestPipeline } from '../core/formats/pipeline';
import type { IngestedEvent } from '../core/formats/types';
import { createEmptyLedger } from '../core/ledger/ledger';
import { appendEvent, createEventStore, removeSource } from '../core/store';
import { answerQuery } from './queries';
import type { AddSourceRequest, SourceStatus, WorkerMessage, WorkerRequest } from './protocol';
import { readBlobInChunks } from './read-blob';
import { createStreamSources } from './streams/stream-sources';

interface LiveSource {
  status: SourceStatus;
  cancelled: boolean;
  /** Kept so a record can be re-read by its byte offset for the detail pane; raw text is never stored. Null for a stream. */
  readonly blob: Blob | null;
  /** How a file or paste was added, so it can be read again with another zone for zone-less stamps. */
  readonly request?: AddSourceRequest;
  /** While a file is read: its progress and ledger so far, taken only when a status is published (not per chunk). */
  progress?: (() => Pick<SourceStatus, 'bytesDone' | 'ledger'>) | undefined;
}

const STATUS_INTERVAL_MS = 250;
/** Events the page keeps for charts and tables (about 60 bytes each in the columnar store). */
export const EVENTS_CAP = 5_000_000;

/** The worker's state: the event store, the sources and their ledgers. */
export function createEngine(post: (message: WorkerMessage) => void, { eventsCap = EVENTS_CAP }: { readonly eventsCap?: number } = {}) {
  const store = createEventStore();
  const sources = new Map<number, LiveSource>();
  let nextSourceId = 1;
  let storeVersion = 0;
  let statusTimer: ReturnType<typeof setTimeout> | null = null;

  const notStored = new Map<number, number>();

  /** Every event goes through here: past the events cap it is counted per source, never silently dropped. */
  function storeEvent(event: IngestedEvent, sourceId: number) {
    if (store.size >= eventsCap) {
      notStored.set(sourceId, (notStored.get(sourceId) ?? 0) + 1);
      return;
    }
    appendEvent(store, event, sourceId);
    storeVersion += 1;
  }

  function publishStatus() {
    statusTimer = null;
    const updatedAt = Date.now();
    const statuses = [...sources.values()].map((live) => {
      if (live.progress) live.status = { ...live.status, ...live.progress() };
      const { status } = live;
      const eventsNotStored = notStored.get(status.id) ?? 0;
      return { ...status, updatedAt, ...(eventsNotStored > 0 ? { eventsNotStored } : {}) };
    });
    post({ type: 'sources', sources: statuses, storeVersion });
  }
  // Progress and chart updates are coalesced to at most four a second, whatever the event rate.
  function schedulePublish(now = false) {
    if (now) {
      if (statusTimer !== null) clearTimeout(statusTimer);
      publishStatus();
    } else if (statusTimer === null) statusTimer = setTimeout(publishStatus, STATUS_INTERVAL_MS);
  }

  async function addSource(request: AddSourceRequest) {
    const id = nextSourceId++;
    const blob = request.payload.kind === 'file' ? request.payload.file : new Blob([request.payload.text]);
    const live: LiveSource = {
      cancelled: false,
      blob,
      request,
      status: {
        id, name: request.name, kind: request.kind, state: 'reading', sizeBytes: blob.size, bytesDone: 0,
        startedAt: Date.now(), finishedAt: null, error: null, ledger: createEmptyLedger(), localOffsetMinutes: request.localOffsetMinutes,
      },
    };
    sources.set(id, live);
    schedulePublish(true);
    const classifyOptions = toClassifyOptions(request);
    const pipeline = createIngestPipeline({
      classify: (text: string) => classifyRecord(text, classifyOptions),
      sourceBytes: blob.size,
      onEvent: (event: IngestedEvent) => storeEvent(event, id),
    });
    /** The reading ended: the final status, and no more progress snapshots. */
    const end = (patch: Partial<SourceStatus>) => {
      live.progress = undefined;
      live.status = { ...live.status, ...patch, bytesDone, ledger: pipeline.ledger() };
    };
    let bytesDone = 0;
    live.progress = () => ({ bytesDone, ledger: pipeline.ledger() });
    try {
      const outcome = await readBlobInChunks(
        blob,
        (chunk) => {
          pipeline.push(chunk);
          bytesDone += chunk.byteLength;
          schedulePublish();
        },
        () => live.cancelled || !sources.has(id),
      );
      if (outcome === 'cancelled') pipeline.cancel(blob.size - bytesDone);
      else pipeline.finish();
      end({ state: outcome === 'cancelled' ? 'cancelled' : 'done', finishedAt: Date.now() });
    } catch (error) {
      pipeline.fail('file_unreadable', blob.size - bytesDone);
      end({ state: 'failed', finishedAt: Date.now(), error: describeReadError(error) });
    }
    if (sources.has(id)) schedulePublish(true);
  }

  const streams = createStreamSources({
    allocateId: () => nextSourceId++,
    getStatus: (id) => sources.get(id)?.status,
    setStatus: (id, status) => {
      const live = sources.get(id);
      if (live) live.status = status;
      else sources.set(id, { status, cancelled: false, blob: null });
    },
    appendEvent: storeEvent,
    removeEvents: (id) => {
      removeSource(store, id);
      storeVersion += 1;
    },
    publish: (immediate) => schedulePublish(immediate),
  });

  return {
    handle(request: WorkerRequest) {
      switch (request.type) {
        case 'stream-open':
        case 'stream-records':
        case 'stream-state':
        case 'stream-clear':
          streams.handle(request);
          return;
        case 'add-source':
          void addSource(request);
          return;
        case 'cancel': {
          const live = sources.get(request.sourceId);
          if (live) live.cancelled = true;
          return;
        }
        case 'remove':
          if (sources.delete(request.sourceId)) {
            removeSource(store, request.sourceId);
            storeVersion += 1;
            schedulePublish(true);
          }
          return;
        case 'reread': {
          const live = sources.get(request.sourceId);
          if (!live?.request || live.status.state === 'reading') return;
          sources.delete(request.sourceId);
          removeSource(store, request.sourceId);
          storeVersion += 1;
          void addSource({ ...live.request, localOffsetMinutes: request.localOffsetMinutes });
          return;
        }
        case 'query':
          answerQuery({ store, sources: new Map([...sources].map(([id, s]) => [id, { blob: s.blob, name: s.status.name }])), query: request.query })
            .then((data) => post({ type: 'reply', requestId: request.requestId, ok: true, data }))
            .catch((error: unknown) =>
              post({ type: 'reply', requestId: request.requestId, ok: false, error: error instanceof Error ? error.message : String(error) }),
            );
      }
    },
  };
}

function toClassifyOptions(request: AddSourceRequest): ClassifyOptions {
  const local = request.localOffsetMinutes;
  return {
    providerOffsetMinutes: request.providerOffsetMinutes,
    // The worker runs in the viewer's zone, so "the viewer's zone" is the runtime's own, DST included.
    localOffsetMinutes: local === null ? (wallTime: number) => -new Date(wallTime).getTimezoneOffset() : () => local,
  };
}

function describeReadError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotReadableError' || name === 'NotFoundError') return 'The file could not be read: it was changed, moved or deleted after it was picked.';
  return `The file could not be read: ${error instanceof Error ? error.message : String(error)}`;
}
