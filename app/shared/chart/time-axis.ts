import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { displayOffsetMinutes, zoneSuffix } from '../format';
import { LABEL_CHAR_PX } from './axis-style';

dayjs.extend(utc);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Tick label for a bucket start, as precise as the bucket size needs, in the display zone. With `stepMs` (the
 * labels are on round instants, see niceTicks), a label at midnight is its day and the others their time.
 */
export function formatTick(t: number, bucketMs: number, tz: 'local' | 'utc' | 'utc+8', spanMs = 0, stepMs: number | null = null): string {
  const d = dayjs.utc(t).utcOffset(displayOffsetMinutes(tz, t));
  if (stepMs !== null) {
    // Over most of a year or more, a day needs its year: "Jan 8" after "Oct 7" would read as going back.
    if (stepMs >= DAY) return d.format(spanMs > LONG_SPAN_MS ? 'MMM D, YYYY' : 'MMM D');
    // Midnight is its day, also in a view of a few hours: "00:00" alone hid that the axis went on to the next day.
    if (d.hour() === 0 && d.minute() === 0 && d.second() === 0) return d.format('MMM D');
    return d.format(stepMs >= 60_000 ? 'HH:mm' : 'HH:mm:ss');
  }
  if (bucketMs >= DAY) return d.format(spanMs > LONG_SPAN_MS ? 'MMM D, YYYY' : 'MMM D');
  if (bucketMs >= HOUR || spanMs > DAY) return d.format('MMM D HH:mm');
  if (bucketMs >= 60_000) return d.format('HH:mm');
  return d.format('HH:mm:ss');
}

/** Steps between labels that read as round numbers on a clock or a calendar. */
const NICE_STEPS = [1, 2, 5, 10, 15, 30]
  .map((s) => s * 1000)
  .concat([1, 2, 5, 10, 15, 30].map((m) => m * 60_000), [1, 2, 3, 6, 12].map((h) => h * HOUR), [1, 2, 5, 7, 14, 28, 56, 91, 182].map((d) => d * DAY));
const LONG_SPAN_MS = 300 * DAY;

/** The characters of the widest label of a step: a day (`Nov 23`, with its year over long spans), a time, or a time with seconds. */
function labelCharsOf(stepMs: number, spanMs: number): number {
  if (stepMs >= DAY) return spanMs > LONG_SPAN_MS ? 12 : 6;
  return stepMs >= 60_000 ? 6 : 8;
}

/**
 * The bucket starts on round instants of `stepMs` in the display zone. Steps of days count from the first
 * midnight (every 7th day from it, whatever its weekday), and a bucket of an hour or more that starts up to an
 * hour past midnight holds the day's start: buckets keep the zone's offset of today, an hour off midnight in the
 * other half of the year.
 */
function roundInstants(ts: readonly number[], stepMs: number, bucketMs: number, offsetMinutesAt: (t: number) => number): number[] {
  if (stepMs < DAY) return ts.filter((t) => ((((t + offsetMinutesAt(t) * 60_000) % stepMs) + stepMs) % stepMs) === 0);
  const slack = Math.min(HOUR, bucketMs);
  const days = stepMs / DAY;
  let firstDay: number | null = null;
  let lastDay: number | null = null;
  return ts.filter((t) => {
    const local = t + offsetMinutesAt(t) * 60_000;
    const day = Math.floor(local / DAY);
    // The first bucket of its day only, where two start within the slack (00:00 and 01:00 for hour buckets).
    if (local - day * DAY > slack || day === lastDay) return false;
    lastDay = day;
    firstDay ??= day;
    return (day - firstDay) % days === 0;
  });
}

/**
 * Labels on round instants of the display zone (every 15 min, every 6 h, each midnight…), the finest step whose
 * labels fit on a plot `plotPx` wide. Null when no step fits or the buckets do not fall on round instants (a
 * zone half an hour off with hour buckets): the labels are then thinned by `tickInterval`.
 * niceTicks(bucketStarts, 30 * 60_000, () => 0, 300) -> the bucket starts at 00:00 UTC each day
 */
