import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { createPartThreads, servePartThread, spawnPartThread, type PartJob } from './part-thread';
import { createSummary, type SummaryPart } from './summary';
import { classifierFor } from './zone-classifier';

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
  const part = threads.split(path, createSummary(), { localOffsetMinutes: undefined, localZone: undefined, maxLineBytes: undefined, compareRequestIds: false }).start(path, 100, 200);
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

describe('a part thread reading a file that changes (RELIABILITY A24)', () => {
  // The file holds 10 bytes; its part from byte 2 is 'bbb\nccc\n'. `end` is its size when the command began.
  it.each([
    ['as it was', 10, { lines: 2, bytesRead: 8, sourceBytes: 8 }],
    // It grew from 6 bytes since: the part ends where the file ended then.
    ['grown since', 6, { lines: 1, bytesRead: 4, sourceBytes: 4 }],
    // It was cut short from 14 bytes: the part is answered with null; the main thread reads it and reports why.
    ['cut short since', 14, null],
  ])('a file %s, read to byte %i', async (_name, end, ledger) => {
    const path = join(dir, 'changing.log');
    writeFileSync(path, 'a\nbbb\nccc\n');
    const { port1, port2 } = new MessageChannel();
    servePartThread(port1, () => classifierFor(0));
    const job: PartJob = { path, at: 2, end, file: path, localOffsetMinutes: 0, localZone: undefined, maxLineBytes: undefined, compareRequestIds: false };
    const answer = new Promise<{ ledger: unknown } | null>((resolve) => port2.once('message', resolve));
    port2.postMessage(job);
    const result = await answer;
    port1.close();
    expect(result === null ? null : result.ledger).toEqual(ledger === null ? null : expect.objectContaining(ledger));
  });
});
