import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type ReactNode } from 'react';
import { lookupCode } from '../../core/catalog/catalog';
import { CATEGORY_LABELS } from '../../core/catalog/labels';
import type { StoredEvent } from '../../core/store';
import { eventsPageQueryOptions, type DashboardInput } from '../../data/query-options';
import type { IngestClient } from '../../ingest/ingest-client';
import { formatCount, formatInstant } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';
import { useNow } from '../../shared/use-now';
import { ExportButtons } from './export-buttons';

interface EventsTableProps {
  readonly client: IngestClient;
  readonly input: DashboardInput;
  readonly sourceNames: ReadonlyMap<number, string>;
  readonly renderDetail: (index: number, onClose: () => void) => ReactNode;
}

const ROW_HEIGHT = 34;
/** Events from the last minute are highlighted: in a live view they are the ones that just arrived. */
const RECENT_MS = 60_000;
const PAGE = 200;

/** "Error events": every matching event, virtualized so 100k rows scroll smoothly. */
export function EventsTable({ client, input, sourceNames, renderDetail }: EventsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [first, setFirst] = useState(0);
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const pageStart = Math.max(0, Math.floor(first / PAGE) * PAGE - PAGE);
  const { data } = useQuery(eventsPageQueryOptions(client, { ...input, offset: pageStart, limit: PAGE * 3 }));
  const total = data?.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the app is not built with the React Compiler
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    onChange: (instance) => setFirst(instance.range?.startIndex ?? 0),
  });
  const rowAt = (i: number): StoredEvent | undefined => (data && i >= data.offset ? data.rows[i - data.offset] : undefined);
  const tz = input.view.tz;
  const now = useNow(1000);

  return (
    <section className="panel" aria-labelledby="events-title">
      <div className="panel-header">
        <h2 id="events-title">Error events</h2>
        <span className="hint">{formatCount(total)} matching · newest last · open a row for the raw record and guidance</span>
        <div className="panel-actions">
          <ExportButtons client={client} input={input} />
        </div>
      </div>
      {total === 0 ? null : (
      <div role="table" aria-labelledby="events-title" aria-rowcount={total + 1} className="events-table">
        <div role="rowgroup">
        <div role="row" className="events-row events-head" aria-rowindex={1}>
          <span role="columnheader">Time</span>
          <span role="columnheader">Code</span>
          <span role="columnheader">Category</span>
          <span role="columnheader">Message</span>
          <span role="columnheader">Source and line</span>
        </div>
        </div>
        <div ref={scrollRef} role="rowgroup" className="events-scroll" tabIndex={0} aria-label="Error events, scrollable" style={{ height: Math.min(420, Math.max(1, total) * ROW_HEIGHT + 2) }}>
          <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const event = rowAt(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`events-row${event && event.time !== null && now - event.time < RECENT_MS && event.time <= now + RECENT_MS ? ' is-recent' : ''}`}
                  style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width: '100%' }}
                >
                  {event ? <EventCells event={event} tz={tz} sourceName={sourceNames.get(event.sourceId) ?? `#${event.sourceId}`} onOpen={() => setOpenIndex(event.index)} /> : <span role="cell" className="muted">…</span>}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      )}
      {total === 0 ? <p className="empty">No matching events.</p> : null}
      {openIndex !== null ? renderDetail(openIndex, () => setOpenIndex(null)) : null}
    </section>
  );
}

function EventCells({ event, tz, sourceName, onOpen }: { readonly event: StoredEvent; readonly tz: 'local' | 'utc' | 'utc+8'; readonly sourceName: string; readonly onOpen: () => void }) {
  const entry = event.code ? lookupCode(event.code) : undefined;
  return (
    <>
      <span role="cell" className="mono small">{event.time !== null ? formatInstant(event.time, tz) : 'undated'}</span>
      <span role="cell">
        <button type="button" className="btn-link mono" onClick={onOpen} aria-label={`Open event ${event.code ?? 'without code'} from line ${event.line}`}>
          {event.code ? <SafeText text={event.code} max={12} /> : 'none'}
        </button>
        {event.attempts > 1 ? <span className="small muted"> ×{event.attempts}</span> : null}
      </span>
      <span role="cell" className="small">{event.category ? CATEGORY_LABELS[event.category] : 'uncatalogued'}</span>
      <span role="cell" className="cell-message small">
        <SafeText text={event.message ?? entry?.title ?? ''} max={160} />
      </span>
      <span role="cell" className="small muted cell-source">
        <SafeText text={sourceName} max={28} />:{event.line}
      </span>
    </>
  );
}
