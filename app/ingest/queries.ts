import { filterEvents, listOrder, type AggregateContext } from '../core/aggregate';
import { toExportRow, type ExportRow } from '../core/export/events-export';
import { classifyRecord } from '../core/classify/classify';
import { errorsOf } from '../core/classify/outcome';
import type { EventStore, StoredEvent } from '../core/store';
import { getEvent, sharedRequestIds } from '../core/store';
import { withSourceIds, type ViewState } from '../core/view-state';
import { classifyText } from './classify-text';
import { dashboardAnswer } from './dashboard-answer';
import { RECORD_READ_BYTES, type EventDetail, type EventsPage, type RecordExtent, type WorkerQuery } from './protocol';
import { readRecordText, readRecordWithLineAbove, type RecordText } from './read-record';
import type { LineAbove } from '../core/formats/line-above';
import type { RecordEncoding } from '../core/formats/pipeline';

interface QueryInput {
  readonly store: EventStore;
  readonly sources: ReadonlyMap<number, { readonly blob: Blob | null; readonly name: string; readonly encoding?: RecordEncoding | undefined }>;
  readonly query: WorkerQuery;
}

/** Every answer the page can ask the worker for; each is a pure function of (store, view, now). */
export async function answerQuery({ store, sources, query }: QueryInput): Promise<unknown> {
  // A view names its sources; the store knows them by id.
  const idsOf = (view: ViewState): ViewState => withSourceIds(view, [...sources].map(([id, s]) => ({ id, name: s.name })));
  switch (query.kind) {
    case 'dashboard':
      return dashboardAnswer(store, idsOf(query.view), contextOf(query), [...sources.keys()]);
    case 'events':
      return eventsPage(store, idsOf(query.view), contextOf(query), query.offset, query.limit, [...sources.keys()]);
    case 'event-detail':
      return eventDetail(store, sources, query.index, query.extent);
    case 'export-events':
      return exportEvents(store, idsOf(query.view), contextOf(query), sources);
    case 'classify-text':
      return classifyText(query.text, query.providerOffsetMinutes);
    case 'shared-request-ids':
      return sharedRequestIds(store);
  }
}

function contextOf(query: { readonly now: number; readonly localOffsetMinutes: number }): AggregateContext {
  return { now: query.now, localOffsetMinutes: query.localOffsetMinutes };
}

function eventsPage(store: EventStore, view: ViewState, ctx: AggregateContext, offset: number, limit: number, sourceIds: readonly number[]): EventsPage {
  const indices = filterEvents(store, view, ctx);
  const start = Math.max(0, Math.min(offset, indices.length));
  const end = Math.min(indices.length, start + Math.max(0, Math.min(limit, 500)));
  const rows = [];
  const indexAt = listOrder(store, indices, view.order);
  for (let i = start; i < end; i += 1) {
    const event = getEvent(store, indexAt(i));
    if (event) rows.push(event);
  }
  return { storeSize: store.size, sourceIds, total: indices.length, offset: start, rows };
}

/** Exactly the events the view shows, in the list's order, as export rows (the page turns them into CSV or JSON). */
function exportEvents(store: EventStore, view: ViewState, ctx: AggregateContext, sources: QueryInput['sources']): ExportRow[] {
  const rows: ExportRow[] = [];
  const indices = filterEvents(store, view, ctx);
  const indexAt = listOrder(store, indices, view.order);
  for (let position = 0; position < indices.length; position += 1) {
    const event = getEvent(store, indexAt(position));
    if (event) rows.push(toExportRow(event, sources.get(event.sourceId)?.name ?? `source ${event.sourceId}`));
  }
  return rows;
}

async function eventDetail(store: EventStore, sources: QueryInput['sources'], index: number, extent: RecordExtent): Promise<EventDetail | null> {
  const event = getEvent(store, index);
  if (!event) return null;
  const source = sources.get(event.sourceId);
  const record = source?.blob ? await readRecordOf(source.blob, event, RECORD_READ_BYTES[extent], source.encoding) : null;
  return {
    event,
    raw: record?.text ?? null,
    recordBytes: event.byteLength,
    rawBytes: record?.bytes ?? 0,
    params: record === null ? {} : paramsOf(record.text, event.code),
    lineAbove: record?.lineAbove ?? null,
  };
}

/** The event's record, and for one dated by the stamped line above it, that line too (the detail shows what dated it). */
async function readRecordOf(blob: Blob, event: StoredEvent, maxBytes: number, encoding: RecordEncoding | undefined): Promise<RecordText & { readonly lineAbove: LineAbove | null }> {
  const { byteOffset: offset, byteLength: length } = event;
  if (!event.flags.includes('timestamp_from_previous_line')) return { ...(await readRecordText(blob, offset, length, maxBytes, encoding)), lineAbove: null };
  return readRecordWithLineAbove({ blob, offset, length, maxBytes, encoding });
}

/**
 * The template parameters of a record (field, API_name, next_flush_time…): the store keeps none, so they are read
 * again. A line holding an array of errors (B8) gives several events: each takes its own error's parameters.
 */
function paramsOf(raw: string, code: string | null): Readonly<Record<string, string>> {
  const outcome = classifyRecord(raw);
  if (outcome.kind !== 'catalogued' && outcome.kind !== 'uncatalogued') return {};
  const own = errorsOf(outcome).find((candidate) => candidate.details.code === code) ?? outcome;
  return own.details.params;
}
