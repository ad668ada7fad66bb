import { FUTURE_MARGIN_MS } from '../time/future';
import { withFlag, type ErrorOutcome, type Outcome } from './outcome';

/**
 * Whether `ts` is more than FUTURE_MARGIN_MS after the clock, asked for each dated error: a live stream read for
 * hours is judged against the clock of each error's arrival, and a clock set back (a user correcting one that was
 * ahead, an NTP step) is seen at once, which a limit remembered from an earlier reading would miss.
 */
function isFuture(ts: number | null, now: () => number): boolean {
  return ts !== null && ts > now() + FUTURE_MARGIN_MS;
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
