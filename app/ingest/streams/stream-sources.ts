import { classifyRecord } from '../../core/classify/classify';
import { toClassifyOptions } from '../../core/classify/classify-options';
import type { IngestedEvent } from '../../core/formats/types';
import type { SourceStatus, StreamRequest } from '../protocol';
import { createStreamLedger, type StreamLedger } from './stream-ledger';

/** What the worker's engine lends the stream sources. */
export interface StreamHost {
  allocateId(): number;
  getStatus(id: number): SourceStatus | undefined;
  setStatus(id: number, status: SourceStatus): void;
  appendEvent(event: IngestedEvent, id: number): void;
  removeEvents(id: number): void;
  publish(immediate?: boolean): void;
}

interface StreamEntry {
  readonly id: number;
  readonly ledger: StreamLedger;
}

/**
 * Live streams in the worker: one source per stream key, its records classified and counted as they come.
 * Records sent after the user removed the source are ignored until the stream is opened again.
 */
export function createStreamSources(host: StreamHost) {
  const streams = new Map<string, StreamEntry>();

  const open = (request: Extract<StreamRequest, { type: 'stream-open' }>): void => {
    const known = streams.get(request.key);
    const status = known ? host.getStatus(known.id) : undefined;
    if (known && status) {
      host.setStatus(known.id, { ...status, state: 'reading', finishedAt: null, error: null });
      return host.publish(true);
    }
    const id = host.allocateId();
    const options = toClassifyOptions(request);
    const ledger = createStreamLedger({
      classify: (text) => classifyRecord(text, options),
      format: request.format,
      onEvent: (event) => host.appendEvent(event, id),
    });
    streams.set(request.key, { id, ledger });
    host.setStatus(id, {
      id, name: request.name, kind: 'stream', state: 'reading', sizeBytes: null, bytesDone: 0,
      startedAt: Date.now(), finishedAt: null, error: null, ledger: ledger.snapshot(), streamKey: request.key,
    });
    host.publish(true);
  };

  /** Applies `change` to the key's source when it still exists. */
  const update = (key: string, change: (entry: StreamEntry) => Partial<SourceStatus>, immediate = false): void => {
    const entry = streams.get(key);
    const status = entry ? host.getStatus(entry.id) : undefined;
    if (!entry || !status) return;
    const patch = change(entry);
    const ledger = entry.ledger.snapshot();
    host.setStatus(entry.id, { ...status, ...patch, ledger, bytesDone: ledger.bytesRead });
    host.publish(immediate);
  };

  return {
    handle(request: StreamRequest): void {
      switch (request.type) {
        case 'stream-open':
          return open(request);
        case 'stream-records':
          return update(request.key, (entry) => {
            entry.ledger.add(request.records, request.rejects);
            return {};
          });
        case 'stream-state':
          return update(
            request.key,
            (entry) => {
              if (request.state !== 'reading') entry.ledger.finish();
              return { state: request.state, error: request.error, finishedAt: request.state === 'reading' ? null : Date.now() };
            },
            true,
          );
        case 'stream-clear':
          return update(
            request.key,
            (entry) => {
              // The reset hands over the incident the ledger was still folding: removed with the rest, not after it.
              const at = `${new Date().toISOString().slice(11, 19)} UTC`;
              entry.ledger.reset(request.why === 'read-again' ? `read again from its start at ${at}` : `cleared by the user at ${at}`);
              host.removeEvents(entry.id);
              return {};
            },
            true,
          );
      }
    },
  };
}
