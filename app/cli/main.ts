import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, workerData, type Worker } from 'node:worker_threads';
import { createPartThreads, isPartThreadData, servePartThread } from './part-thread';
import { runCli } from './run-cli';
import { classifierFor } from './zone-classifier';

if (!isMainThread && parentPort !== null && isPartThreadData(workerData)) servePartThread(parentPort, classifierFor);

/**
 * Runs the command line of this process. `entry` is this script's bundle, which part threads run;
 * `preparedPartThread` is one that the launcher (app/tools/cli.mjs) started before loading it, for `summarize` on
 * a machine with a second core.
 */
export async function main(entry: URL, preparedPartThread: Worker | null = null): Promise<void> {
  // A reader that stops early (`… events big.log | head`) closes the pipe: that ends the command quietly, as
  // other command-line tools end, instead of with a stack trace for a write that has nowhere to go.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  // With a second core, `summarize` reads a large file's second half in a thread of this same script.
  const partThreads = preparedPartThread !== null || availableParallelism() >= 2 ? createPartThreads(entry, preparedPartThread) : null;
  try {
    const io = { out: (text: string) => process.stdout.write(text), err: (text: string) => process.stderr.write(text), stdin: () => process.stdin };
    process.exitCode = await runCli(process.argv.slice(2), io, classifierFor, { partThreads });
  } finally {
    partThreads?.close();
  }
}
