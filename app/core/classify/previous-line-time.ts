import { redate } from './compose';
import { leadingStamp } from './event-time';
import type { EventTime } from './event-time';
import { withFlag, type ErrorOutcome, type Outcome, type RecordFlag } from './outcome';

/**
 * An error without a time of its own, right under a stamped log line, takes that line's time: Python's
 * `logger.exception` and log4j write a stamped line, then the trace (`Traceback …`, `com.zai.ApiException: …`
 * and its `at` lines); a client that prints a response writes `… DEBUG response:`, then the raw HTTP dump.
 *
 * What the record sink asks (see record-sink.ts for which line counts as the one above):
 * 1. is the record an error without a time of its own (isUndatedError), and is the line above a log line that
 *    opens with a stamp (stampProbe, null if not);
 * 2. what time does that stamp give (timeOfProbe): the probe is that stamp at the start of a line that is an
 *    error and nothing else, classified by the same classifier as the record. So the stamp is read exactly as
 *    the line's own leading stamp is (zone-less → the source's zone, flagged `timestamp_zone_assumed`; a named
 *    offset; epoch digits), and judged against the same clock (`timestamp_in_future`), whatever options the
 *    page or the command line gave the classifier. A classifier that dates nothing (a test's fake) dates nothing here;
 * 3. the error dated with it (datedByLineAbove): built as new objects by redate, never by changing the outcome,
 *    which a cache of the classifier may share with other records.
 */

/** After a stamp, an error the classifier reads whatever its catalog: a code (catalogued or not), no message, no time, no request id, no reset. */
const PROBE_BODY = ' {"error":{"code":"1302"}}';

/** The flags of a time read from the line above, in place of `timestamp_missing` (frozen: redate copies them). */
const FROM_LINE_ABOVE: readonly RecordFlag[] = Object.freeze(['timestamp_from_previous_line'] as const);
const FROM_LINE_ABOVE_ZONE_ASSUMED: readonly RecordFlag[] = Object.freeze(['timestamp_zone_assumed', 'timestamp_from_previous_line'] as const);

/**
 * An error record without a time of its own: no time in it, nor a request id that dates it (`timestamp_missing`).
 * A time written but unreadable (`timestamp_invalid`) or one read from the request id is the record's own and is
 * kept. The caller compares `details.ts` with null first: a dated error costs that one comparison.
 */
export function isUndatedError(outcome: Outcome): outcome is ErrorOutcome {
  return (outcome.kind === 'catalogued' || outcome.kind === 'uncatalogued') && outcome.details.ts === null && outcome.details.flags.includes('timestamp_missing');
}

/**
 * The line to classify for the time of `line`'s leading stamp, or null when it opens with none.
 * stampProbe('2026-09-30 14:44:00,123 - app - ERROR - request failed') -> '2026-09-30 14:44:00,123 {"error":{"code":"1302"}}'
 * The stamp is leadingStamp's (a named offset or the Beijing-time prefix already written as an offset), which reads
 * back as itself at the start of the probe; the rest of the line is left out, so no time or id in it is read.
 */
export function stampProbe(line: string): string | null {
  const stamp = leadingStamp(line);
  return stamp === null ? null : stamp + PROBE_BODY;
}

/** The time the classifier gave the probe, or null (an impossible date: the error stays undated). */
export interface ProbeTime {
  readonly ts: number;
  readonly zoneAssumed: boolean;
  readonly inFuture: boolean;
}

export function timeOfProbe(probe: Outcome): ProbeTime | null {
  if (probe.kind !== 'catalogued' && probe.kind !== 'uncatalogued') return null;
  const { ts, flags } = probe.details;
  if (ts === null) return null;
  return { ts, zoneAssumed: flags.includes('timestamp_zone_assumed'), inFuture: flags.includes('timestamp_in_future') };
}

/**
 * The error dated by the line above: its time, `timestamp_from_previous_line` (and `timestamp_zone_assumed` when the
 * stamp had no zone) in place of `timestamp_missing`, a quota reset judged again against that time (redate), and
 * `timestamp_in_future` last, where the classifier puts it. The other errors of an array line (B8) that are undated
 * too are dated alike. New objects throughout: the outcome given is left as it was.
 */
export function datedByLineAbove(outcome: ErrorOutcome, time: ProbeTime): ErrorOutcome {
  const eventTime: EventTime = { ts: time.ts, flags: time.zoneAssumed ? FROM_LINE_ABOVE_ZONE_ASSUMED : FROM_LINE_ABOVE };
  const dateOne = (error: ErrorOutcome): ErrorOutcome => {
    if (!isUndatedError(error)) return error;
    const dated = redate(error, eventTime, error.details.requestId) as ErrorOutcome | null;
    if (dated === null) return error;
    return time.inFuture ? withFlag(dated, 'timestamp_in_future') : dated;
  };
  const first = dateOne(outcome);
  if (outcome.also === undefined) return first;
  const also = outcome.also.map(dateOne);
  return { ...first, also };
}
