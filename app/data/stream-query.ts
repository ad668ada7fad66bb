import { queryOptions } from '@tanstack/react-query';
import type { IngestClient } from '../ingest/ingest-client';
import { startDemoSession, startStreamSession, type StreamControls, type StreamSession, type StreamSnapshot, type StreamTarget } from '../ingest/streams';

export interface StreamQueryData {
  readonly snapshot: StreamSnapshot;
  readonly controls: StreamControls;
}

/**
 * One query per stream (kind + URL) owns its connection, as for any remote resource: the query function
 * stays pending while the stream runs and publishes snapshots with setQueryData (at most 4 a second);
 * when the last observer goes (Disconnect, another stream, unmount) TanStack aborts its signal and the
 * session closes every connection, timer and listener. Retries belong to the stream's state machine,
 * so the query never retries; `refetch()` after a failure connects afresh.
 */
export function streamQueryOptions(client: IngestClient, target: StreamTarget) {
  // The ingest client is the page's one worker connection, not an input of the stream.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: ['stream', target],
    queryFn: ({ signal, client: queryClient, queryKey }) =>
      new Promise<StreamQueryData>((resolve) => {
        let session: StreamSession | null = null;
        const controls: StreamControls = {
          pause: () => session?.pause(),
          resume: () => session?.resume(),
          clear: () => session?.clear(),
          stop: () => session?.stop(),
        };
        const onSnapshot = (snapshot: StreamSnapshot) => {
          if (!signal.aborted) queryClient.setQueryData<StreamQueryData>(queryKey, { snapshot, controls });
        };
        session = target.kind === 'demo' ? startDemoSession({ sink: client.streams, onSnapshot }) : startStreamSession({ sink: client.streams, target, onSnapshot });
        signal.addEventListener('abort', () => session?.stop());
        void session.finished.then((snapshot) => resolve({ snapshot, controls }));
      }),
    staleTime: Infinity,
    retry: false,
    refetchOnMount: false,
    refetchOnReconnect: false,
    refetchOnWindowFocus: false,
    structuralSharing: false,
  });
}
