import { peakWindows } from '../../core/aggregate';
import type { BandSpec } from './band-layer';

const DAY = 86_400_000;

/**
 * The provider's peak hours (Mon–Fri 14:00–18:00 UTC+8) as shaded bands on a bucketed time axis: from the
 * bucket a window starts in to the bucket it ends in. Drawn only while buckets are shorter than a day; on
 * coarser axes a band would cover whole bars.
 */
export function peakBands(rows: readonly { readonly t: number }[], bucketMs: number): BandSpec[] {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last || bucketMs >= DAY) return [];
  const bucketOf = (t: number) => first.t + Math.floor((t - first.t) / bucketMs) * bucketMs;
  return peakWindows(first.t, last.t + bucketMs).map((w) => ({ key: `peak-${w.from}`, x1: bucketOf(w.from), x2: bucketOf(w.to - 1), className: 'peak-band' }));
}
