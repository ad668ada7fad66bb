import { memo } from 'react';
import { ReferenceArea } from 'recharts';
import { peakWindows } from '../../core/aggregate';

const DAY = 86_400_000;

/**
 * A shaded band across the plot. Memoized: a Recharts `ReferenceArea` takes itself out of its chart's
 * store and puts itself back after every render, and each of those is a store update that every part of
 * the chart checks; a band whose ends did not move does not render again when the chart's data changes.
 */
export const Band = memo(function Band({ x1, x2, className }: { readonly x1: number; readonly x2: number; readonly className: string }) {
  return <ReferenceArea x1={x1} x2={x2} className={className} ifOverflow="hidden" />;
});

/**
 * The provider's peak hours (Mon–Fri 14:00–18:00 UTC+8) as shaded bands on a bucketed time axis.
 * Drawn only while buckets are shorter than a day; on coarser axes a band would cover whole bars.
 */
export function peakBands(rows: readonly { readonly t: number }[], bucketMs: number) {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last || bucketMs >= DAY) return [];
  const bucketOf = (t: number) => first.t + Math.floor((t - first.t) / bucketMs) * bucketMs;
  return peakWindows(first.t, last.t + bucketMs).map((w) => <Band key={`peak-${w.from}`} x1={bucketOf(w.from)} x2={bucketOf(w.to - 1)} className="peak-band" />);
}