export function niceTicks(ts: readonly number[], bucketMs: number, offsetMinutesAt: (t: number) => number, plotPx: number): { readonly ticks: number[]; readonly stepMs: number } | null {
  if (ts.length < 2) return null;
  for (const stepMs of NICE_STEPS) {
    if (stepMs < bucketMs || stepMs % bucketMs !== 0) continue;
    const spanMs = (ts[ts.length - 1] ?? 0) - (ts[0] ?? 0) + bucketMs;
    const fits = Math.max(1, Math.floor(plotPx / (labelCharsOf(stepMs, spanMs) * LABEL_CHAR_PX + LABEL_GAP_PX)));
    if (spanMs / stepMs > fits + 1) continue;
    const ticks = roundInstants(ts, stepMs, bucketMs, offsetMinutesAt);
    if (ticks.length >= 2 && ticks.length <= fits) return { ticks, stepMs };
  }
  return null;
}

/**
 * A bucket as a range of the display zone, both ends as precise as the bucket size; with `zone`, the zone is said (a
 * tooltip, read apart from the tables that name it once).
 * formatBucketRange(Date.UTC(2026, 10, 22, 16), 3_600_000, 'utc', { zone: true }) -> '2026-11-22 16:00 – 17:00 UTC'
 */
export function formatBucketRange(t: number, bucketMs: number, tz: 'local' | 'utc' | 'utc+8', { zone = false } = {}): string {
  const time = bucketMs >= 60_000 ? 'HH:mm' : 'HH:mm:ss';
  const startOffset = displayOffsetMinutes(tz, t);
  const start = dayjs.utc(t).utcOffset(startOffset);
  const end = dayjs.utc(t + bucketMs).utcOffset(displayOffsetMinutes(tz, t + bucketMs));
  // Days are whole: a bucket of one is its day, of several its first and last day (its end is the next one's start).
  const lastDay = dayjs.utc(t + bucketMs - 1).utcOffset(displayOffsetMinutes(tz, t + bucketMs - 1)).format('YYYY-MM-DD');
  const days = lastDay === start.format('YYYY-MM-DD') ? lastDay : `${start.format('YYYY-MM-DD')} – ${lastDay}`;
  const range = bucketMs >= DAY ? days : `${start.format(`YYYY-MM-DD ${time}`)} – ${end.format(time)}`;
  return zone ? `${range} ${zoneSuffix(startOffset)}` : range;
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
function useTickFormatter(bucketMs: number, tz: 'local' | 'utc' | 'utc+8', spanMs: number, stepMs: number | null): (t: number) => string {
  const grid = useRef({ bucketMs, spanMs, stepMs });
  useEffect(() => {
    grid.current = { bucketMs, spanMs, stepMs };
  }, [bucketMs, spanMs, stepMs]);
  return useCallback((t: number) => formatTick(t, grid.current.bucketMs, tz, grid.current.spanMs, grid.current.stepMs), [tz]);
}

/** The gap between two x labels. */
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
  /** The XAxis's `tickFormatter`, `interval` and `ticks` (the round instants labelled, when there are). */
  readonly tickFormatter: (t: number) => string;
  readonly interval: number;
  readonly ticks: number[] | undefined;
  /** For the ResponsiveContainer: the chart's width decides how many labels fit. */
  readonly onResize: (width: number) => void;
}

/** The plot's width, as the chart's ResponsiveContainer measures it: how many labels fit, and how many buckets. */
export interface PlotWidth {
  /** The plot's width in pixels (the chart's less its y axis and margins); 800 until measured. */
  readonly plotPx: number;
  /** For the ResponsiveContainer. */
  readonly onResize: (width: number) => void;
}

export function usePlotWidth(): PlotWidth {
  const [plotPx, setPlotPx] = useState(800);
  const onResize = useCallback((width: number) => setPlotPx(Math.max(1, width - PLOT_INSET_PX)), []);
  return useMemo(() => ({ plotPx, onResize }), [plotPx, onResize]);
}

/** The x axis of a time chart of `rows` buckets of `bucketMs` on a plot `plot` wide: its labels, and how many of them fit. */
export function useTimeAxis(rows: readonly { readonly t: number }[], bucketMs: number, tz: 'local' | 'utc' | 'utc+8', { plotPx, onResize }: PlotWidth): TimeAxis {
  const spanMs = rows.length * bucketMs;
  const nice = useMemo(() => niceTicks(rows.map((r) => r.t), bucketMs, (t) => displayOffsetMinutes(tz, t), plotPx), [rows, bucketMs, tz, plotPx]);
  const tickFormatter = useTickFormatter(bucketMs, tz, spanMs, nice?.stepMs ?? null);
  const first = rows[0];
  const labelChars = first === undefined ? 5 : formatTick(first.t, bucketMs, tz, spanMs).length;
  return { tickFormatter, interval: nice === null ? tickInterval(rows.length, labelChars, plotPx) : 0, ticks: nice?.ticks, onResize };
}
