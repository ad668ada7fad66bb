import { useQuery } from '@tanstack/react-query';
import { memo, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode, type UIEvent } from 'react';
import { flushSync } from 'react-dom';
import { lookupCode } from '../../core/catalog/catalog';
import { CATEGORY_LABELS } from '../../core/catalog/labels';
import type { StoredEvent } from '../../core/store';
import type { EventOrder } from '../../core/view-state';
import { holdsOnlyKept } from '../../data/kept-sources';
import { eventsPageQueryOptions, type DashboardInput } from '../../data/query-options';
import type { IngestClient } from '../../ingest/ingest-client';
import { formatCount, formatInstant } from '../../shared/format';
import { isAwaitingEvents } from '../../shared/keep-frame';
import { SafeText } from '../../shared/safe-text';
import { useNow } from '../../shared/use-now';
import { NARROW_LAYOUT, useMediaQuery } from '../../shared/use-media-query';
import { ExportButtons } from './export-buttons';
import { rowWindow } from './row-window';

interface EventsTableProps {
  readonly client: IngestClient;
  readonly input: DashboardInput;
  readonly sourceNames: ReadonlyMap<number, string>;
  readonly renderDetail: (index: number, onClose: () => void) => ReactNode;
  /** The page says it is loading (see useAnswerDisplay). */
  readonly loading?: boolean;
  /** A file is being read: a page from a store that held no event says nothing yet (see isAwaitingEvents). */
  readonly isReadingFile?: boolean;
  /** The store's version now: a page from an empty store says nothing until it is current. */
  readonly storeVersion?: number;
  /** The sources the page keeps: a page that holds another is outdated and not shown (see holdsOnlyKept). */
  readonly keptSourceIds: readonly number[];
  readonly onOrderChange: (order: EventOrder) => void;
}

/** A row's height: one line on a wide screen; two on a narrow one (time, code and source, then the message). */
const ROW_HEIGHT = 34;
const NARROW_ROW_HEIGHT = 52;
/** Rows drawn beyond each edge of the visible ones, so a quick scroll does not show blank rows. */
const OVERSCAN = 12;
/** Events from the last minute are highlighted: in a live view they are the ones that just arrived. */
const RECENT_MS = 60_000;
const PAGE = 200;
/** Keys that move between rows: by one row, by a screen of rows, or to an end. */
type RowStep = 1 | -1 | 'pageDown' | 'pageUp' | 'first' | 'last';
const ROW_STEPS: Readonly<Record<string, RowStep>> = { ArrowDown: 1, ArrowUp: -1, PageDown: 'pageDown', PageUp: 'pageUp', Home: 'first', End: 'last' };

/**
 * "Error events": every matching event, windowed so a million rows scroll smoothly. Rows have one fixed
 * height, so the rows to draw follow from the scroll position alone: a general virtualizer measured all
 * rows again whenever the count changed (every second while a file is read), 12 ms at 800,000 events
 * and 70 ms at the page's 5,000,000, in the page's main thread.
 */
