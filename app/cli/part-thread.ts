import { Worker } from 'node:worker_threads';
import type { Outcome } from '../core/classify/outcome';
import { createIngestPipeline } from '../core/formats/pipeline';
import { pushFileRange, type FilePart, type FileSplit } from './read-file';
import { createSummary, type Summary, type SummaryPart } from './summary';

/** What a part thread is given: the file, where its part starts, and the name its resets are reported under. */
export interface PartThreadData {
  readonly quotalensPart: { readonly path: string; readonly at: number; readonly file: string };
}

export function isPartThreadData(data: unknown): data is PartThreadData {
  return typeof data === 'object' && data !== null && 'quotalensPart' in data;
}

/**
 * `summarize` reads a large file's second half in a thread started from `entry` (this command's own
 * script), which sums its events itself: only the sums cross back, not the events.
 */
export function createThreadSplit(entry: URL, file: string, summary: Summary): FileSplit<SummaryPart> {
  return {
    start: (path, at) => {
      const workerData: PartThreadData = { quotalensPart: { path, at, file } };
      const worker = new Worker(entry, { workerData });
      const done = new Promise<Awaited<FilePart<SummaryPart>['done']>>((resolve) => {
        worker.once('message', (message) => resolve(message));
        worker.once('error', () => resolve(null));
        worker.once('exit', () => resolve(null));
      });
      return { done: done.finally(() => void worker.terminate()), cancel: () => void worker.terminate() };
    },
    join: (events, lineShift) => summary.addPart(events, lineShift),
  };
}

/** The part thread's work: reads from `at` to the end with the pipeline, sums the events, hands back the sums. */
export async function runPartThread({ quotalensPart: { path, at, file } }: PartThreadData, classify: (text: string) => Outcome, post: (message: unknown) => void): Promise<void> {
  const summary = createSummary();
  const pipeline = createIngestPipeline({ classify, partAt: at, onEvent: (event) => summary.addEvent(file, event) });
  await pushFileRange(pipeline, path, at);
  const ledger = pipeline.finish();
  post({ ledger, firstLine: pipeline.firstLine(), events: summary.partState() });
}
