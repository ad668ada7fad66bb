import type { Overview, WindowResets } from '../../core/aggregate';
import { lookupCode } from '../../core/catalog/catalog';
import { isResetAhead } from '../../core/countdown/countdown';
import { formatDayIn, formatDuration, formatInstant, zoneSuffix } from '../../shared/format';
import { latestAdvice } from './latest-advice';

type DisplayZone = 'local' | 'utc' | 'utc+8';

/** The page's first line: what the logs say to do now. */
export interface NowHeadline {
  /** 'blocked': a quota limit that still blocks; 'latest': what to do about the latest error; 'none': no error. */
  readonly tone: 'blocked' | 'latest' | 'none';
  readonly text: string;
}

/**
 * One answer to "what now?", from the resets (about now, whatever the filters) and the latest error of the view. A
 * limit that still blocks comes first, the one that blocks longest: while it does, retrying, slowing down or fixing the
 * request the latest error asks for cannot help. Else the latest error and what to do about it; else that there is none.
 * nowHeadline({ resets: [weekly blocking until T + 3 d], latest: a 500 a minute ago, now: T, tz: 'utc', … })
 *   -> { tone: 'blocked', text: 'Weekly quota used up: wait for its reset at 2026-11-30 12:00 UTC, in 3d 0h 0m (1310).' }
 */
export function nowHeadline({ resets, latest, now, tz, resetOffsetMinutes }: {
  resets: readonly WindowResets[];
  latest: Overview['latest'];
  now: number;
  tz: DisplayZone;
  /** The zone zone-less reset stamps are read in: a reset written as a day only is that day there. */
  resetOffsetMinutes: number;
}): NowHeadline {
  const blocking = resets.filter((w) => w.latest !== null && isResetAhead(w.latest, now)).sort((a, b) => (b.latest?.resetAt ?? 0) - (a.latest?.resetAt ?? 0))[0];
  if (blocking?.latest) {
    const { resetAt, dateOnly, code, undated } = blocking.latest;
    const left = resetAt - now < 60_000 ? 'in under a minute' : `in ${formatDuration(resetAt - now, false)}`;
    const when = dateOnly
      ? `on ${formatDayIn(resetAt, resetOffsetMinutes)} (${zoneSuffix(resetOffsetMinutes)}, time of day not known)`
      : `at ${formatInstant(resetAt, tz, 'YYYY-MM-DD HH:mm')}, ${left}`;
    const name = blocking.window;
    // As the resets panel says it: a reset named by errors without a time could not be checked against them.
    const caveat = undated ? ', named by an error without a time' : '';
    return { tone: 'blocked', text: `${name.charAt(0).toUpperCase()}${name.slice(1)} quota used up: wait for its reset ${when} (${code}${caveat}).` };
  }
  if (latest === null) return { tone: 'none', text: 'No dated error in this view.' };
  const entry = latest.code ? lookupCode(latest.code) : undefined;
  const advice = latestAdvice({ verdict: entry?.verdict ?? null, reset: latest.reset, now, tz });
  const ago = now - latest.at < 60_000 ? 'just now' : `${formatDuration(now - latest.at, false)} ago`;
  const what = latest.code ? `${latest.code}${entry ? ` ${entry.title}` : ''}` : 'an error without a code';
  const todo = advice.text === 'uncatalogued' ? 'Not in the catalog: see its record' : advice.text;
  return { tone: 'latest', text: `Latest error: ${what}, ${ago}. ${todo}.` };
}
