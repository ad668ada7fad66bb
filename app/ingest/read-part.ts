import { classifyRecord } from '../core/classify/classify';
import { createIngestPipeline, type FirstLine } from '../core/formats/pipeline';
import { createEmptyLedger } from '../core/ledger/ledger';
import type { Ledger } from '../core/ledger/types';
import { appendEvent, createEventStore, type EventStore } from '../core/store';
import { toClassifyOptions } from '../core/classify/classify-options';
import { readBlobInChunks } from './read-blob';

/** The later part of a source, read on its own while the part before it is read elsewhere. */
export interface PartRequest {
  /** The bytes from `at` to the end of the source. */
  readonly blob: Blob;
  readonly at: number;
  readonly sourceId: number;
  /** Events kept at most (the rest are counted in `notStored`). */
  readonly eventsCap: number;
  readonly localOffsetMinutes: number | null;
  /** As the source's (see AddSourceRequest.textEncoding). */
  readonly textEncoding?: 'gb18030' | undefined;
  /** As the source's (see AddSourceRequest.localZone). */
  readonly localZone?: string | undefined;
  /** As the source's (see AddSourceRequest.maxLineBytes). */
  readonly maxLineBytes?: number | undefined;
  readonly providerOffsetMinutes: number;
}

export interface PartProgress {
  readonly bytesDone: number;
  readonly ledger: Ledger;
}

export interface PartResult {
  /**
   * 'failed' when the part could not be read: the reader of the part before then reads it itself. 'stopped' when
   * its reader was asked to stop (PartRun.stop): what it read up to there, the rest of the part counted as cancelled.
   */
  readonly state: 'done' | 'stopped' | 'failed';
  /** The part's bytes read. */
  readonly bytesRead: number;
  readonly ledger: Ledger;
  readonly firstLine: FirstLine | null;
  readonly store: EventStore;
  readonly notStored: number;
}

/** Reads a part in parallel (a worker of its own in the page); `cancel` stops it, its result then unused. */
export interface PartRun {
  progress(): PartProgress;
  /** Asks the part's reader to end where it is: `done` then settles 'stopped' with what it read (a Cancel keeps it). */
  stop?(): void;
  /** Asks the part's reader to leave its core to the page for `ms` (see the engine's PAGE_RENDER_MS). */
  rest?(ms: number): void;
  readonly done: Promise<PartResult>;
  cancel(): void;
  /**
   * Settles once the part's reader has loaded and can take the part (at once when it had). A worker's request
   * waits until the worker has loaded, and that is told to the worker that started it: the starter must let it
   * through before reading, or its part starts at the starter's first pause (0.1 s in).
   */
  readonly ready?: Promise<void>;
}

export interface PartReader {
  start(request: PartRequest): PartRun;
}

export const failedPart = (): PartResult => ({ state: 'failed', bytesRead: 0, ledger: createEmptyLedger(), firstLine: null, store: createEventStore(), notStored: 0 });

/**
 * Reads the part into an event store of its own, telling its progress along the way. Once `isStopped` is true, it
 * ends where it is, with what it read ('stopped').
 */
export async function readPart(request: PartRequest, onProgress: (progress: PartProgress) => void, isStopped = () => false, restMs = () => 0): Promise<PartResult> {
  const options = toClassifyOptions(request);
  const store = createEventStore();
  let notStored = 0;
  const pipeline = createIngestPipeline({
    classify: (text) => classifyRecord(text, options),
    partAt: request.at,
    textEncoding: request.textEncoding,
    ...(request.maxLineBytes === undefined ? {} : { maxLineBytes: request.maxLineBytes }),
    onEvent: (event) => {
      if (store.size < request.eventsCap) appendEvent(store, event, request.sourceId);
      else notStored += 1;
    },
  });
  let bytesDone = 0;
  try {
    const outcome = await readBlobInChunks(
      request.blob,
      (chunk) => {
        pipeline.push(chunk);
        bytesDone += chunk.length;
        onProgress({ bytesDone, get ledger() { return pipeline.ledger(); } });
      },
      isStopped,
      { restMs },
    );
    if (outcome === 'cancelled') {
      const ledger = pipeline.cancel(request.blob.size - bytesDone);
      return { state: 'stopped', bytesRead: bytesDone, ledger, firstLine: pipeline.firstLine(), store, notStored };
    }
  } catch {
    return failedPart();
  }
  return { state: 'done', bytesRead: bytesDone, ledger: pipeline.finish(), firstLine: pipeline.firstLine(), store, notStored };
}
