import { classifyRecord } from '../core/classify/classify';
import { createIngestPipeline, type RecordEncoding } from '../core/formats/pipeline';
import { sniffBytes } from '../core/formats/sniff';
import { chooseSplit, gapStartOf, joinParts, joinPartsAcrossGap, SPLIT_MIN_BYTES } from '../core/formats/split-source';
import { createLineEndCounter } from '../core/formats/terminators';
import type { IngestedEvent } from '../core/formats/types';
import { addLedger, createEmptyLedger } from '../core/ledger/ledger';
import { addNotice } from '../core/ledger/ledger-count';
import { formatCount } from '../core/text/count-text';
import type { Ledger } from '../core/ledger/types';
import { appendEvent, createEventStore, removeSource } from '../core/store';
import { appendStore } from '../core/store/append-store';
import { toClassifyOptions } from '../core/classify/classify-options';
import { EVENTS_CAP, INGEST_LIMITS } from '../core/formats/ingest-limits';
import { fileKeyOf } from '../core/ledger/file-identity';
import type { PartReader, PartResult, PartRun } from './read-part';
import { answerQuery } from './queries';
import type { AddSourceRequest, RereadChange, SourceStatus, WorkerMessage, WorkerRequest } from './protocol';
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
  /** Set while the reading waits for a part read in parallel: ends the wait on cancel or removal. */
  onStop?: (() => void) | undefined;
  /** How its text was decoded (UTF-16 is found in the file itself), so that a record is read again the same way. */
  recordEncoding?: (() => RecordEncoding) | undefined;
}

/** A file or paste: read from its blob, and read again from its request. */
type FileSource = LiveSource & { readonly request: AddSourceRequest };

const STATUS_INTERVAL_MS = 250;
/**
 * Statuses asked for at once go at most this often: each carries every source's status, and 500 files opened
 * together asked for 2,000 of them, which froze the page for a minute as it drew each.
 */
const NOW_GAP_MS = 40;
/**
 * Where the second reader looks for its start, as a share of the file. While the second worker got its part only
 * at this reader's first pause, this reader was given more (0.55). Now that this reader lets the worker load
 * first (see untilReady), both start at once and read at the same pace: in Chromium, 100 MiB of mixed text took
 * 1.75–2.05 s at 0.5 against 2.15–2.24 s at 0.55, 100 MiB NDJSON 0.71–0.78 s against 0.76–0.83 s (four runs
 * each); 0.45 was no better either (NDJSON 0.72–0.80 s against 0.69–0.76 s at 0.5).
 */
const FIRST_PART_SHARE = 0.5;
/**
 * While a large file is read on both cores, this reader leaves its core to the page for this long after
 * sending chart data or a page of events: the redraw that follows (30–40 ms with a core of its own) shared
 * a core with two readers and ran over 50 ms. 100 MiB reads with a long task: 5 of 10 runs without, 2 of 10 with
 * 60 ms. The first redraw of a dropped file's events, the heaviest, still ran over 50 ms at 60 ms: 100 MiB NDJSON
 * and mixed uploads, alternated, tasks over 50 ms in 6 of 20 uploads at 60 ms, 3 of 12 at 90 ms, none of 24 at
 * 120 ms, with the same read times (medians within 2 %).
 */
export const PAGE_RENDER_MS = 120;
/**
 * Bytes read at a time from a gzip file. Each chunk is decompressed and classified before the reader can
 * yield to the page's queries, and 1 MiB of gzip was 34 MiB of NDJSON (0.5 s here): the first chart of a
 * 100 MiB .ndjson.gz came 1.4 s after the upload. 64 KiB of it is about 2 MiB of text.
 */
const GZIP_READ_BYTES = 64 * 1024;

/** The worker's state: the event store, the sources and their ledgers. */
export interface EngineOptions {
  readonly eventsCap?: number;
  /** Reads the second half of a large file in parallel (a worker of its own); null reads every file in one part. */
  readonly partReader?: PartReader | null;
  /** Files from this size on are read in two parts when a partReader is given. */
  readonly splitMinBytes?: number;
  /** Files read at once (see MAX_PARALLEL_READS). */
  readonly maxParallelReads?: number;
}

/**
 * Files read at once; the others wait their turn. Reading more side by side in one worker is no faster, and each
 * read holds its buffers (and a large one a second worker): 500 files dropped at once would all be open together.
 */
