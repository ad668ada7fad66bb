import { createEmptyLedger } from '../core/ledger/ledger';
import { unpackedOrFailed, type PartDone } from './part-message';
import type { PartRest, PartStop } from './part.worker';
import { failedPart, type PartProgress, type PartReader, type PartResult } from './read-part';

type PartMessage = ({ readonly type: 'progress' } & PartProgress) | PartDone | { readonly type: 'failed' } | { readonly type: 'ready' };

/** What the reader needs of a Worker (a test gives a fake). */
export type PartWorker = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener' | 'removeEventListener'>;

/** A part worker that has said nothing for this long is taken for lost (it tells its progress four times a second). */
const SILENCE_MS = 30_000;

const spawnPartWorker = (): PartWorker => new Worker(new URL('./part.worker.ts', import.meta.url), { type: 'module', name: 'quotalens-part' });

/**
 * A worker is kept only after parts up to this size. What a part leaves on the worker's heap waits for the
 * collector until the worker has been idle for a while (about 10 s in Chromium): after the second half of a
 * 1 GiB file that was 110 MiB, while a new worker costs a large file little of its time.
 */
const KEEP_AFTER_BYTES_MAX = 256 * 1024 * 1024;

/**
 * Reads the later part of a source in a worker of its own, so both cores read. A worker that read its part
 * to the end (and not too large, see KEEP_AFTER_BYTES_MAX) is kept for the next large file: V8 has compiled
 * the reading code in it by then, and in a new worker that compiling takes a core's worth of time in the
 * first second of a read. One worker is kept; a part read while it is busy gets a worker of its own. A worker
 * that failed, went silent or whose part was cancelled is stopped. No worker is started ahead of a part: one
 * started a second after a read and left waiting read its half more slowly than one started with the file (100 MiB
 * NDJSON uploaded after 3 s on the page: medians 0.91 and 0.83 s, nine runs each).
 */
export function createWorkerPartReader(spawn: () => PartWorker = spawnPartWorker, keepAfterBytesMax = KEEP_AFTER_BYTES_MAX): PartReader {
  let idle: PartWorker | null = null;
  /** Per worker, settled when it said it had loaded (or failed to). */
  const loaded = new WeakMap<PartWorker, Promise<void>>();
  const spawnWatched = (): PartWorker => {
    const worker = spawn();
    loaded.set(worker, new Promise<void>((resolve) => {
      const settle = () => {
        worker.removeEventListener('message', settle);
        worker.removeEventListener('error', settle);
        resolve();
      };
      worker.addEventListener('message', settle);
      worker.addEventListener('error', settle);
    }));
    return worker;
  };
  return {
    start: (request) => {
      const worker = idle ?? spawnWatched();
      idle = null;
      let latest: PartProgress = { bytesDone: 0, ledger: createEmptyLedger() };
      let settled = false;
      let resolveDone: (result: PartResult) => void = () => undefined;
      let silence: ReturnType<typeof setTimeout> | undefined;
      const done = new Promise<PartResult>((resolve) => {
        resolveDone = resolve;
      });
      const onMessage = (event: MessageEvent<PartMessage>) => {
        listen();
        if (event.data.type === 'ready') return;
        if (event.data.type === 'progress') latest = event.data;
        else if (event.data.type === 'done') settle(unpackedOrFailed(event.data));
        else settle(failedPart());
      };
      const onError = () => settle(failedPart());
      function settle(result: PartResult) {
        if (settled) return;
        settled = true;
        clearTimeout(silence);
        worker.removeEventListener('message', onMessage as EventListener);
        worker.removeEventListener('error', onError);
        worker.removeEventListener('messageerror', onError);
        if (result.state === 'done' && idle === null && request.blob.size <= keepAfterBytesMax) idle = worker;
        else worker.terminate();
        resolveDone(result);
      }
      // A worker the browser stops without an error event (out of memory) must not leave the reading waiting.
      function listen() {
        clearTimeout(silence);
        silence = setTimeout(() => settle(failedPart()), SILENCE_MS);
      }
      worker.addEventListener('message', onMessage as EventListener);
      worker.addEventListener('error', onError);
      worker.addEventListener('messageerror', onError);
      listen();
      worker.postMessage(request);
      return {
        progress: () => latest,
        done,
        cancel: () => settle(failedPart()),
        stop: () => {
          if (!settled) worker.postMessage({ type: 'stop' } satisfies PartStop);
        },
        rest: (ms) => {
          if (!settled) worker.postMessage({ type: 'rest', ms } satisfies PartRest);
        },
        ready: loaded.get(worker) ?? Promise.resolve(),
      };
    },
  };
}
