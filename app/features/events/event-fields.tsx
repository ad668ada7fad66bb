import { WINDOW_LABELS } from '../../core/catalog/labels';
import type { StoredEvent } from '../../core/store';
import { resetInZone } from '../../core/aggregate/effective-reset';
import { PROVIDER_OFFSET_MINUTES } from '../../core/time/provider-stamp';
import { formatDuration, formatInstant, zoneSuffix } from '../../shared/format';
import { useNow } from '../../shared/use-now';
import { RECORD_FLAG_LABEL, RECORD_FLAG_TEXT } from '../../shared/record-flags';
import { SafeText } from '../../shared/safe-text';

interface EventFieldsProps {
  readonly event: StoredEvent;
  /** Template parameters read from the record again (next_flush_time, …). */
  readonly params: Readonly<Record<string, string>>;
  readonly tz: 'local' | 'utc' | 'utc+8';
  /** The zone the view reads zone-less reset stamps in (`rtz`), as the resets panel does. */
  readonly resetOffsetMinutes: number;
  readonly sourceName: (sourceId: number) => string;
}

/** Where the event was logged and what its record carried: source, HTTP status, request id, parameters, caveats. */
export function EventFields({ event, params, sourceName }: Pick<EventFieldsProps, 'event' | 'params' | 'sourceName'>) {
  return (
    <dl className="fields">
      <dt>Source</dt>
      <dd><SafeText text={`${sourceName(event.sourceId)}, line ${event.line}`} max={120} /></dd>
      <dt>HTTP status</dt>
      {/* Only what the record says: the catalog's usual status is the guidance card's, labelled as such. */}
      <dd>{event.http ?? <span className="muted">none in the record</span>}</dd>
      <dt>Request id</dt>
      <dd className="mono">{event.requestId ? <SafeText text={event.requestId} max={80} /> : <span className="muted">none in the record</span>}</dd>
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

/**
 * The reset an event names, as the resets panel reads it: how long until it (or since it), then when, in the display
 * zone, and as written. Shown beside the event's time: the stamp in the message is the provider's wall time, with no
 * zone, and read alone it was hours off for a user elsewhere.
 */
export function ResetWhen({ event, tz, resetOffsetMinutes }: Pick<EventFieldsProps, 'event' | 'tz' | 'resetOffsetMinutes'>) {
  const now = useNow(1000);
  if (event.reset === null) return null;
  const reset = resetInZone(event.reset, event.time, event.window, resetOffsetMinutes);
  const countsDown = reset.at !== null && reset.plausible && !event.reset.dateOnly;
  return (
    <>
      {countsDown && reset.at !== null ? <strong>{reset.at > now ? `in ${formatDuration(reset.at - now)}` : `passed ${formatDuration(now - reset.at, false)} ago`}, </strong> : null}
      {reset.at !== null ? formatInstant(reset.at, tz) : 'unreadable'} ({event.window ? WINDOW_LABELS[event.window] : 'window unknown'}), written as{' '}
      <code><SafeText text={event.reset.raw} max={40} /></code>
      {event.reset.assumedOffsetMinutes !== null ? ` (no zone: read as ${zoneSuffix(resetOffsetMinutes)}${resetOffsetMinutes === PROVIDER_OFFSET_MINUTES ? ', the provider’s time' : ''})` : ''}
      {!reset.plausible ? <strong> · implausible: {reset.reason}</strong> : null}
    </>
  );
}