export const MAX_PARALLEL_READS = 2;

/** Longest wait for a second reader to load before this one reads on (one loads in about 50 ms). */
const READY_WAIT_MS = 250;

/** Lets a part's reader load and take its part (see PartRun.ready), for at most READY_WAIT_MS. */
async function untilReady(part: PartRun): Promise<void> {
  if (part.ready === undefined) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([part.ready, new Promise<void>((resolve) => (timer = setTimeout(resolve, READY_WAIT_MS)))]);
  clearTimeout(timer);
}

export function createEngine(
  post: (message: WorkerMessage) => void,
  { eventsCap = EVENTS_CAP, partReader = null, splitMinBytes = SPLIT_MIN_BYTES, maxParallelReads = MAX_PARALLEL_READS }: EngineOptions = {},
) {
  const store = createEventStore();
  const sources = new Map<number, LiveSource>();
  let nextSourceId = 1;
  let storeVersion = 0;
  let statusTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the pending status is due, and when the last one went (performance.now()). */
  let statusDueAt = 0;
  let lastPublishAt = -Infinity;
  /** Files being read that take (or may take) both cores, and until when this worker leaves its core to the page (see PAGE_RENDER_MS). */
  let splitReads = 0;
  /**
   * Files being read none of whose events is stored yet, and whether one has been since the last answer: the
   * answer that first carries a file's events is followed by its heaviest redraw (the charts move from the demo's
   * bars to the file's), and this reader rests for it even when it reads alone.
   */
  const awaitingFirstEvents = new Set<number>();
  let firstEventsStored = false;
  let restUntil = 0;
  const restMs = () => Math.max(0, restUntil - performance.now());
  /** Parts read in parallel right now: they rest with this reader (see PAGE_RENDER_MS). */
  const activeParts = new Set<PartRun>();

  const notStored = new Map<number, number>();
  /** Reads under way, and the files waiting for one to end, in the order they came. */
  let reads = 0;
  const readQueue: (() => void)[] = [];

  /**
   * Resolves once the file may be read (true), or as soon as it is cancelled or removed while it waits (false).
   * A file granted its turn holds it until releaseRead().
   */
  function untilReadTurn(live: LiveSource): Promise<boolean> {
    if (reads < maxParallelReads) {
      reads += 1;
      return Promise.resolve(true);
    }
    live.status = { ...live.status, waiting: true };
    return new Promise<boolean>((resolve) => {
      const turn = () => {
        live.onStop = undefined;
        reads += 1;
        resolve(true);
      };
      readQueue.push(turn);
      live.onStop = () => {
        live.onStop = undefined;
        const at = readQueue.indexOf(turn);
        if (at >= 0) readQueue.splice(at, 1);
        resolve(false);
      };
    }).finally(() => {
      const { waiting: _waiting, ...status } = live.status;
      live.status = status;
    });
  }

  function releaseRead() {
    reads -= 1;
    readQueue.shift()?.();
  }

  /**
   * Every event goes through here: past the events cap it is counted per source, never silently dropped. An
   * event of a source removed is not kept: a reader stopped by the removal still hands over what it held (a
   * Claude Code incident whose retries it was folding), which stayed in the store with no source to show it.
   */
  function storeEvent(event: IngestedEvent, sourceId: number) {
    if (!sources.has(sourceId)) return;
    if (store.size >= eventsCap) {
      notStored.set(sourceId, (notStored.get(sourceId) ?? 0) + 1);
      return;
    }
    appendEvent(store, event, sourceId);
    storeVersion += 1;
    if (awaitingFirstEvents.size > 0 && awaitingFirstEvents.delete(sourceId)) firstEventsStored = true;
  }

  function publishStatus() {
    statusTimer = null;
    lastPublishAt = performance.now();
    const updatedAt = Date.now();
    const statuses = [...sources.values()].map((live) => {
      if (live.progress) live.status = { ...live.status, ...live.progress() };
      const { status } = live;
      const eventsNotStored = notStored.get(status.id) ?? 0;
      return { ...status, updatedAt, ...(eventsNotStored > 0 ? { eventsNotStored } : {}) };
    });
    post({ type: 'sources', sources: statuses, storeVersion, storeEpoch: store.epoch });
  }
  /**
   * Progress and chart updates are coalesced to at most four a second, whatever the event rate. A change the page
   * should show now (a file added, started, ended) is sent within NOW_GAP_MS; only the first lines of a large file
   * go at once.
   */
  function schedulePublish(urgency: boolean | 'at-once' = false) {
    const now = performance.now();
    const due = urgency === 'at-once' ? now : urgency ? Math.max(now, lastPublishAt + NOW_GAP_MS) : now + STATUS_INTERVAL_MS;
    // Due now: sent now, whatever timer waits (a read that does not yield to timers would hold it back).
    if (due <= now || (statusTimer !== null && statusDueAt <= now)) {
      if (statusTimer !== null) clearTimeout(statusTimer);
      return publishStatus();
    }
    if (statusTimer !== null && statusDueAt <= due) return;
    if (statusTimer !== null) clearTimeout(statusTimer);
    statusDueAt = due;
    statusTimer = setTimeout(publishStatus, due - now);
  }

  async function addSource(request: AddSourceRequest) {
    const id = nextSourceId++;
    const blob = request.payload.kind === 'file' ? request.payload.file : new Blob([request.payload.text]);
    const live: FileSource = {
      cancelled: false,
      blob,
      request,
      status: {
        id, name: request.name, kind: request.kind, state: 'reading', sizeBytes: blob.size, bytesDone: 0,
        startedAt: Date.now(), finishedAt: null, error: null, ledger: createEmptyLedger(), localOffsetMinutes: request.localOffsetMinutes,
        ...(request.payload.kind === 'file' ? { fileKey: fileKeyOf(request.payload.file) } : {}),
        ...(request.textEncoding === undefined ? {} : { textEncoding: request.textEncoding }),
        ...(request.maxLineBytes === undefined ? {} : { maxLineBytes: request.maxLineBytes }),
        ...(request.localZone === undefined ? {} : { localZone: request.localZone }),
      },
    };
    sources.set(id, live);
    const turn = untilReadTurn(live);
    schedulePublish(true);
    const hasTurn = await turn;
    // A read's turn is given back whatever happens, or every later file would wait for good.
    try {
      await readSource(id, live, blob, hasTurn);
    } finally {
      if (hasTurn) releaseRead();
    }
  }

  /** Reads a source whose turn came; one cancelled or removed while it waited ends with nothing read. */
  async function readSource(id: number, live: FileSource, blob: Blob, hasTurn: boolean) {
    const { request } = live;
    const classifyOptions = toClassifyOptions(request);
    const pipeline = createIngestPipeline({
      classify: (text: string) => classifyRecord(text, classifyOptions),
      sourceBytes: blob.size,
      onEvent: (event: IngestedEvent) => storeEvent(event, id),
      textEncoding: request.textEncoding,
      ...(request.maxLineBytes === undefined ? {} : { maxLineBytes: request.maxLineBytes }),
    });
    live.recordEncoding = () => pipeline.textDecoding();
    const isStopped = () => live.cancelled || !sources.has(id);
    let bytesDone = 0;
    /** The last byte read: a CR there ends its line only with the byte after it. */
    let lastByte = -1;
    let part: PartRun | null = null;
    let ledger: Ledger | null = null;
    /** The second part's reading was joined to the first's: the source was read on two cores. */
    let joined = false;
    /** The reading ended: the final status, and no more progress snapshots. */
    const end = (patch: Partial<SourceStatus>) => {
      if (part !== null) activeParts.delete(part);
      part?.cancel();
      live.progress = undefined;
      const { stopping: _stopping, ...status } = live.status;
      live.status = withReaders({ ...status, ...patch, bytesDone, ledger: ledger ?? pipeline.ledger() }, joined ? 2 : 1);
    };
    /** The second part joined after the first: the source's ledger, its bytes read, and the part's events. */
    const keepPart = (rest: PartResult, join: { readonly ledger: Ledger; readonly lineShift: number }, readBytes: number) => {
      ledger = join.ledger;
      joined = true;
      bytesDone = readBytes;
      appendPart(rest, join.lineShift, id);
    };
    live.progress = () => {
      if (part === null) return { bytesDone, ledger: pipeline.ledger() };
      // The rest's lines are numbered from its own start until the parts are joined, and the lines before it are
      // not all counted yet: its counts are added, its line numbers (examples, caveat lines) only once joined.
      const rest = part.progress();
      const sum = pipeline.ledger();
      addLedger(sum, { ...rest.ledger, examples: {}, flagLines: {} }, sum.lines);
      return { bytesDone: bytesDone + rest.bytesDone, ledger: sum };
    };
    let readOptions: Parameters<typeof readBlobInChunks>[3] = { restMs };
    const read = (from: Blob) =>
      readBlobInChunks(
        from,
        (chunk) => {
          pipeline.push(chunk);
          const isFirst = bytesDone === 0;
          bytesDone += chunk.byteLength;
          lastByte = chunk[chunk.byteLength - 1] ?? lastByte;
          // The first lines of a large file are shown at once (they took 0.5 s to appear on a 100 MiB file); then at
          // most four statuses a second, as for every source. A file read in one chunk is soon done: its end says it.
          schedulePublish(isFirst ? (bytesDone < from.size ? 'at-once' : true) : false);
        },
        isStopped,
        readOptions,
      );
    if (!hasTurn || isStopped()) {
      // Cancelled or removed while it waited: nothing was read, and the ledger says so.
      pipeline.cancel(blob.size);
      end({ state: 'cancelled', finishedAt: Date.now() });
      if (sources.has(id)) schedulePublish(true);
      return;
    }
    // Its rate counts from here, not from when it was added; its row stops saying it waits at once.
    live.status = { ...live.status, startedAt: Date.now() };
    schedulePublish(true);
    const mayUseBothCores = partReader !== null && blob.size >= splitMinBytes;
    if (mayUseBothCores) splitReads += 1;
    if (request.kind !== 'demo') awaitingFirstEvents.add(id);
    try {
      if (await isGzip(blob)) {
        pipeline.sourceIsGzip();
        readOptions = { restMs, bufferBytes: GZIP_READ_BYTES };
        live.status = { ...live.status, compressed: 'gzip' };
      }
      const at = partReader === null ? null : await chooseSplit(blob.size, readBytes(blob), { share: FIRST_PART_SHARE, minBytes: splitMinBytes });
      if (at !== null && partReader !== null && !isStopped()) {
        part = partReader.start({
          blob: blob.slice(at), at, sourceId: id, eventsCap, localOffsetMinutes: request.localOffsetMinutes, providerOffsetMinutes: request.providerOffsetMinutes,
          textEncoding: request.textEncoding,
          ...(request.maxLineBytes === undefined ? {} : { maxLineBytes: request.maxLineBytes }),
          ...(request.localZone === undefined ? {} : { localZone: request.localZone }),
        });
        live.status = withReaders(live.status, 2);
        activeParts.add(part);
        await untilReady(part);
      }
      let outcome = await read(at === null || part === null ? blob : blob.slice(0, at));
      let droppedAhead: { at: number; bytes: number } | null = null;
      if (outcome === 'cancelled' && part !== null && at !== null) {
        // Cancelled before the first part reached the second: the second reader stops where it is, and what it read
        // is kept, its lines numbered after the line ends of the bytes between the two, counted without reading them.
        const rest = live.cancelled && sources.has(id) ? await stopPart(part) : null;
        const gapFrom = gapStartOf(bytesDone, lastByte);
        // A gap too long to scan at once (a Cancel early in a read of gigabytes) is not waited for: the part is dropped.
        const isCountable = rest !== null && rest.state !== 'failed' && at - gapFrom <= GAP_COUNT_MAX_BYTES;
        const gapLineEnds = isCountable ? await countLineEnds(blob.slice(gapFrom, at), () => !sources.has(id)) : null;
        if (rest !== null && gapLineEnds !== null) {
          const join = joinPartsAcrossGap(pipeline, rest, { cut: bytesDone, at, restBytesRead: rest.bytesRead, sourceBytes: blob.size, gapLineEnds });
          activeParts.delete(part);
          part = null;
          keepPart(rest, join, bytesDone + rest.bytesRead);
        } else {
          // Removed, the second reader could not stop or failed, or the gap was too long: what it read is dropped, and
          // the ledger says so.
          droppedAhead = { at, bytes: rest !== null && rest.state !== 'failed' ? rest.bytesRead : part.progress().bytesDone };
        }
      }
      if (outcome === 'done' && part !== null) {
        // A Cancel or Remove that came during this reader's last read is seen here: the read ends as 'done'.
        let rest = isStopped() ? null : await untilStopped(part.done, live);
        // Cancelled while only the second part is still read: it stops where it is, and what it read is kept, its
        // lines numbered after the first part's, which was read whole.
        if (rest === null && live.cancelled && sources.has(id)) rest = await stopPart(part);
        // Removed, or its reader did not answer the stop: it stops too (it read on to its end), and is dropped.
        if (rest === null) {
          droppedAhead = { at: at ?? 0, bytes: part.progress().bytesDone };
          part.cancel();
        }
        activeParts.delete(part);
        part = null;
        const join = rest === null || rest.state === 'failed' ? null : joinParts(pipeline, rest);
        if (rest === null) outcome = 'cancelled';
        else if (join !== null) {
          keepPart(rest, join, (at ?? 0) + rest.bytesRead);
          if (rest.state === 'stopped') outcome = 'cancelled';
        } else if (rest.state === 'stopped') {
          // The split fell inside a record, so the part's lines are not the source's: dropped, as above.
          droppedAhead = { at: at ?? 0, bytes: rest.bytesRead };
          outcome = 'cancelled';
        } else {
          // The part failed, or the split fell inside a record: this reader reads the rest, as if alone.
          live.status = withReaders(live.status, 1);
          outcome = await read(blob.slice(at ?? 0));
        }
      }
      if (ledger === null) {
        if (outcome === 'cancelled') pipeline.cancel(blob.size - bytesDone);
        else pipeline.finish();
      }
      if (droppedAhead !== null && droppedAhead.bytes > 0) {
        ledger = pipeline.ledger();
        addNotice(ledger, droppedAheadNotice(droppedAhead));
      }
      end({ state: outcome === 'cancelled' ? 'cancelled' : 'done', finishedAt: Date.now() });
    } catch (error) {
      pipeline.fail('file_unreadable', blob.size - bytesDone);
      end({ state: 'failed', finishedAt: Date.now(), error: describeReadError(error) });
    }
    if (mayUseBothCores) splitReads -= 1;
    awaitingFirstEvents.delete(id);
    if (sources.has(id)) schedulePublish(true);
  }

  /** A source's events leave the store, and with them its count of events past the cap. */
  function dropEvents(sourceId: number) {
    removeSource(store, sourceId);
    notStored.delete(sourceId);
    storeVersion += 1;
  }

  /** The events of a later part, after the events before it, up to the events cap. */
  function appendPart(rest: PartResult, lineShift: number, sourceId: number) {
    if (!sources.has(sourceId)) return;
    const appended = appendStore(store, rest.store, { lineShift, limit: eventsCap - store.size });
    const dropped = rest.notStored + rest.store.size - appended;
    if (dropped > 0) notStored.set(sourceId, (notStored.get(sourceId) ?? 0) + dropped);
    storeVersion += 1;
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
    removeEvents: dropEvents,
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
          if (live) {
            live.cancelled = true;
            live.onStop?.();
            // Said at once: ending a read on two cores can take a moment (see readSource).
            if (live.request !== undefined && live.status.state === 'reading' && live.status.waiting === undefined) {
              live.status = { ...live.status, stopping: true };
              schedulePublish(true);
            }
          }
          return;
        }
        case 'remove':
          sources.get(request.sourceId)?.onStop?.();
          if (sources.delete(request.sourceId)) {
            dropEvents(request.sourceId);
            schedulePublish(true);
          }
          return;
        case 'reread': {
          const live = sources.get(request.sourceId);
          if (!live?.request || live.status.state === 'reading') return;
          sources.delete(request.sourceId);
          dropEvents(request.sourceId);
          void addSource(rereadRequest(live.request, request));
          return;
        }
        case 'query':
          answerQuery({ store, sources: new Map([...sources].map(([id, s]) => [id, { blob: s.blob, name: s.status.name, encoding: s.recordEncoding?.() }])), query: request.query })
            .then((data) => {
              post({ type: 'reply', requestId: request.requestId, ok: true, data });
              if (request.query.kind !== 'dashboard' && request.query.kind !== 'events') return;
              const isFirstRedraw = request.query.kind === 'dashboard' && firstEventsStored;
              if (isFirstRedraw) firstEventsStored = false;
              if (splitReads > 0 || isFirstRedraw) {
                restUntil = performance.now() + PAGE_RENDER_MS;
                for (const part of activeParts) part.rest?.(PAGE_RENDER_MS);
              }
            })
            .catch((error: unknown) =>
              post({ type: 'reply', requestId: request.requestId, ok: false, error: error instanceof Error ? error.message : String(error) }),
            );
      }
    },
  };
}

