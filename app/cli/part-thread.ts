import { Worker, type MessagePort } from 'node:worker_threads';
import { createIngestPipeline } from '../core/formats/pipeline';
import { DECODE_BATCH_BYTES, pushFileRange, type FilePart, type FileSplit } from './read-file';
import { createSummary, type Summary, type SummaryPart } from './summary';
import type { Classify } from './zone-classifier';

/** What marks a thread of this script as a part thread: it waits for parts to read, one at a time. */
export interface PartThreadData {
  readonly quotalensPartThread: true;
}

/**
 * One part to read: the file, where its part starts and ends (the file's size when the command began), the name
 * its resets are reported under, the zone of zone-less times, and whether its request ids are handed back (a run
 * of several files compares them).
 */
export interface PartJob {
  readonly path: string;
  readonly at: number;
  readonly end: number;
  readonly file: string;
  readonly localOffsetMinutes: number | undefined;
  readonly localZone: string | undefined;
  readonly maxLineBytes: number | undefined;
  readonly compareRequestIds: boolean;
}

export function isPartThreadData(data: unknown): data is PartThreadData {
  return typeof data === 'object' && data !== null && 'quotalensPartThread' in data;
}

/** Starts a part thread from `entry` (this command's own script). */
export function spawnPartThread(entry: URL): Worker {
  const workerData: PartThreadData = { quotalensPartThread: true };
  return new Worker(entry, { workerData });
}

export interface PartThreads {
  /** Reads a large file's second half in the part thread, which sums its events itself: only the sums cross back. */
  split(file: string, summary: Summary, options: Pick<PartJob, 'localOffsetMinutes' | 'localZone' | 'maxLineBytes' | 'compareRequestIds'>): FileSplit<SummaryPart>;
  /** Ends the part thread; the command is done. */
  close(): void;
}

/**
 * `summarize` reads each large file's second half in one part thread, kept from file to file. `prepared` is a
 * part thread started before this script had loaded (by the launcher), so that both load at once: a thread
 * started here would begin reading about 0.1 s after this one.
 */
export function createPartThreads(entry: URL, prepared: Worker | null = null): PartThreads {
  let idle: Worker | null = prepared;
  const take = (): Worker => {
    const worker = idle ?? spawnPartThread(entry);
    idle = null;
    return worker;
  };
  return {
    split: (file, summary, options) => ({
      start: (path, at, end) => {
        const worker = take();
        const job: PartJob = { path, at, end, file, ...options };
        const done = new Promise<Awaited<FilePart<SummaryPart>['done']>>((resolve) => {
          const settle = (message: Awaited<FilePart<SummaryPart>['done']>) => {
            worker.off('message', settle);
            worker.off('error', fail);
            worker.off('exit', fail);
            resolve(message);
          };
          const fail = () => settle(null);
          worker.on('message', settle);
          worker.once('error', fail);
          worker.once('exit', fail);
        });
        worker.postMessage(job);
        return {
          done: done.then((message) => {
            // A thread that failed is not kept: the next part gets a new one.
            if (message !== null && idle === null) idle = worker;
            else void worker.terminate();
            return message;
          }),
          cancel: () => void worker.terminate(),
        };
      },
      join: (events, lineShift) => summary.addPart(events, lineShift),
    }),
    close: () => {
      if (idle !== null) void idle.terminate();
      idle = null;
    },
  };
}

/**
 * The part thread's work: reads each part it is sent from its start to its end (bytes written to the file since
 * are not read), sums the events, hands back the sums.
 */
export function servePartThread(port: MessagePort, classifierFor: (localOffsetMinutes: number | undefined, localZone?: string) => Classify): void {
  let queue = Promise.resolve();
  port.on('message', (job: PartJob) => {
    // A part that cannot be read, or ends before its end (the file was cut short), is answered with null: the
    // main thread then reads it itself and reports why.
    queue = queue.then(() => readPart(job, classifierFor(job.localOffsetMinutes, job.localZone)).catch(() => null)).then((result) => port.postMessage(result));
  });
}

async function readPart({ path, at, end, file, maxLineBytes, compareRequestIds }: PartJob, classify: Classify) {
  const summary = createSummary({ compareRequestIds });
  const pipeline = createIngestPipeline({
    classify, partAt: at, decodeBatchBytes: DECODE_BATCH_BYTES, onEvent: (event) => summary.addEvent(file, event), ...(maxLineBytes === undefined ? {} : { maxLineBytes }),
  });
  await pushFileRange({ pipeline, path, start: at, end });
  const ledger = pipeline.finish();
  return { ledger, firstLine: pipeline.firstLine(), events: summary.partState() };
}
