import { useSyncExternalStore } from 'react';
import type { IngestClient, SourcesSnapshot } from '../ingest/ingest-client';

/** The sources the worker holds, with their ledgers and progress, and the store's version. */
export function useSources(client: IngestClient): SourcesSnapshot {
  return useSyncExternalStore(client.subscribe, client.getSnapshot);
}
