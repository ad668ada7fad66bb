import { WINDOW_LABELS } from '../../core/catalog/labels';
import type { StoredEvent } from '../../core/store';
import { formatInstant } from '../../shared/format';
import { RECORD_FLAG_LABEL, RECORD_FLAG_TEXT } from '../../shared/record-flags';
import { SafeText } from '../../shared/safe-text';

interface EventFieldsProps {
  readonly event: StoredEvent;
  /** Template parameters read from the record again (next_flush_time, …). */
  readonly params: Readonly<Record<string, string>>;
  readonly tz: 'local' | 'utc' | 'utc+8';
  readonly sourceName: (sourceId: number) => string;
}

/** Where the event was logged and what its record carried: source, HTTP status, request id, reset, parameters, caveats. */
export function EventFields({ event, params, tz, sourceName }: EventFieldsProps) {
  return (
    <dl className="fields">
      <dt>Source</dt>
      <dd><SafeText text={`${sourceName(event.sourceId)}, line ${event.line}`} max={120} /></dd>
      <dt>HTTP status</dt>
      {/* Only what the record says: the catalog's usual status is the guidance card's, labelled as such. */}
      <dd>{event.http ?? <span className="muted">none in the record</span>}</dd>
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
      {Object.entries(params).map(([name, value]) => (
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
  );
}
