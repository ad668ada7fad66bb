import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { useCallback, useEffect, useRef, useState } from 'react';
import { displayOffsetMinutes } from '../format';

dayjs.extend(utc);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Tick label for a bucket start, as precise as the bucket size needs, in the display zone. */
export function formatTick(t: number, bucketMs: number, tz: 'local' | 'utc' | 'utc+8', spanMs = 0): string {
  const d = dayjs.utc(t).utcOffset(displayOffsetMinutes(tz, t));
  if (bucketMs >= DAY) return d.format('MMM D');
  if (bucketMs >= HOUR || spanMs > DAY) return d.format('MMM D HH:mm');
  if (bucketMs >= 60_000) return d.format('HH:mm');
  return d.format('HH:mm:ss');
}

export function formatBucketRange(t: number, bucketMs: number, tz: 'local' | 'utc' | 'utc+8'): string {
  const pattern = bucketMs >= DAY ? 'YYYY-MM-DD' : bucketMs >= 60_000 ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD HH:mm:ss';
  const start = dayjs.utc(t).utcOffset(displayOffsetMinutes(tz, t));
  const end = dayjs.utc(t + bucketMs).utcOffset(displayOffsetMinutes(tz, t + bucketMs));
  return `${start.format(pattern)} – ${end.format(bucketMs >= DAY ? 'YYYY-MM-DD' : 'HH:mm:ss')}`;
}

export function formatBucketSize(ms: number): string {
  if (ms >= 7 * DAY) return `${ms / (7 * DAY)} week`;
  if (ms >= DAY) return `${ms / DAY} day`;
  if (ms >= HOUR) return `${ms / HOUR} hour${ms > HOUR ? 's' : ''}`;
  if (ms >= 60_000) return `${ms / 60_000} min`;
  return `${ms / 1000} s`;
}

/**
 * `formatTick` for a chart's x axis, as a function that keeps its identity while the data changes the
 * bucket size and the span: Recharts keeps axis settings in its store, and a new formatter each second
 * was one more store update, and one more redraw of the whole chart, after every new answer. The values
 * it reads are updated in an effect of the commit that brings the new rows, the same effects in which
 * Recharts takes the rows into its store, so the labels it draws are always of the rows it draws.
 */
function useTickFormatter(bucketMs: number, tz: 'local' | 'utc' | 'utc+8', spanMs: number): (t: number) => string {
  const grid = useRef({ bucketMs, spanMs });
  useEffect(() => {
    grid.current = { bucketMs, spanMs };
  }, [bucketMs, spanMs]);
  return useCallback((t: number) => formatTick(t, grid.current.bucketMs, tz, grid.current.spanMs), [tz]);
}

/** Width of a tick label's character at the axis font (11 px, digits and short month names), and the gap between labels. */
const LABEL_CHAR_PX = 7;
const LABEL_GAP_PX = 28;
/** The y axis and the chart margins take this much of the chart's width. */
const PLOT_INSET_PX = 52;

/**
 * Every how many buckets an x label is drawn (Recharts' numeric `interval`: labels at 0, n+1, 2(n+1)…),
 * so labels of `labelChars` characters do not overlap on a plot `plotPx` wide. Computed, not measured:
 * Recharts' default measures every label in the DOM (a forced layout each) on every redraw, a third of
 * a redraw's time while a file is read. tickInterval(500, 5, 1000) -> 33
 */
export function tickInterval(buckets: number, labelChars: number, plotPx: number): number {
  const fits = Math.max(1, Math.floor(plotPx / (labelChars * LABEL_CHAR_PX + LABEL_GAP_PX)));
  return Math.max(0, Math.ceil(buckets / fits) - 1);
}

export interface TimeAxis {
  /** The XAxis's `tickFormatter` and `interval`. */
  readonly tickFormatter: (t: number) => string;
  readonly interval: number;
  /** For the ResponsiveContainer: the chart's width decides how many labels fit. */
  readonly onResize: (width: number) => void;
}

/** The x axis of a time chart of `rows` buckets of `bucketMs`: its labels, and how many of them fit. */
export function useTimeAxis(rows: readonly { readonly t: number }[], bucketMs: number, tz: 'local' | 'utc' | 'utc+8'): TimeAxis {
  const spanMs = rows.length * bucketMs;
  const tickFormatter = useTickFormatter(bucketMs, tz, spanMs);
  const [plotPx, setPlotPx] = useState(800);
  const onResize = useCallback((width: number) => setPlotPx(Math.max(1, width - PLOT_INSET_PX)), []);
  const first = rows[0];
  const labelChars = first === undefined ? 5 : formatTick(first.t, bucketMs, tz, spanMs).length;
  return { tickFormatter, interval: tickInterval(rows.length, labelChars, plotPx), onResize };
}
