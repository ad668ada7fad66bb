import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { classifyRecord } from '../core/classify/classify';
import { createIngestPipeline } from '../core/formats/pipeline';
import type { IngestedEvent } from '../core/formats/types';
import { readBlobInChunks } from './read-blob';

const FIXTURES = 'e2e/fixtures/logs';
const classify = (text: string) => classifyRecord(text, { localOffsetMinutes: () => 0 });

function ingestWhole(bytes: Uint8Array) {
  const events: IngestedEvent[] = [];
  const pipeline = createIngestPipeline({ classify, onEvent: (e) => events.push(e) });
  pipeline.push(bytes);
  return { ledger: pipeline.finish(), events };
}

async function ingestRead(bytes: Uint8Array, bufferBytes: number) {
  const events: IngestedEvent[] = [];
  const pipeline = createIngestPipeline({ classify, onEvent: (e) => events.push(e) });
  let reads = 0;
  const outcome = await readBlobInChunks(
    new Blob([bytes.slice()]),
    (chunk) => {
      reads += 1;
      pipeline.push(chunk);
      // The reader hands the same memory back for the next read: poison it, so bytes kept by reference show.
      chunk.fill(0xaa);
    },
    () => false,
    { bufferBytes },
  );
  return { outcome, reads, ledger: pipeline.finish(), events };
}

describe('reading a file into one reused buffer', () => {
  const files = readdirSync(FIXTURES).filter((name) => !name.startsWith('.'));

  it.each(files)('%s: same ledger and events as the whole file at once, whatever the buffer size', async (name) => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}/${name}`));
    const expected = ingestWhole(bytes);
    for (const bufferBytes of [1, 3, 17, 256, 4096]) {
      const read = await ingestRead(bytes, bufferBytes);
      expect(read.outcome).toBe('done');
      if (bytes.length > bufferBytes) expect(read.reads).toBeGreaterThan(1);
      expect(read.ledger).toEqual(expected.ledger);
      expect(read.events).toEqual(expected.events);
    }
  });

  it('stops when cancelled, with the bytes read so far', async () => {
    let seen = 0;
    const outcome = await readBlobInChunks(new Blob([new Uint8Array(10_000)]), (chunk) => (seen += chunk.length), () => seen >= 3000, { bufferBytes: 1000 });
    expect(outcome).toBe('cancelled');
    expect(seen).toBe(3000);
  });
});

describe('a read that stalls', () => {
  it('is read on from where the delivered bytes end, with nothing lost or repeated', async () => {
    const bytes = new Uint8Array(3000).map((_, i) => i % 251);
    const real = new Blob([bytes]);
    let opened = 0;
    // Its first stream delivers 1,000 bytes, then never answers again (as Chromium's BYOB reads sometimes did).
    const stalling = {
      size: real.size,
      slice: (start?: number, end?: number) => real.slice(start, end),
      stream: () => {
        opened += 1;
        let sent = false;
        return new ReadableStream<Uint8Array>({
          pull: (controller) => {
            if (sent) return new Promise<void>(() => undefined);
            sent = true;
            controller.enqueue(bytes.slice(0, 1000));
            return undefined;
          },
        });
      },
    } as unknown as Blob;
    const received: number[] = [];
    const outcome = await readBlobInChunks(stalling, (chunk) => received.push(...chunk), () => false, { stallMs: 50 });
    expect(outcome).toBe('done');
    expect(opened).toBe(1);
    expect(received).toEqual([...bytes]);
  });
});

describe('a rest asked while a file is read', () => {
  it('holds the next read for the time asked, at once rather than at the next yield', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let restUntil = 0;
      let now = 0;
      const chunks: number[] = [];
      const reading = readBlobInChunks(
        new Blob([new Uint8Array(4000)]),
        (chunk) => {
          chunks.push(chunk.length);
          // Asked during the first chunk, as a message handled between two reads asks it.
          if (chunks.length === 1) restUntil = now + 500;
        },
        () => false,
        { bufferBytes: 1000, restMs: () => Math.max(0, restUntil - now) },
      );
      for (let i = 0; i < 1000 && chunks.length === 0; i += 1) await new Promise((resolve) => setImmediate(resolve));
      // Reads that go on would come within these turns of the event loop.
      for (let i = 0; i < 50; i += 1) await new Promise((resolve) => setImmediate(resolve));
      expect(chunks).toEqual([1000]);
      await vi.advanceTimersByTimeAsync(499);
      expect(chunks).toEqual([1000]);
      now = 500;
      // The read goes on; on a slow machine it may yield (a timer of 0 ms), which only moving the clock lets through.
      let outcome: string | null = null;
      void reading.then((value) => (outcome = value));
      for (let i = 0; i < 1000 && outcome === null; i += 1) {
        await vi.advanceTimersByTimeAsync(1);
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(outcome).toBe('done');
      expect(chunks).toEqual([1000, 1000, 1000, 1000]);
    } finally {
      vi.useRealTimers();
    }
  });
});
