import { createEmptyLedger } from '../core/ledger/ledger';
import { unpackedOrFailed, type PartDone } from './part-message';
import { failedPart, type PartProgress, type PartReader, type PartResult } from './read-part';

type PartMessage = ({ readonly type: 'progress' } & PartProgress) | PartDone | { readonly type: 'failed' };

/** A part worker that has said nothing for this long is taken for lost (it tells its progress four times a second). */
const SILENCE_MS = 30_000;

/** Reads the later part of a source in a worker of its own, so both cores read. */
export function createWorkerPartReader(): PartReader {
  return {
    start: (request) => {
      const worker = new Worker(new URL('./part.worker.ts', import.meta.url), { type: 'module', name: 'quotalens-part' });
      let latest: PartProgress = { bytesDone: 0, ledger: createEmptyLedger() };
      let settle: (result: PartResult) => void = () => undefined;
      let silence: ReturnType<typeof setTimeout> | undefined;
      const done = new Promise<PartResult>((resolve) => {
        settle = (result) => {
          clearTimeout(silence);
          worker.terminate();
          resolve(result);
        };
      });
      // A worker the browser stops without an error event (out of memory) must not leave the reading waiting.
      const listen = () => {
        clearTimeout(silence);
        silence = setTimeout(() => settle(failedPart()), SILENCE_MS);
      };
      worker.addEventListener('message', (event: MessageEvent<PartMessage>) => {
        listen();
        if (event.data.type === 'progress') latest = event.data;
        else settle(event.data.type === 'done' ? unpackedOrFailed(event.data) : failedPart());
      });
      worker.addEventListener('error', () => settle(failedPart()));
      worker.addEventListener('messageerror', () => settle(failedPart()));
      listen();
      worker.postMessage(request);
      return { progress: () => latest, done, cancel: () => settle(failedPart()) };
    },
  };
}
