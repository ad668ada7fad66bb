import { useMemo } from 'react';
import { maxBucketsFor, type CoarsenOptions } from '../../core/aggregate';
import { zoneOffsetMinutes, type TimeZoneId } from '../../core/view-state';

/**
 * A chart's answer in buckets its plot has room for (`plotPx` wide, see maxBucketsFor): the worker's, or fewer and
 * wider ones on a narrow plot (a phone), aligned in the zone the worker aligned them in (the display zone; the
 * viewer's for 'local').
 */
export function useFittedToPlot<Answer>(answer: Answer, coarsen: (answer: Answer, options: CoarsenOptions) => Answer, tz: TimeZoneId, plotPx: number): Answer {
  return useMemo(
    () => coarsen(answer, { maxBuckets: maxBucketsFor(plotPx), offsetMinutes: zoneOffsetMinutes(tz, -new Date().getTimezoneOffset()) }),
    [answer, coarsen, tz, plotPx],
  );
}
