import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import type { StoredEvent } from '../../core/store';
import { eventDetailQueryOptions } from '../../data/query-options';
import type { IngestClient } from '../../ingest/ingest-client';
import { formatInstant } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';
import { EventFields, ResetWhen } from './event-fields';
import { RawRecord } from './raw-record';

interface EventDetailProps {
  readonly client: IngestClient;
  readonly index: number;
  /** The store's epoch: the event at `index` stays the same until it moves on (see SourcesSnapshot). */
  readonly storeEpoch: number;
  readonly tz: 'local' | 'utc' | 'utc+8';
  /** The zone zone-less reset stamps are read in (`rtz`). */
  readonly resetOffsetMinutes: number;
  readonly sourceName: (sourceId: number) => string;
  readonly renderGuidance: (event: StoredEvent) => ReactNode;
  readonly onClose: () => void;
}

/** One event: its time and message, the guidance, its fields and its whole record, re-read from its source. */
export function EventDetail({ client, index, storeEpoch, tz, resetOffsetMinutes, sourceName, renderGuidance, onClose }: EventDetailProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { data, isPending, error } = useQuery(eventDetailQueryOptions(client, index, storeEpoch));
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const event = data?.event;
  return (
    <dialog ref={dialogRef} className="event-dialog" aria-labelledby="event-detail-title" onClose={onClose}>
      {/* Sticky: on a phone, with no Escape key, Close stays in reach however far the record is scrolled. */}
      <div className="panel-header event-dialog-header">
        <h2 id="event-detail-title">Error event {event?.code ? <SafeText text={event.code} max={24} /> : null}</h2>
        <div className="panel-actions">
          <button type="button" className="btn" onClick={() => dialogRef.current?.close()} autoFocus>
            Close
          </button>
        </div>
      </div>
      {isPending ? <p>Loading…</p> : null}
      {error ? <p role="alert">Could not load the event: {error.message}</p> : null}
      {event ? (
        <div className="stack">
          {/* What the user came for first: when, and the log's own words; the catalog's guidance after them. */}
          <dl className="fields">
            <dt>Time</dt>
            <dd>
              {event.time !== null ? formatInstant(event.time, tz) : 'undated'}
              {/* The raw record below does not hold it: say where the time came from. */}
              {event.time !== null && event.flags.includes('timestamp_from_previous_line') ? <span className="muted"> (from the line above the record)</span> : null}
              {event.time !== null && event.flags.includes('timestamp_from_request_id') ? <span className="muted"> (from the request id)</span> : null}
            </dd>
            {event.reset ? (
              <>
                <dt>Reset</dt>
                <dd>
                  <ResetWhen event={event} tz={tz} resetOffsetMinutes={resetOffsetMinutes} />
                </dd>
              </>
            ) : null}
            <dt>Message</dt>
            <dd className="event-message">{event.message ? <SafeText text={event.message} max={300} /> : <span className="muted">none in the record</span>}</dd>
          </dl>
          {/* The message above and the request id below are shown once; the card keeps to what the catalog says about the code. */}
          {renderGuidance({ ...event, message: null, requestId: null })}
          <EventFields event={event} params={data.params} sourceName={sourceName} />
          {data.raw !== null ? (
            <RawRecord client={client} index={index} storeEpoch={storeEpoch} preview={data} raw={data.raw} />
          ) : (
            <>
              <h3>Raw record</h3>
              <p className="muted">The raw record is not kept for this source (a live stream, or a source that was removed).</p>
            </>
          )}
        </div>
      ) : null}
    </dialog>
  );
}
