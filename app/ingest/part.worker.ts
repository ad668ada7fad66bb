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

/** Asked by the ingest worker when its source is cancelled: the read ends where it is, and says what it read. */
export interface PartStop {
  readonly type: 'stop';
}

let restUntil = 0;
let isStopped = false;
const restMs = () => Math.max(0, restUntil - performance.now());

// Told once loaded: the ingest worker waits for it before reading its own part (see PartRun.ready).
self.postMessage({ type: 'ready' });

self.addEventListener('message', (event: MessageEvent<PartRequest | PartRest | PartStop>) => {
  if ('type' in event.data) {
    if (event.data.type === 'stop') isStopped = true;
    else restUntil = performance.now() + event.data.ms;
    return;
  }
  isStopped = false;
  let lastPost = 0;
  void readPart(
    event.data,
    (progress) => {
      const now = performance.now();
      if (now - lastPost < PROGRESS_EVERY_MS) return;
      lastPost = now;
      self.postMessage({ type: 'progress', bytesDone: progress.bytesDone, ledger: progress.ledger });
    },
    () => isStopped,
    restMs,
  )
    .then((result) => {
      const { message, transfer } = toPartDone(result);
      self.postMessage(message, transfer);
    })
    // Whatever went wrong, the ingest worker hears of it and reads the part itself.
    .catch(() => self.postMessage({ type: 'failed' }));
});
