import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { classifyRecord } from '../core/classify/classify';
import type { Outcome } from '../core/classify/outcome';
import { isPartThreadData, runPartThread } from './part-thread';
import { runCli } from './run-cli';

// Zone-less leading log stamps are read in this machine's zone (DST included), as the page uses the viewer's.
const localOffsetMinutes = (wallTimeAsUtcMs: number): number => -new Date(wallTimeAsUtcMs).getTimezoneOffset();
const classify = (text: string): Outcome => classifyRecord(text, { localOffsetMinutes });

if (!isMainThread && isPartThreadData(workerData)) {
  await runPartThread(workerData, classify, (message) => parentPort?.postMessage(message));
} else {
  // A reader that stops early (`… events big.log | head`) closes the pipe: that ends the command quietly, as
  // other command-line tools end, instead of with a stack trace for a write that has nowhere to go.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  // With a second core, `summarize` reads a large file's second half in a thread of this same script.
  const partThreadEntry = availableParallelism() >= 2 ? new URL(import.meta.url) : null;
  process.exitCode = await runCli(
    process.argv.slice(2),
    { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) },
    classify,
    { partThreadEntry },
  );
}
