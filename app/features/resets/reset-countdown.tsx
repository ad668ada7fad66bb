import type { ResetGroup } from '../../core/aggregate';
import { lookupCode } from '../../core/catalog/catalog';
import { WINDOW_LABELS } from '../../core/catalog/labels';
import type { QuotaWindow } from '../../core/catalog/types';
import { announcementText, toCountdown, toDayCountdown, toIcsEvent } from '../../core/countdown/countdown';
import { formatCountOf, formatDayIn, formatDuration, formatInstant, zoneSuffix } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';

interface ResetCountdownProps {
  readonly window: QuotaWindow;
  readonly group: ResetGroup;
  readonly hitAfterReset: boolean;
  readonly now: number;
  readonly resetOffsetMinutes: number;
}

/**
 * One countdown: role="timer" named after the code and window, holding the reset instant as a <time>
 * in UTC. Screen readers hear it only when it crosses a threshold (the live region below).
 */
export function ResetCountdown(props: ResetCountdownProps) {
  return props.group.dateOnly ? <DayReset {...props} /> : <TimedReset {...props} />;
}

function TimedReset({ window, group, hitAfterReset, now, resetOffsetMinutes }: ResetCountdownProps) {
  const countdown = toCountdown(group.resetAt, now);
  const iso = new Date(group.resetAt).toISOString();
  const label = timerLabel(group, window);
  const stateText =
    countdown.state === 'counting'
      ? formatDuration(countdown.remainingMs)
      : countdown.state === 'resetting'
        ? 'resetting…'
        : `reset passed ${formatDuration(countdown.sinceMs, false)} ago`;
  return (
    <div className={`countdown countdown-${countdown.state}`}>
      <ResetHeading window={window} group={group} />
      <ResetTimer label={label} state={countdown.state} dateTime={iso} text={stateText} />
      <span className="sr-only" aria-live="polite">
        {countdown.state === 'counting' ? `${label}: ${announcementText(countdown.remainingMs)}` : countdown.state === 'resetting' ? `${label}: the limit has reset` : ''}
      </span>
      {countdown.state === 'passed' ? (
        <div className="small">{hitAfterReset ? 'The limit was hit again after this reset.' : 'No new hit since this reset.'}</div>
      ) : null}
      <dl className="fields small">
        <dt>Your time</dt>
        <dd>{formatInstant(group.resetAt, 'local')}</dd>
        <dt>UTC</dt>
        <dd>{formatInstant(group.resetAt, 'utc')}</dd>
        <dt>As written</dt>
        <dd>
          <SafeText text={group.raw} max={40} /> <span className="muted">{readAsText(group, resetOffsetMinutes)}</span>
        </dd>
      </dl>
      {/* A reset that has passed is no event to put in a calendar. */}
      {countdown.state === 'counting' ? (
        <div className="row">
          <a className="btn btn-small" download={`quota-reset-${group.code}-${iso.slice(0, 10)}.ics`} href={icsHref(group, window, now, resetOffsetMinutes)}>
            Add to calendar (.ics)
          </a>
        </div>
      ) : null}
    </div>
  );
}

/**
 * E12: a reset stamp that gives a day only (`… will reset at 2026-08-30`) is shown as that day, in the zone it was
 * read in, with its time of day unknown: no countdown to the second, and no calendar entry at a made-up time.
 */
function DayReset({ window, group, hitAfterReset, now, resetOffsetMinutes }: ResetCountdownProps) {
  const day = toDayCountdown(group.resetAt, now);
  const date = formatDayIn(group.resetAt, resetOffsetMinutes);
  const stateText =
    day.state === 'before' ? `resets on ${date}, in ${formatCountOf(day.daysLeft, 'day')}` : day.state === 'today' ? `resets today, ${date}` : `reset day ${date} passed`;
  return (
    <div className={`countdown countdown-${day.state === 'passed' ? 'passed' : 'counting'}`}>
      <ResetHeading window={window} group={group} />
      <ResetTimer label={timerLabel(group, window)} state={day.state} dateTime={date} text={stateText} />
      <div className="small">The message gives the day only: the time of day is not known{day.state === 'passed' ? (hitAfterReset ? '; the limit was hit again after it.' : '.') : '.'}</div>
      <dl className="fields small">
        <dt>Day</dt>
        <dd>
          {date} <span className="muted">({zoneSuffix(resetOffsetMinutes)}{resetOffsetMinutes === 480 ? ', the provider’s time' : ''})</span>
        </dd>
        <dt>As written</dt>
        <dd>
          <SafeText text={group.raw} max={40} />
        </dd>
      </dl>
    </div>
  );
}

const timerLabel = (group: ResetGroup, window: QuotaWindow) => `Reset of ${group.code} (${WINDOW_LABELS[window]})`;

/** The window, and the code, title and hits of the reset's announcements. */
function ResetHeading({ window, group }: { readonly window: QuotaWindow; readonly group: ResetGroup }) {
  return (
    <div className="row">
      <strong>{WINDOW_LABELS[window]}</strong>
      <span className="muted small">
        {group.code} {lookupCode(group.code)?.title ?? 'Quota reset'} · {formatCountOf(group.count, 'hit')} naming this reset
      </span>
    </div>
  );
}

/** role="timer" named after the code and window, its text in a <time>. */
function ResetTimer({ label, state, dateTime, text }: { readonly label: string; readonly state: string; readonly dateTime: string; readonly text: string }) {
  return (
    <div role="timer" aria-label={label} className="countdown-value" data-state={state}>
      <time dateTime={dateTime}>{text}</time>
    </div>
  );
}

function icsHref(group: ResetGroup, window: QuotaWindow, now: number, resetOffsetMinutes: number): string {
  const ics = toIcsEvent({
    resetAt: group.resetAt,
    now,
    uid: `${group.code}-${group.resetAt}@quotalens`,
    title: `Z.ai ${WINDOW_LABELS[window].toLowerCase()} quota resets`,
    description: `Code ${group.code}: the limit resets now (stamp “${group.raw}” ${readAsText(group, resetOffsetMinutes)}).`,
  });
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
}

/** '(read as UTC+8, the provider’s time)' for a stamp written without a zone; '(with its own zone)' for one with it. */
function readAsText(group: ResetGroup, resetOffsetMinutes: number): string {
  if (!group.zoneAssumed) return '(with its own zone)';
  return `(read as ${zoneSuffix(resetOffsetMinutes)}${resetOffsetMinutes === 480 ? ', the provider’s time' : ''})`;
}
