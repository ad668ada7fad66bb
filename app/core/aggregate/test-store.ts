import { appendEvent, createEventStore, type EventStore } from '../store/event-store';
import { testEvent, type TestEventInput } from '../store/test-events';
import { DEFAULT_VIEW, type ViewState } from '../view-state/view-state';

/** Test helpers: a store from rows of [time, code, extra input, source id]. */
export type TestRow = readonly [ts: number | null, code: string | null, extra?: TestEventInput, source?: number];

export function storeOf(rows: readonly TestRow[]): EventStore {
  const store = createEventStore();
  for (const [ts, code, extra, source] of rows) appendEvent(store, testEvent({ ...extra, ts, code }), source ?? 0);
  return store;
}

export const viewOf = (patch: Partial<ViewState> = {}): ViewState => ({ ...DEFAULT_VIEW, ...patch });