/** The request a source is read again with: its own, changed as asked (a change left out keeps what it was). */
function rereadRequest(previous: AddSourceRequest, change: RereadChange): AddSourceRequest {
  const { textEncoding: _previousEncoding, maxLineBytes: _previousCap, localZone: _previousZone, ...rest } = previous;
  const localOffsetMinutes = change.localOffsetMinutes === undefined ? previous.localOffsetMinutes : change.localOffsetMinutes;
  // A named zone holds until an offset or the viewer's zone is chosen in its place.
  const localZone = change.localZone ?? (change.localOffsetMinutes === undefined ? previous.localZone : undefined);
  const textEncoding = change.textEncoding === undefined ? previous.textEncoding : change.textEncoding === 'gb18030' ? 'gb18030' : undefined;
  const cap = change.maxLineBytes ?? previous.maxLineBytes;
  // The default cap is no choice: a source read again with it is read as one never changed.
  const maxLineBytes = cap === undefined || cap === INGEST_LIMITS.maxLineBytes ? undefined : cap;
  return {
    ...rest, localOffsetMinutes,
    ...(textEncoding === undefined ? {} : { textEncoding }), ...(maxLineBytes === undefined ? {} : { maxLineBytes }), ...(localZone === undefined ? {} : { localZone }),
  };
}

