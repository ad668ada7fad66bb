import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { DEFAULT_VIEW, type ViewState } from '../core/view-state';
import type { IngestClient } from '../ingest/ingest-client';
import type { SharedRequestIds } from '../core/store';
import type { ClassifyTextResult, DashboardData, EventDetail, EventsPage, RecordExtent } from '../ingest/protocol';

/** The paste preview: the pasted text run through the same pipeline as a file, without storing it. */
export function classifyTextQueryOptions(client: IngestClient, text: string, providerOffsetMinutes: number) {
  return queryOptions({
    queryKey: ['classify-text', text, providerOffsetMinutes],
    queryFn: ({ signal }) => client.request<ClassifyTextResult>({ kind: 'classify-text', text, providerOffsetMinutes }, signal),
    enabled: text.trim().length > 0,
    staleTime: Infinity,
  });
}

/**
 * Answers keyed by the store's version are never asked for again once the store moves on (every second
 * while a file is read), so they are dropped soon after they leave the screen instead of after the default
 * five minutes: a long ingest would otherwise keep hundreds of them in the page's memory.
 */
const SUPERSEDED_GC_MS = 10_000;

/** Every input of the answer is in the key: the view, the minute, the store's version. */
export function dashboardQueryOptions(client: IngestClient, input: DashboardInput) {
  // The list's order is the events list's alone: charts and counts are not asked again when it changes.
  const view = input.view.order === DEFAULT_VIEW.order ? input.view : { ...input.view, order: DEFAULT_VIEW.order };
  return queryOptions({
    queryKey: ['dashboard', view, input.now, input.localOffsetMinutes, input.storeVersion],
    queryFn: ({ signal }) => client.request<DashboardData>({ kind: 'dashboard', view, now: input.now, localOffsetMinutes: input.localOffsetMinutes }, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: SUPERSEDED_GC_MS,
  });
}

export function eventsPageQueryOptions(client: IngestClient, input: DashboardInput & { readonly offset: number; readonly limit: number }) {
  return queryOptions({
    queryKey: ['events', input.view, input.now, input.localOffsetMinutes, input.storeVersion, input.offset, input.limit],
    queryFn: ({ signal }) =>
      client.request<EventsPage>(
        { kind: 'events', view: input.view, now: input.now, localOffsetMinutes: input.localOffsetMinutes, offset: input.offset, limit: input.limit },
        signal,
      ),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: SUPERSEDED_GC_MS,
  });
}

/** One event and its raw record: a preview when the detail opens, up to the cap on "Show full record" (RECORD_READ_BYTES). */
export function eventDetailQueryOptions(client: IngestClient, index: number, storeEpoch: number, extent: RecordExtent = 'preview') {
  return queryOptions({
    // Keyed on the store's epoch, not its version: an event and its record do not change while others are added.
    queryKey: ['event-detail', index, storeEpoch, extent],
    queryFn: ({ signal }) => client.request<EventDetail | null>({ kind: 'event-detail', index, extent }, signal),
    staleTime: Infinity,
    gcTime: SUPERSEDED_GC_MS,
  });
}

/**
 * The bundled demo data set, written for the days before now (see core/demo/demo-log.ts) so that its weekly limit
 * still blocks and its countdown runs. Its writer is a chunk of its own: a page opened on a link to a stream or
 * with files dropped at once never needs it.
 */
export const demoDataQueryOptions = queryOptions({
  queryKey: ['demo-data'],
  queryFn: async () => {
    const { demoStartFor, generateDemoLog } = await import('../core/demo/demo-log');
    return generateDemoLog(demoStartFor(Date.now())).text;
  },
  staleTime: Infinity,
  retry: 1,
});

export const DEMO_NAME = 'quotalens-demo.log';

export interface DashboardInput {
  readonly view: ViewState;
  readonly now: number;
  readonly localOffsetMinutes: number;
  readonly storeVersion: number;
}

/**
 * Request ids held by events of more than one source, asked once the sources are read (the store's version then
 * holds still): during a read it would be asked again at every chart update, for a count that is not final.
 */
export function sharedRequestIdsQueryOptions(client: IngestClient, storeVersion: number, enabled: boolean) {
  return queryOptions({
    queryKey: ['shared-request-ids', storeVersion],
    queryFn: ({ signal }) => client.request<SharedRequestIds>({ kind: 'shared-request-ids' }, signal),
    enabled,
    staleTime: Infinity,
  });
}
