import type { ImplausibleReset, WindowResets } from '../../core/aggregate';
import { WINDOW_LABELS } from '../../core/catalog/labels';
import { fittingZones } from '../../core/time/zone-fit';
import { namedZoneOffset } from '../../core/time/named-zone';
import { DEFAULT_RESET_OFFSET_MINUTES } from '../../core/view-state';
import { isResetAhead } from '../../core/countdown/countdown';
import type { SourceStatus } from '../../ingest/protocol';
import { formatCountOf, formatInstant, zoneSuffix } from '../../shared/format';
import { useNow } from '../../shared/use-now';
import { SafeText } from '../../shared/safe-text';
import { useBooleanPreference } from '../../shared/use-preference';
import { NotifyToggle } from './notify-toggle';
import { ResetCountdown } from './reset-countdown';
import { useResetNotifications } from './use-reset-notifications';

interface ResetsPanelProps {
  readonly resets: readonly WindowResets[];
  readonly tz: 'local' | 'utc' | 'utc+8';
  /** The zone zone-less reset stamps are read in (minutes east of UTC; the provider's is UTC+8). */
  readonly resetOffsetMinutes: number;
  readonly onResetOffsetChange: (minutes: number) => void;
  /** The page says it is loading (see useAnswerDisplay). */
  readonly loading?: boolean;
  /** The sources, and a way to read one again with its zone-less times in another zone (as its row under Sources). */
  readonly sources?: readonly SourceStatus[];
  readonly onReadSourceIn?: (sourceId: number, offsetMinutes: number) => void;
  /** The resets come from more errors than the view shows: its range and filters are left aside (see resetsScope). */
  readonly widerThanView?: boolean;
  /** The view keeps to some sources, and so do the resets. */
  readonly sourcesChosen?: boolean;
}