/** The status saying how many workers read the file: 'read on 2 cores' is shown only for 2. */
function withReaders({ readers: _readers, ...status }: SourceStatus, readers: 1 | 2): SourceStatus {
  return readers === 2 ? { ...status, readers } : status;
}

const readBytes = (blob: Blob) => async (offset: number, length: number) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());

const isGzip = async (blob: Blob) => sniffBytes(await readBytes(blob)(0, 3)).kind === 'gzip';

/** How long a Cancel waits for a second reader to stop and say what it read (it stops within a chunk's read). */
const PART_STOP_WAIT_MS = 2000;

/** Asks a second reader to stop where it is: what it read, or null when it cannot stop or has not said within PART_STOP_WAIT_MS. */
async function stopPart(part: PartRun): Promise<PartResult | null> {
  if (part.stop === undefined) return null;
  part.stop();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), PART_STOP_WAIT_MS);
  });
  try {
    return await Promise.race([part.done, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The longest gap between the two parts a Cancel scans for its line ends, so that a Cancel settles within about two
 * seconds: in Chromium a 300 MiB file cancelled early, 120 MiB between the parts, settled in 0.9 s.
 */
const GAP_COUNT_MAX_BYTES = 256 * 1024 * 1024;

/**
 * The line ends of bytes no one reads, counted (scanned, not decoded) to number the lines after them; null if stopped,
 * or if the file can no longer be read (changed since it was picked): the Cancel then drops the part, not the read.
 */
async function countLineEnds(bytes: Blob, isStopped: () => boolean): Promise<number | null> {
  const counter = createLineEndCounter();
  try {
    const outcome = await readBlobInChunks(bytes, (chunk) => counter.push(chunk), isStopped);
    return outcome === 'done' ? counter.count() : null;
  } catch {
    return null;
  }
}

/** The part's result, or null as soon as the source is cancelled or removed while it is awaited. */
async function untilStopped(done: Promise<PartResult>, live: LiveSource): Promise<PartResult | null> {
  const stopped = new Promise<null>((resolve) => {
    live.onStop = () => resolve(null);
  });
  try {
    return await Promise.race([done, stopped]);
  } finally {
    live.onStop = undefined;
  }
}

/**
 * What a Cancel discarded of a read on two cores, when what the second reader read could not be kept (the source was
 * removed, the reader could not stop, the gap was too long to count or the split fell inside a record). droppedAheadNotice({ at: 78_643_200, bytes: 31_457_280 }) ->
 * 'cancelled while a second core was reading ahead: the 31,457,280 bytes it read from byte 78,643,200 were discarded and count as not read'
 */
export function droppedAheadNotice({ at, bytes }: { readonly at: number; readonly bytes: number }): string {
  return `cancelled while a second core was reading ahead: the ${formatCount(bytes)} bytes it read from byte ${formatCount(at)} were discarded and count as not read`;
}

function describeReadError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotReadableError' || name === 'NotFoundError') return 'The file could not be read: it was changed, moved or deleted after it was picked.';
  return `The file could not be read: ${error instanceof Error ? error.message : String(error)}`;
}
