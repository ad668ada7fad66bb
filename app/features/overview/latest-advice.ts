import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { Overview } from '../../core/aggregate';
import { VERDICT_LABELS } from '../../core/catalog/labels';
import type { Verdict } from '../../core/catalog/types';
import { toCountdown, toDayCountdown } from '../../core/countdown/countdown';
import { displayOffsetMinutes, formatDayIn, formatInstant, zoneSuffix } from '../../shared/format';

dayjs.extend(utc);

type LatestReset = NonNullable<NonNullable<Overview['latest']>['reset']>;
type DisplayZone = 'local' | 'utc' | 'utc+8';

interface LatestAdviceInput {
  /** The catalog's verdict for the code, or null for an uncatalogued one. */
  readonly verdict: Verdict | null;
  readonly reset: LatestReset | null;
  readonly now: number;
  readonly tz: DisplayZone;
}

/** One short line (two at most on a phone's card), and for a tooltip the reset's whole instant or day with its zone. */
export interface LatestAdvice {
  readonly text: string;
  readonly title?: string;
}

/**
 * What to do about the latest error now. The verdict says "wait for the reset" forever; once the reset the error
 * names has passed, that is wrong, so a named reset gives its time: to wait for, or passed and retry.
 * latestAdvice({ verdict: 'wait-for-reset', reset: { at: 18:00Z }, now: 18:05Z, tz: 'utc', … })
 *   -> { text: 'Reset passed at 18:00: you can retry', title: '2026-11-27 18:00:00 UTC' }
 */
export function latestAdvice({ verdict, reset, now, tz }: LatestAdviceInput): LatestAdvice {
  if (reset === null) return { text: verdict ? VERDICT_LABELS[verdict] : 'uncatalogued' };
  if (reset.dateOnly) return dayAdvice(reset.at, now, reset.readInOffsetMinutes);
  const title = formatInstant(reset.at, tz);
  const shown = inZone(reset.at, displayOffsetMinutes(tz, reset.at));
  const isToday = shown.format('YYYY-MM-DD') === inZone(now, displayOffsetMinutes(tz, now)).format('YYYY-MM-DD');
  // From its instant on, the limit is reset: said at once (the resets panel shows "resetting…" for that minute).
  if (toCountdown(reset.at, now).state === 'counting') return { text: `Wait for the reset at ${shown.format(isToday ? 'HH:mm' : 'MMM D, HH:mm')}`, title };
  // Passed on an earlier day, its day says enough: the card's line stays short (the instant is in the tooltip).
  return { text: isToday ? `Reset passed at ${shown.format('HH:mm')}: you can retry` : `Reset passed on ${shown.format('MMM D')}: you can retry`, title };
}

/** E12: a reset written as a day only; its time of day is not known, so it is passed only once its day is. */
function dayAdvice(dayStart: number, now: number, offsetMinutes: number): LatestAdvice {
  const day = inZone(dayStart, offsetMinutes).format('MMM D');
  const title = `${formatDayIn(dayStart, offsetMinutes)} (${zoneSuffix(offsetMinutes)}), time of day not known`;
  const { state } = toDayCountdown(dayStart, now);
  if (state === 'before') return { text: `Wait for the reset on ${day}`, title };
  return state === 'today' ? { text: 'Resets today, time not known', title } : { text: `Reset day ${day} passed: you can retry`, title };
}

const inZone = (at: number, offsetMinutes: number) => dayjs.utc(at).utcOffset(offsetMinutes);
