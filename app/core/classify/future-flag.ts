import { FUTURE_MARGIN_MS } from '../time/future';
import { withFlag, type ErrorOutcome, type Outcome } from './outcome';

let lastClock: (() => number) | undefined;
let futureAfter = -Infinity;

/**
 * Whether `ts` is more than FUTURE_MARGIN_MS after the clock. The clock is asked only when a time passes the
 * last limit it gave, which only grows: a log of the past costs one comparison an event, and a live stream read
 * for hours is still judged against the clock of each event's arrival.
 */
function isFuture(ts: number | null, now: () => number): boolean {
  if (ts === null || (ts <= futureAfter && now === lastClock)) return false;
  lastClock = now;
  futureAfter = now() + FUTURE_MARGIN_MS;
  return ts > futureAfter;
}

function flagOne(outcome: ErrorOutcome, now: () => number): ErrorOutcome {
  return isFuture(outcome.details.ts, now) ? withFlag(outcome, 'timestamp_in_future') : outcome;
}

/**
 * E9: each error of the outcome dated more than FUTURE_MARGIN_MS after the clock when it was read (a clock
 * ahead, or a zone-less time read in the wrong zone) carries `timestamp_in_future`. It stays dated and counted.
 */
export function flagFutureErrors(outcome: Outcome, now: () => number): Outcome {
  if (outcome.kind !== 'catalogued' && outcome.kind !== 'uncatalogued') return outcome;
  const first = flagOne(outcome, now);
  const { also } = outcome;
  if (also === undefined) return first;
  const flaggedAlso = also.map((other) => flagOne(other, now));
  return flaggedAlso.every((other, i) => other === also[i]) ? first : { ...first, also: flaggedAlso };
}
