/// <reference lib="webworker" />
import { COLUMN_NAMES } from '../core/store/columns';
import { packedBuffers, packResets, packStrings } from '../core/store/packed-values';
import type { PartDone } from './part-worker-reader';
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
      // interned tables only the values go (appendStore takes them over), not their lookup maps, and the
      // many messages and resets go packed (see packed-values.ts).
      const { store } = result;
      const packed = { messages: packStrings(store.messages.values), resets: packResets(store.resets.values) };
      const transfer = [...COLUMN_NAMES.map((name) => store.columns[name].buffer), store.requestIds.bytes.buffer, ...packedBuffers(packed.messages, packed.resets)] as ArrayBuffer[];
      const tables = {
        codes: { ...store.codes, ids: new Map() },
        messages: { ...store.messages, ids: new Map(), values: [] },
        formats: { ...store.formats, ids: new Map() },
        resets: { ids: new Map(), values: [] },
      };
      const done: PartDone = { type: 'done', result: { ...result, store: { ...store, ...tables } }, packed };
      self.postMessage(done, transfer);
    })
    // Whatever went wrong, the ingest worker hears of it and reads the part itself.
    .catch(() => self.postMessage({ type: 'failed' }));
});
