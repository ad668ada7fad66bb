import { createEmptyLedger } from '../core/ledger/ledger';
import { failedPart, type PartProgress, type PartReader, type PartResult } from './read-part';

type PartMessage = ({ readonly type: 'progress' } & PartProgress) | { readonly type: 'done'; readonly result: PartResult };

/** Reads the later part of a source in a worker of its own, so both cores read. */
export function createWorkerPartReader(): PartReader {
  return {
    start: (request) => {
      const worker = new Worker(new URL('./part.worker.ts', import.meta.url), { type: 'module', name: 'quotalens-part' });
      let latest: PartProgress = { bytesDone: 0, ledger: createEmptyLedger() };
      let settle: (result: PartResult) => void = () => undefined;
      const done = new Promise<PartResult>((resolve) => {
        settle = (result) => {
          worker.terminate();
          resolve(result);
        };
      });
      worker.addEventListener('message', (event: MessageEvent<PartMessage>) => {
        if (event.data.type === 'progress') latest = event.data;
        else settle(event.data.result);
      });
      worker.addEventListener('error', () => settle(failedPart()));
      worker.postMessage(request);
      return { progress: () => latest, done, cancel: () => settle(failedPart()) };
    },
  };
}
