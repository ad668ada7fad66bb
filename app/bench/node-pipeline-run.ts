/**
 * Child process of the Node benchmark (one run per process, so peak RSS belongs to this run alone):
 * streams FILE in 1 MiB chunks through createIngestPipeline + classifyRecord and appends every event to
 * an event store, as the worker does. Prints one JSON line, with the bytes the store's typed arrays use and hold. Usage: tsx app/bench/node-pipeline-run.ts FILE
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { classifyRecord } from '../core/classify/classify';
import { createIngestPipeline } from '../core/formats/pipeline';
import { appendEvent, createEventStore, storeBytes } from '../core/store';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: node-pipeline-run FILE');
const { size } = await stat(file);
const localOffsetMinutes = (wallTime: number): number => -new Date(wallTime).getTimezoneOffset();
const store = createEventStore();
let peakHeap = 0;
const started = performance.now();
const pipeline = createIngestPipeline({
  classify: (text) => classifyRecord(text, { localOffsetMinutes, now: Date.now }),
  onEvent: (event) => appendEvent(store, event, 1),
  sourceBytes: size,
});
let chunks = 0;
for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
  const bytes = chunk as Buffer;
  pipeline.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  chunks += 1;
  if (chunks % 16 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const ledger = pipeline.finish();
const seconds = (performance.now() - started) / 1000;
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
process.stdout.write(
  `${JSON.stringify({
    seconds,
    lines: ledger.lines,
    events: ledger.events,
    bytesRead: ledger.bytesRead,
    storeSize: store.size,
    store: storeBytes(store),
    peakHeapBytes: peakHeap,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
