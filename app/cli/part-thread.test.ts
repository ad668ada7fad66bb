import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createPartThreads, spawnPartThread } from './part-thread';
import { createSummary, type SummaryPart } from './summary';

// A stand-in part thread: it answers each part with its own thread id (where a code's count would be), and exits on
// a part named 'exit'.
const dir = mkdtempSync(join(tmpdir(), 'quotalens-part-'));
const entry = pathToFileURL(join(dir, 'part.mjs'));
writeFileSync(
  entry,
  `import { parentPort, threadId, workerData } from 'node:worker_threads';
if (workerData?.quotalensPartThread !== true) process.exit(2);
parentPort.on('message', (job) => {
  if (job.path === 'exit') process.exit(3);
  parentPort.postMessage({ ledger: null, firstLine: null, events: { byCode: [[job.file, threadId]], byCategory: [], resets: [] } });
});`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads one part through `threads` and returns the id of the thread that answered, or null when none did. */
async function answeredBy(threads: ReturnType<typeof createPartThreads>, path = 'a.log'): Promise<number | null> {
  const part = threads.split(path, createSummary(), { localOffsetMinutes: undefined, compareRequestIds: false }).start(path, 100);
  const result = await part.done;
  return result === null ? null : ((result.events as SummaryPart).byCode[0]?.[1] ?? null);
}

describe('part threads', () => {
  it('reads the parts of several files in one thread, the prepared one', async () => {
    const prepared = spawnPartThread(entry);
    const threads = createPartThreads(entry, prepared);
    expect(await answeredBy(threads)).toBe(prepared.threadId);
    expect(await answeredBy(threads, 'b.log')).toBe(prepared.threadId);
    const exited = new Promise((resolve) => prepared.once('exit', resolve));
    threads.close();
    await exited;
  });

  it('answers null for a part whose thread ends, and reads the next part in a new thread', async () => {
    const threads = createPartThreads(entry);
    const first = await answeredBy(threads);
    expect(first).not.toBeNull();
    expect(await answeredBy(threads, 'exit')).toBeNull();
    const next = await answeredBy(threads);
    expect(next).not.toBeNull();
    expect(next).not.toBe(first);
    threads.close();
  });
});
