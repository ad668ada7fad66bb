/// <reference lib="webworker" />
import { COLUMN_NAMES } from '../core/store/columns';
import { readPart, type PartRequest } from './read-part';

declare const self: DedicatedWorkerGlobalScope;

/** Progress goes to the ingest worker at most four times a second, like its own. */
const PROGRESS_EVERY_MS = 250;

self.addEventListener('message', (event: MessageEvent<PartRequest>) => {
  let lastPost = 0;
  void readPart(event.data, (progress) => {
    const now = performance.now();
    if (now - lastPost < PROGRESS_EVERY_MS) return;
    lastPost = now;
    self.postMessage({ type: 'progress', bytesDone: progress.bytesDone, ledger: progress.ledger });
  })
    .then((result) => {
      // The columns and the request id pool move to the ingest worker instead of being copied; of the
      // interned tables only the values go (appendStore takes them over), not their lookup maps.
      const { store } = result;
      const transfer = [...COLUMN_NAMES.map((name) => store.columns[name].buffer), store.requestIds.bytes.buffer] as ArrayBuffer[];
      const tables = {
        codes: { ...store.codes, ids: new Map() },
        messages: { ...store.messages, ids: new Map() },
        formats: { ...store.formats, ids: new Map() },
        resets: { ids: new Map(), values: store.resets.values },
      };
      self.postMessage({ type: 'done', result: { ...result, store: { ...store, ...tables } } }, transfer);
    })
    // Whatever went wrong, the ingest worker hears of it and reads the part itself.
    .catch(() => self.postMessage({ type: 'failed' }));
});
