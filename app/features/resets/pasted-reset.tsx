import { isQuotaWindow } from '../../core/catalog/guards';
import type { EventSummary } from '../../ingest/protocol';
import { useNow } from '../../shared/use-now';
import { ResetCountdown } from './reset-countdown';

interface PastedResetProps {
  readonly event: EventSummary;
  readonly resetOffsetMinutes: number;
}

/** A freshly pasted quota error gets its countdown at once; an implausible reset is shown, not counted down. */
export function PastedReset({ event, resetOffsetMinutes }: PastedResetProps) {
  const now = useNow(1000);
  if (event.resetRaw === null || event.code === null) return null;
  if (event.resetAt === null || event.resetPlausible === false) {
    return (
      <p className="small reset-implausible" role="note">
        Reset “{event.resetRaw}” not counted down: {event.resetImplausibleReason ?? 'it could not be read as a date'}.
      </p>
    );
  }
  const window = isQuotaWindow(event.window) ? event.window : '5-hour';
  const seenAt = event.ts ?? now;
  return (
    <ResetCountdown
      window={window}
      group={{ resetAt: event.resetAt, raw: event.resetRaw, code: event.code, count: 1, firstEventAt: seenAt, lastEventAt: seenAt, dateOnly: event.resetDateOnly, zoneAssumed: event.resetAssumedOffsetMinutes !== null }}
      hitAfterReset={false}
      now={now}
      resetOffsetMinutes={event.resetAssumedOffsetMinutes ?? resetOffsetMinutes}
    />
  );
}
