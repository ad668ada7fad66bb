import { describe, expect, it } from 'vitest';
import { createEmptyLedger } from '../core/ledger/ledger';
import { createEventStore } from '../core/store';
import { toPartDone } from './part-message';
import { createWorkerPartReader, type PartWorker } from './part-worker-reader';
import type { PartRequest } from './read-part';

class FakeWorker extends EventTarget implements PartWorker {
  readonly posted: unknown[] = [];
  terminated = false;
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  say(data: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

const request = (at: number): PartRequest => ({ blob: new Blob(['x']), at, sourceId: 1, eventsCap: 10, localOffsetMinutes: null, providerOffsetMinutes: 480 });
const doneMessage = () => toPartDone({ state: 'done', bytesRead: 0, ledger: createEmptyLedger(), firstLine: null, store: createEventStore(), notStored: 0 }).message;

function pool(keepAfterBytesMax?: number) {
  const spawned: FakeWorker[] = [];
  const spawn = () => {
    const worker = new FakeWorker();
    spawned.push(worker);
    return worker;
  };
  return { reader: createWorkerPartReader(spawn, keepAfterBytesMax), spawned };
}

describe('createWorkerPartReader', () => {
  it('keeps the worker of a part read to the end and reads the next part with it', async () => {
    const { reader, spawned } = pool();
    const first = reader.start(request(100));
    spawned[0]?.say(doneMessage());
    expect((await first.done).state).toBe('done');
    const second = reader.start(request(200));
    expect(spawned).toHaveLength(1);
    expect(spawned[0]?.terminated).toBe(false);
    expect(spawned[0]?.posted).toEqual([request(100), request(200)]);
    spawned[0]?.say(doneMessage());
    expect((await second.done).state).toBe('done');
  });

  it('stops a worker that failed, errored or whose part was cancelled, and starts a new one for the next part', async () => {
    const ways = [
      (worker: FakeWorker) => worker.say({ type: 'failed' }),
      (worker: FakeWorker) => worker.dispatchEvent(new Event('error')),
      (worker: FakeWorker) => worker.dispatchEvent(new Event('messageerror')),
      (_worker: FakeWorker, run: { cancel(): void }) => run.cancel(),
    ];
    for (const end of ways) {
      const { reader, spawned } = pool();
      const run = reader.start(request(100));
      end(spawned[0] as FakeWorker, run);
      expect((await run.done).state).toBe('failed');
      expect(spawned[0]?.terminated).toBe(true);
      reader.start(request(200));
      expect(spawned).toHaveLength(2);
      expect(spawned[1]?.posted).toEqual([request(200)]);
    }
  });

  it('gives a part read while the kept worker is busy a worker of its own, and keeps only one of them', async () => {
    const { reader, spawned } = pool();
    const a = reader.start(request(100));
    const b = reader.start(request(200));
    expect(spawned).toHaveLength(2);
    spawned[0]?.say(doneMessage());
    spawned[1]?.say(doneMessage());
    await Promise.all([a.done, b.done]);
    expect(spawned.map((w) => w.terminated)).toEqual([false, true]);
    reader.start(request(300));
    expect(spawned).toHaveLength(2);
    expect(spawned[0]?.posted).toEqual([request(100), request(300)]);
  });

  it('stops the worker of a part larger than it keeps workers for, whose leftovers would hold memory', async () => {
    const { reader, spawned } = pool(4);
    const large = reader.start({ ...request(100), blob: new Blob(['12345']) });
    spawned[0]?.say(doneMessage());
    expect((await large.done).state).toBe('done');
    expect(spawned[0]?.terminated).toBe(true);
    const small = reader.start({ ...request(200), blob: new Blob(['1234']) });
    spawned[1]?.say(doneMessage());
    await small.done;
    expect(spawned[1]?.terminated).toBe(false);
    reader.start(request(300));
    expect(spawned).toHaveLength(2);
  });

  it('tells when the worker has loaded, and a part takes its saying so for no answer', async () => {
    const { reader, spawned } = pool();
    let ready = false;
    const run = reader.start(request(100));
    void run.ready?.then(() => (ready = true));
    await Promise.resolve();
    expect(ready).toBe(false);
    spawned[0]?.say({ type: 'ready' });
    await run.ready;
    expect(ready).toBe(true);
    spawned[0]?.say(doneMessage());
    expect((await run.done).state).toBe('done');
    // A kept worker has loaded: the next part is told so at once.
    await reader.start(request(200)).ready;
  });

  it('gives a finished part none of what its worker says about the next one', async () => {
    const { reader, spawned } = pool();
    const first = reader.start(request(100));
    const worker = spawned[0] as FakeWorker;
    worker.say({ type: 'progress', bytesDone: 40, ledger: createEmptyLedger() });
    worker.say(doneMessage());
    await first.done;
    const second = reader.start(request(200));
    worker.say({ type: 'progress', bytesDone: 7, ledger: createEmptyLedger() });
    worker.say({ type: 'failed' });
    expect(first.progress().bytesDone).toBe(40);
    expect(second.progress().bytesDone).toBe(7);
    expect((await first.done).state).toBe('done');
    expect((await second.done).state).toBe('failed');
  });

  it('passes a rest on to the worker while its part is read, and not once the part has ended', async () => {
    const { reader, spawned } = pool();
    const run = reader.start(request(100));
    const worker = spawned[0] as FakeWorker;
    run.rest?.(120);
    expect(worker.posted).toEqual([request(100), { type: 'rest', ms: 120 }]);
    worker.say(doneMessage());
    await run.done;
    run.rest?.(120);
    // The kept worker may be reading the next file's part by then: that one's rests are its own reader's to ask.
    expect(worker.posted).toHaveLength(2);
  });

  it('asks the worker to stop where it is and settles with what it read, then stops that worker', async () => {
    const { reader, spawned } = pool();
    const run = reader.start(request(100));
    const worker = spawned[0] as FakeWorker;
    run.stop?.();
    expect(worker.posted).toEqual([request(100), { type: 'stop' }]);
    const store = createEventStore();
    worker.say(toPartDone({ state: 'stopped', bytesRead: 7, ledger: createEmptyLedger(), firstLine: null, store, notStored: 0 }).message);
    expect(await run.done).toMatchObject({ state: 'stopped', bytesRead: 7 });
    // A worker told to stop is not kept: its heap holds what it read.
    expect(worker.terminated).toBe(true);
    run.stop?.();
    expect(worker.posted).toHaveLength(2);
  });
});