export function EventsTable({ client, input, sourceNames, renderDetail, loading = false, isReadingFile = false, storeVersion = input.storeVersion, keptSourceIds, onOrderChange }: EventsTableProps) {
  const [scrollTop, setScrollTop] = useState(0);
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const rowHeight = useMediaQuery(NARROW_LAYOUT) ? NARROW_ROW_HEIGHT : ROW_HEIGHT;
  // The page to fetch follows the rows in view; the total comes with it, so the last one known is used.
  const [knownTotal, setKnownTotal] = useState(0);
  const viewportFor = (count: number) => Math.min(420, Math.max(1, count) * rowHeight + 2);
  const wanted = rowWindow({ scrollTop, viewportHeight: viewportFor(knownTotal), total: knownTotal, rowHeight, overscan: 0 });
  const pageStart = Math.max(0, Math.floor(wanted.first / PAGE) * PAGE - PAGE);
  const query = useQuery(eventsPageQueryOptions(client, { ...input, offset: pageStart, limit: PAGE * 3 }));
  const isOutdated = query.data !== undefined && !holdsOnlyKept(query.data.sourceIds, keptSourceIds);
  const data = isOutdated ? undefined : query.data;
  const isPlaceholderData = query.isPlaceholderData;
  const total = data?.total ?? 0;
  // Waiting until the page has shown an answer worth showing and this table has its own answer since: only
  // then is "No matching events" said. Once said, it is said as answers come, except from a page of a store
  // that held no event while a file is read, or that is not current (a file dropped on the demo, which leaves
  // at once), or that holds a source the page no longer keeps: then the table waits again, as at first.
  const isAwaiting = isOutdated || isAwaitingEvents(data?.storeSize === 0, isReadingFile, !isPlaceholderData && input.storeVersion === storeVersion);
  const [waiting, setWaiting] = useState(true);
  if ((loading || isAwaiting) && !waiting) setWaiting(true);
  const isWaiting = waiting && (loading || isAwaiting || isPlaceholderData || data === undefined);
  if (waiting && !isWaiting) setWaiting(false);
  if (data !== undefined && total !== knownTotal) setKnownTotal(total);
  const viewportHeight = viewportFor(total);
  const rows = rowWindow({ scrollTop, viewportHeight, total, rowHeight, overscan: OVERSCAN });
  // Drawn in the scroll event itself, as the virtualizer did: rows are there before the next paint.
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const top = event.currentTarget.scrollTop;
    flushSync(() => setScrollTop(top));
  };
  const scrollRef = useRef<HTMLDivElement>(null);
  // A row far off (End on a long list) has its button only once its page of events has come: it is focused then.
  const pendingFocus = useRef<number | null>(null);
  // The list is one Tab stop (its rows' buttons are out of the Tab order): tabbing through a million rows
  // would keep a keyboard user from the rest of the page. Arrow keys move between the rows inside it.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const scroller = scrollRef.current;
    const step = ROW_STEPS[event.key];
    if (scroller === null || step === undefined || total === 0) return;
    event.preventDefault();
    const target = Math.min(total - 1, Math.max(0, targetRow(step, currentRow(event.target as HTMLElement, scroller), scroller)));
    const top = target * rowHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + rowHeight > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + rowHeight - scroller.clientHeight;
    const scrolled = scroller.scrollTop;
    pendingFocus.current = target;
    // The focused row may leave the window of drawn rows: the list holds focus until the target's row is drawn.
    scroller.focus({ preventScroll: true });
    flushSync(() => setScrollTop(scrolled));
    focusPending();
  };
  /** The row the keys move from: the focused one, else the one still awaited, else none (-1). */
  const currentRow = (from: HTMLElement, scroller: HTMLElement): number => {
    const row = from.closest('[aria-rowindex]');
    if (row !== null && scroller.contains(row)) return Number(row.getAttribute('aria-rowindex')) - 2;
    return pendingFocus.current ?? -1;
  };
  const targetRow = (step: RowStep, current: number, scroller: HTMLElement): number => {
    if (step === 'first') return 0;
    if (step === 'last') return total - 1;
    // From the list itself (tabbed into, or scrolled by the mouse), a key starts at the first row in view.
    if (current < 0) return Math.ceil(scroller.scrollTop / rowHeight);
    const page = Math.max(1, Math.floor(scroller.clientHeight / rowHeight) - 1);
    return current + (step === 'pageDown' ? page : step === 'pageUp' ? -page : step);
  };
  const focusPending = () => {
    const scroller = scrollRef.current;
    if (pendingFocus.current === null || scroller === null) return;
    // Focus that has left the list meanwhile stays where the user put it.
    if (!scroller.contains(document.activeElement)) {
      pendingFocus.current = null;
      return;
    }
    const button = scroller.querySelector<HTMLElement>(`[aria-rowindex="${pendingFocus.current + 2}"] button`);
    if (button === null) return;
    pendingFocus.current = null;
    button.focus();
  };
  useEffect(focusPending);
  // The pointer or the wheel takes over: a row still awaited is not focused when it comes.
  const forgetPendingFocus = () => {
    pendingFocus.current = null;
  };
  // A new order starts at its top (chosen here, or by Back and Forward through the link's history).
  const [shownOrder, setShownOrder] = useState(input.view.order);
  if (shownOrder !== input.view.order) {
    setShownOrder(input.view.order);
    setScrollTop(0);
  }
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [input.view.order]);
  const rowAt = (i: number): StoredEvent | undefined => (data && i >= data.offset ? data.rows[i - data.offset] : undefined);
  const tz = input.view.tz;
  const now = useNow(1000);
  const shown: number[] = [];
  for (let i = rows.first; i <= rows.last; i += 1) shown.push(i);

  return (
    <section className="panel" aria-labelledby="events-title">
      <div className="panel-header">
        <h2 id="events-title">Error events</h2>
        <span className="hint">{isWaiting ? '…' : formatCount(total)} matching · open a row for the raw record and guidance</span>
        <div className="panel-actions">
          <label className="row small">
            <span className="muted">Order</span>
            <select
              value={input.view.order}
              onChange={(event) => onOrderChange(event.target.value === 'newest' ? 'newest' : 'oldest')}
            >
              <option value="newest">Newest first</option>
              <option value="oldest">Oldest first</option>
            </select>
          </label>
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
        <div
          ref={scrollRef}
          role="rowgroup"
          className="events-scroll"
          tabIndex={0}
          aria-label="Error events, scrollable; arrow keys move between rows, Enter opens one"
          style={{ height: viewportHeight }}
          onScroll={onScroll}
          onKeyDown={onKeyDown}
          onPointerDown={forgetPendingFocus}
          onWheel={forgetPendingFocus}
        >
          <div role="presentation" style={{ height: rows.spacerHeight, position: 'relative' }}>
            {shown.map((index) => {
              const event = rowAt(index);
              return (
                <div
                  key={index}
                  role="row"
                  aria-rowindex={index + 2}
                  className={`events-row${event && event.time !== null && now - event.time < RECENT_MS && event.time <= now + RECENT_MS ? ' is-recent' : ''}`}
                  style={{ position: 'absolute', top: 0, transform: `translateY(${rows.offset(index)}px)`, height: rowHeight, width: '100%' }}
                  onClick={event ? (click) => openOnClick(click, event.index, setOpenIndex) : undefined}
                >
                  {event ? <EventCells event={event} tz={tz} sourceName={sourceNames.get(event.sourceId) ?? `#${event.sourceId}`} onOpen={setOpenIndex} /> : <span role="cell" className="muted">…</span>}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      )}
      {total === 0 ? <p className="empty">{isWaiting ? 'Loading…' : 'No matching events.'}</p> : null}
      {openIndex !== null ? renderDetail(openIndex, () => setOpenIndex(null)) : null}
    </section>
  );
}

/**
 * A click anywhere on a row opens it, as the list's caption says; the code's button (the keyboard's way) opens it
 * itself, and a click that ends a text selection (copying a message) leaves the row closed.
 */
function openOnClick(click: MouseEvent<HTMLDivElement>, index: number, open: (index: number) => void): void {
  if (click.target instanceof Element && click.target.closest('button, a') !== null) return;
  if ((window.getSelection()?.toString() ?? '') !== '') return;
  open(index);
}

/**
 * Memoized: the table redraws with every progress update of a file being read (four a second), and a row
 * whose event did not change keeps its cells.
 */
const EventCells = memo(function EventCells({
  event,
  tz,
  sourceName,
  onOpen,
}: {
  readonly event: StoredEvent;
  readonly tz: 'local' | 'utc' | 'utc+8';
  readonly sourceName: string;
  readonly onOpen: (index: number) => void;
}) {
  const entry = event.code ? lookupCode(event.code) : undefined;
  return (
    <>
      <span role="cell" className="mono small">{event.time !== null ? formatInstant(event.time, tz) : 'undated'}</span>
      <span role="cell">
        <button type="button" tabIndex={-1} className="btn-link mono" onClick={() => onOpen(event.index)} aria-label={`Open event ${event.code ?? 'without code'} from line ${event.line}`}>
          {event.code ? <SafeText text={event.code} max={12} /> : 'none'}
        </button>
        {event.attempts > 1 ? <span className="small muted"> ×{event.attempts}</span> : null}
      </span>
      <span role="cell" className="small">{event.category ? CATEGORY_LABELS[event.category] : 'uncatalogued'}</span>
      <span role="cell" className="cell-message small">
        <SafeText text={event.message ?? entry?.title ?? ''} max={160} tooltip />
      </span>
      <span role="cell" className="small muted cell-source">
        <SafeText text={sourceName} max={28} className="source-name" />
        <span className="source-line">:{event.line}</span>
      </span>
    </>
  );
});
