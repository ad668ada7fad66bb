import { ReferenceArea } from 'recharts';
import { peakWindows } from '../../core/aggregate';

const DAY = 86_400_000;

/**
 * The provider's peak hours (Mon–Fri 14:00–18:00 UTC+8) as shaded bands on a bucketed time axis.
 * Drawn only while buckets are shorter than a day; on coarser axes a band would cover whole bars.
 */
export function peakBands(rows: readonly { readonly t: number }[], bucketMs: number) {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last || bucketMs >= DAY) return [];
  const bucketOf = (t: number) => first.t + Math.floor((t - first.t) / bucketMs) * bucketMs;
  return peakWindows(first.t, last.t + bucketMs).map((w) => (
    <ReferenceArea key={`peak-${w.from}`} x1={bucketOf(w.from)} x2={bucketOf(w.to - 1)} className="peak-band" ifOverflow="hidden" />
  ));
}
