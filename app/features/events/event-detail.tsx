import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { WINDOW_LABELS } from '../../core/catalog/labels';
import type { StoredEvent } from '../../core/store';
import { eventDetailQueryOptions } from '../../data/query-options';
import type { IngestClient } from '../../ingest/ingest-client';
import { formatInstant } from '../../shared/format';
import { RECORD_FLAG_LABEL, RECORD_FLAG_TEXT } from '../../shared/record-flags';
import { SafeText } from '../../shared/safe-text';
import { RawRecord } from './raw-record';

interface EventDetailProps {
  readonly client: IngestClient;
  readonly index: number;
  /** The store's epoch: the event at `index` stays the same until it moves on (see SourcesSnapshot). */
  readonly storeEpoch: number;
  readonly tz: 'local' | 'utc' | 'utc+8';
  readonly sourceName: (sourceId: number) => string;
  readonly renderGuidance: (event: StoredEvent) => ReactNode;
  readonly onClose: () => void;
}

/** The whole record of one event, re-read from its source, with its fields and the guidance. */
export function EventDetail({ client, index, storeEpoch, tz, sourceName, renderGuidance, onClose }: EventDetailProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { data, isPending, error } = useQuery(eventDetailQueryOptions(client, index, storeEpoch));
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const event = data?.event;
  return (
    <dialog ref={dialogRef} className="event-dialog" aria-labelledby="event-detail-title" onClose={onClose}>
      <div className="panel-header">
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
          <dl className="fields">
            <dt>Time</dt>
            <dd>{event.time !== null ? formatInstant(event.time, tz) : 'undated'}</dd>
            <dt>Source</dt>
            <dd><SafeText text={`${sourceName(event.sourceId)}, line ${event.line}`} max={120} /></dd>
            <dt>HTTP status</dt>
            <dd>{event.http ?? '—'}</dd>
            <dt>Request id</dt>
            <dd className="mono">{event.requestId ? <SafeText text={event.requestId} max={80} /> : '—'}</dd>
            {event.reset ? (
              <>
                <dt>Reset</dt>
                <dd>
                  {event.reset.at !== null ? formatInstant(event.reset.at, tz) : 'unreadable'} ({event.window ? WINDOW_LABELS[event.window] : 'window unknown'}), written as{' '}
                  <code><SafeText text={event.reset.raw} max={40} /></code>
                  {event.reset.assumedOffsetMinutes !== null ? ' (no zone: read as UTC+8, the provider’s time)' : ''}
                  {!event.reset.plausible ? <strong> · implausible: {event.reset.implausibleReason}</strong> : null}
                </dd>
              </>
            ) : null}
            {event.attempts > 1 ? (
              <>
                <dt>Attempts</dt>
                <dd>{event.attempts} (retries folded into this incident)</dd>
              </>
            ) : null}
            {Object.entries(data.params).map(([name, value]) => (
              <div key={name} className="fields-row">
                <dt className="mono">{name.slice(0, 40)}</dt>
                <dd className="mono"><SafeText text={value} max={200} /></dd>
              </div>
            ))}
            {event.flags.length > 0 ? (
              <>
                <dt>Read with a caveat</dt>
                <dd className="small">
                  {event.flags.map((flag, i) => (
                    <span key={flag} title={RECORD_FLAG_TEXT[flag]}>
                      {i > 0 ? ', ' : ''}
                      {RECORD_FLAG_LABEL[flag]}
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
          {renderGuidance(event)}
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