/** "Quota resets": per limit window, the latest reset and a live countdown driven by the shared ticker. */
export function ResetsPanel({ resets, tz, resetOffsetMinutes, onResetOffsetChange, loading = false, sources = [], onReadSourceIn, widerThanView = false, sourcesChosen = false }: ResetsPanelProps) {
  const now = useNow(1000);
  // A reset still to come first: on a phone, a long-passed one above it pushed the countdown below the fold.
  const seen = resets.filter((w) => w.latest !== null || w.implausible.count > 0).sort((a, b) => Number(isAhead(b, now)) - Number(isAhead(a, now)));
  const [notifyOn, setNotifyOn] = useBooleanPreference('quotalens.notify-resets', false);
  useResetNotifications(resets, now, notifyOn);
  const localOffset = -new Date(now).getTimezoneOffset();
  const choices = [...new Set([DEFAULT_RESET_OFFSET_MINUTES, 0, localOffset, resetOffsetMinutes])];
  return (
    <section className="panel stack" aria-labelledby="resets-title">
      <div className="panel-header">
        <h2 id="resets-title">Quota resets</h2>
      </div>
      <label className="field inline-field small reset-zone-field">
        <span>Reset stamps carry no zone; read them as</span>
        <select value={resetOffsetMinutes} onChange={(event) => onResetOffsetChange(Number(event.target.value))}>
          {choices.map((minutes) => (
            <option key={minutes} value={minutes}>
              {zoneSuffix(minutes)}
              {minutes === DEFAULT_RESET_OFFSET_MINUTES ? ' (provider’s time, default)' : minutes === localOffset ? ' (your zone)' : ''}
            </option>
          ))}
        </select>
      </label>
      {seen.length === 0 ? (
        // While loading, the room of one window's countdown is kept, so the page below does not jump when it comes.
        <p className={loading ? 'empty resets-loading' : 'empty'}>
          {loading ? 'Loading…' : `No quota hit (1308, 1310, 1316–1321) in ${sourcesChosen ? 'the sources shown' : 'the errors loaded'}.`}
        </p>
      ) : null}
      {widerThanView && !loading ? (
        <p className="small muted" role="note">
          Whatever the time range and filters: a limit that still blocks stays in sight.
        </p>
      ) : null}
      <NotifyToggle enabled={notifyOn} onChange={setNotifyOn} />
      {seen.map((w) => (
          <article key={w.window} className="reset-card" aria-label={`${WINDOW_LABELS[w.window]} reset`}>
            {w.latest ? (
            <ResetCountdown window={w.window} group={w.latest} hitAfterReset={w.hitAfterReset} now={now} resetOffsetMinutes={resetOffsetMinutes} />
            ) : (
              <strong>{WINDOW_LABELS[w.window]}</strong>
            )}
            {w.latest?.undated ? (
              <p className="small muted" role="note">
                From {w.latest.count === 1 ? 'an error' : 'errors'} without a time: the reset is the one written, not checked against when the error happened.
              </p>
            ) : null}
            {w.implausible.latest ? (
              <ImplausibleNote count={w.implausible.count} latest={w.implausible.latest} window={w.window} sources={sources} onReadSourceIn={onReadSourceIn} folded={w.latest !== null} />
            ) : null}
            {w.superseded.length > 0 ? (
              <details className="small">
                <summary>{formatCountOf(w.superseded.length + w.omitted, 'earlier reset')} of this window</summary>
                <ul>
                  {w.superseded.map((g) => (
                    <li key={g.resetAt}>
                      {formatInstant(g.resetAt, tz)} · code {g.code} · {formatCountOf(g.count, 'hit')}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </article>
      ))}
    </section>
  );
}

const isAhead = (w: WindowResets, now: number): boolean => w.latest !== null && isResetAhead(w.latest, now);

/**
 * Implausible resets are flagged with their raw text and the reason, and never counted down. When the error's
 * time had no zone and another source zone would make the reset fit (a server log in UTC read in New York), the
 * note offers to read the source in that zone, where the file's row under Sources was the only way.
 */
function ImplausibleNote({ count, latest, window, sources, onReadSourceIn, folded }: {
  readonly count: number;
  readonly latest: ImplausibleReset;
  readonly window: WindowResets['window'];
  readonly sources: readonly SourceStatus[];
  readonly onReadSourceIn: ResetsPanelProps['onReadSourceIn'];
  /**
   * The window has a reset that holds, above: the note is folded under its first words. Open under a live countdown,
   * a note about other (often old) errors read as doubt about that countdown.
   */
  readonly folded: boolean;
}) {
  const source = sources.find((s) => s.id === latest.sourceId);
  const readAtOffset =
    source?.localZone !== undefined ? namedZoneOffset(source.localZone)(latest.eventAt) : (source?.localOffsetMinutes ?? -new Date(latest.eventAt).getTimezoneOffset());
  const fits =
    // A source still being read cannot be read again yet (its row hides the zone choice until then).
    latest.eventZoneAssumed && latest.resetAt !== null && source !== undefined && source.kind !== 'stream' && source.state !== 'reading' && onReadSourceIn
      ? fittingZones({ eventAt: latest.eventAt, readAtOffset, resetAt: latest.resetAt, window, dateOnly: latest.dateOnly })
      : [];
  const said = `${count} reset${count === 1 ? '' : 's'} set aside as implausible (no countdown)`;
  const body = (
    <div className="small reset-implausible stack" role="note">
      <p>
        {folded ? null : `${said}: `}
        {folded ? 'Latest' : 'latest'} from {latest.code}, written “
        <SafeText text={latest.raw} max={40} />”: {latest.reason}.
        {latest.eventZoneAssumed ? ' Its error’s time had no zone and was read in its source’s zone (yours unless chosen)' : null}
        {latest.eventZoneAssumed && fits.length === 0 ? ': if the log was written elsewhere, choose its zone in the file’s row under Sources.' : null}
        {latest.eventZoneAssumed && fits.length > 0 ? '.' : null}
      </p>
      {fits.length > 0 && source !== undefined ? (
        <p className="row">
          <span>If the file’s times were written in {fits.map(([label]) => label).join(' or ')}, the reset fits its error:</span>
          {fits.map(([label, offset]) => (
            <button key={label} type="button" className="btn btn-small" onClick={() => onReadSourceIn?.(source.id, offset)}>
              Read the times of <SafeText text={source.name} max={40} /> as {label}
            </button>
          ))}
        </p>
      ) : null}
    </div>
  );
  return folded ? (
    <details className="small reset-implausible-fold">
      <summary>{said}</summary>
      {body}
    </details>
  ) : (
    body
  );
}
