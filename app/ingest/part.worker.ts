/// <reference lib="webworker" />
import { toPartDone } from './part-message';
import { readPart, type PartRequest } from './read-part';

declare const self: DedicatedWorkerGlobalScope;

/** Progress goes to the ingest worker at most four times a second, like its own. */
const PROGRESS_EVERY_MS = 250;

/** Asked by the ingest worker while the page redraws: the read pauses until then. */
export interface PartRest {
  readonly type: 'rest';
  readonly ms: number;
}

let restUntil = 0;
const restMs = () => Math.max(0, restUntil - performance.now());

// Told once loaded: the ingest worker waits for it before reading its own part (see PartRun.ready).
self.postMessage({ type: 'ready' });

self.addEventListener('message', (event: MessageEvent<PartRequest | PartRest>) => {
  if ('type' in event.data) {
    restUntil = performance.now() + event.data.ms;
    return;
  }
  let lastPost = 0;
  void readPart(
    event.data,
    (progress) => {
      const now = performance.now();
      if (now - lastPost < PROGRESS_EVERY_MS) return;
      lastPost = now;
      self.postMessage({ type: 'progress', bytesDone: progress.bytesDone, ledger: progress.ledger });
    },
    undefined,
    restMs,
  )
    .then((result) => {
      const { message, transfer } = toPartDone(result);
      self.postMessage(message, transfer);
    })
    // Whatever went wrong, the ingest worker hears of it and reads the part itself.
    .catch(() => self.postMessage({ type: 'failed' }));
});
