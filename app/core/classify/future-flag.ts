import { FUTURE_MARGIN_MS } from '../time/future';
import { withFlag, type ErrorOutcome, type Outcome } from './outcome';

/** Dated errors judged against one reading of the clock at most: a clock set back is seen within as many. */
const CLOCK_READ_EVERY = 256;

let lastClock: (() => number) | undefined;
let futureAfter = -Infinity;
let sinceRead = 0;

/**
 * Whether `ts` is more than FUTURE_MARGIN_MS after the clock. Reading the clock for every error cost about 5 % of a
 * large NDJSON read, so its last reading is kept, and read again when a time passes the limit it gave (a live
 * stream read for hours is judged against the clock of each error's arrival), when the clock given changes, and
 * every CLOCK_READ_EVERY dated errors, which bounds what a clock set back (one that was ahead, corrected while the
 * page is open) can leave unflagged.
 */
function isFuture(ts: number | null, now: () => number): boolean {
  if (ts === null) return false;
  sinceRead += 1;
  if (ts <= futureAfter && now === lastClock && sinceRead < CLOCK_READ_EVERY) return false;
  lastClock = now;
  sinceRead = 0;
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
