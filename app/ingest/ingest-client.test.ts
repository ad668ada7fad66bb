import { describe, expect, it } from 'vitest';
import { fileKeyOf } from '../core/ledger/file-identity';
import { createIngestClient } from './ingest-client';
import type { SourceStatus, WorkerMessage, WorkerRequest } from './protocol';

/** A worker that records what the page sends and lets the test answer with snapshots. */
function fakeWorker() {
  const target = new EventTarget();
  const sent: WorkerRequest[] = [];
  const worker = Object.assign(target, { postMessage: (request: WorkerRequest) => sent.push(request) }) as unknown as Worker;
  const listSources = (sources: readonly Partial<SourceStatus>[]) =>
    target.dispatchEvent(new MessageEvent<WorkerMessage>('message', { data: { type: 'sources', sources: sources as SourceStatus[], storeVersion: 1, storeEpoch: 0 } }));
  return { worker, sent, listSources };
}

const file = (name: string) => new File(['2026-11-27 ERROR x\n'], name, { lastModified: 1_795_000_000_000 });
const addedNames = (sent: readonly WorkerRequest[]) => sent.flatMap((r) => (r.type === 'add-source' ? [r.name] : []));

describe('ingest client: a file is read once', () => {
  it('skips a file dropped again before the worker has listed it (two drops within one round trip)', () => {
    const { worker, sent } = fakeWorker();
    const client = createIngestClient(worker);
    const app = file('app.log');
    expect(client.addFiles([app])).toEqual({ skipped: [] });
    expect(client.addFiles([app, file('other.log')])).toEqual({ skipped: ['app.log'] });
    expect(addedNames(sent)).toEqual(['app.log', 'other.log']);
  });

  it('skips a listed file, and reads it again once its source is gone from the list', () => {
    const { worker, sent, listSources } = fakeWorker();
    const client = createIngestClient(worker);
    const app = file('app.log');
    client.addFiles([app]);
    listSources([{ id: 1, fileKey: fileKeyOf(app) }]);
    expect(client.addFiles([app]).skipped).toEqual(['app.log']);
    listSources([]);
    expect(client.addFiles([app]).skipped).toEqual([]);
    expect(addedNames(sent)).toEqual(['app.log', 'app.log']);
  });

  it('still knows a sent file when a snapshot taken before it arrived comes in', () => {
    const { worker, listSources } = fakeWorker();
    const client = createIngestClient(worker);
    const app = file('app.log');
    client.addFiles([app]);
    listSources([{ id: 7, name: 'quotalens-demo.log' }]);
    expect(client.addFiles([app]).skipped).toEqual(['app.log']);
  });
});
