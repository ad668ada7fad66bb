import { notDrawnNote } from '../../shared/chart/not-drawn';
import { memo, useCallback, useMemo } from 'react';
import { lookupCode } from '../../core/catalog/catalog';
import { blockedAfter, coarsenRateLimits, continuingBlock, type BlockedIntervalsResult, type RateLimitResult, type RateLimitRow } from '../../core/aggregate';
import { useChartZoom } from '../../data/use-view-state';
import { formatCount, formatCountOf, formatInstant } from '../../shared/format';
import { continuingText, formatBlocked } from '../../shared/blocked-text';
import type { BarLayerSeries } from '../../shared/chart/bar-layer';
import { ChartFigure, type KeepFrameProps } from '../../shared/chart/chart-figure';
import { useHeldWhileLoading } from '../../shared/chart/use-held-while-loading';
import { codeColorClass, codeColors, codeColorVar } from '../../shared/chart/series-style';
import { peakBands } from '../../shared/chart/peak-bands';
import type { BandSpec } from '../../shared/chart/band-layer';
import { formatBucketRange, formatBucketSize, usePlotWidth, useTimeAxis } from '../../shared/chart/time-axis';
import { useFittedToPlot } from '../../shared/chart/fit-to-plot';
import { ChartZoomBar } from '../../shared/chart/chart-zoom-bar';
import { useBucketSelection } from '../../shared/chart/use-bucket-selection';
import { BucketBarChart } from '../../shared/chart/bucket-bar-chart';

/** Not a series key: those are `code_…`. */
const STACK_TOP = 'stackTop';

interface RateLimitChartProps extends KeepFrameProps {
  readonly rateLimits: RateLimitResult;
  readonly blocked: BlockedIntervalsResult;
  readonly tz: 'local' | 'utc' | 'utc+8';
  readonly onSelectRange: (from: number, to: number) => void;
  /** Shade the provider's peak hours (a display preference). */
  readonly showPeakHours: boolean;
}

/**
 * Throttling and quota hits per code over time; shaded bands are the time blocked until a quota reset. Narrowed
 * like the trend chart, in buckets its width has room for.
 */
/** Memoized: it redraws only when its data changes, not on every progress update. */
export const RateLimitChart = memo(function RateLimitChart({ rateLimits: limitsAnswer, blocked: blockedAnswer, tz, onSelectRange, showPeakHours, keepFrame = false, loading = false }: RateLimitChartProps) {
  const { shown: shownLimits, isStale: isLimitsStale } = useHeldWhileLoading(limitsAnswer, loading);
  const plot = usePlotWidth();
  const rateLimits = useFittedToPlot(shownLimits, coarsenRateLimits, tz, plot.plotPx);
  const { shown: blocked, isStale: isBlockedStale } = useHeldWhileLoading(blockedAnswer, loading);
  const isStale = isLimitsStale || isBlockedStale;
  const { rows } = rateLimits;
  const series = useMemo(() => rateLimits.series.filter((s) => s.total > 0), [rateLimits.series]);
  const colors = useMemo(() => codeColors(series.map((s) => s.code)), [series]);
  // Each bucket with the top of its stack, for the hidden bar that gives the axis its domain.
  const chartRows = useMemo(() => rows.map((row) => ({ ...row, [STACK_TOP]: series.reduce((sum, s) => sum + (row[s.key] ?? 0), 0) })), [rows, series]);
  const highest = useMemo(() => chartRows.reduce((max, row) => Math.max(max, row[STACK_TOP]), 0), [chartRows]);
  const bucketMs = rateLimits.grid?.size ?? 60_000;
  const barSeries = useMemo(
    () => series.map((s, i): BarLayerSeries<RateLimitRow> => ({ key: s.key, className: codeColorClass(colors[i] ?? '#999999'), fill: colors[i] ?? '#999999', value: (row) => row[s.key] ?? 0 })),
    [series, colors],
  );
  // Stable props: Recharts copies axis and tooltip settings into its store, and a new function or object
  // there is a store update that redraws the chart once more.
  const axis = useTimeAxis(rows, bucketMs, tz, plot);
  const tooltipContent = useCallback(
    ({ active, label }: { active?: boolean; label?: unknown }) => {
      const row = rows.find((r) => r.t === label);
      if (!active || !row) return null;
      return (
        <div className="chart-tooltip">
          <div className="muted">{formatBucketRange(row.t, bucketMs, tz, { zone: true })}</div>
          {series.filter((s) => (row[s.key] ?? 0) > 0).map((s) => (
            <div key={s.key}>
              <code>{s.code}</code> {lookupCode(s.code)?.title ?? 'other codes'}: {formatCount(row[s.key] ?? 0)}
            </div>
          ))}
          {row.throttle + row.quota === 0 ? <div>No hits</div> : null}
        </div>
      );
    },
    [rows, series, bucketMs, tz],
  );
  const hasData = useCallback((index: number) => (chartRows[index]?.[STACK_TOP] ?? 0) > 0, [chartRows]);
  const zoom = useChartZoom();
  const { recordZoom } = zoom;
  const narrow = useCallback((from: number, to: number) => recordZoom(() => onSelectRange(from, to)), [recordZoom, onSelectRange]);
  const selection = useBucketSelection(rows, bucketMs, narrow, hasData);
  // The blocked periods are drawn over the peak hours.
  const bands = useMemo((): BandSpec[] => {
    const bucketStart = (t: number): number => rows.reduce<number | null>((best, row) => (row.t <= t ? row.t : best), null) ?? rows[0]?.t ?? t;
    const blockedBands = blocked.intervals.map((i) => ({ key: `blocked-${i.from}`, x1: bucketStart(i.from), x2: bucketStart(i.to - 1), className: 'blocked-band' }));
    return [...(showPeakHours ? peakBands(rows, bucketMs) : []), ...blockedBands];
  }, [rows, bucketMs, blocked.intervals, showPeakHours]);
  const blockedMs = blocked.intervals.reduce((sum, i) => sum + (i.to - i.from), 0);
  const lastRow = rows.at(-1);
  const afterAxisMs = lastRow === undefined ? 0 : blockedAfter(blocked.intervals, lastRow.t + bucketMs);
  const blockedText =
    blocked.intervals.length === 0
      ? 'no time blocked by a quota'
      : `blocked for ${formatBlocked(blockedMs)} in ${formatCountOf(blocked.intervals.length, 'period')} until a reset${continuingText(continuingBlock(blocked.intervals), tz)}${
          afterAxisMs > 0 ? ` (${formatBlocked(afterAxisMs)} of it after the last bucket shown)` : ''
        }`;
  const summary = `${formatCountOf(rateLimits.throttleHits, 'throttling hit')} and ${formatCountOf(rateLimits.quotaHits, 'quota hit')}; ${blockedText}${notDrawnNote(
    rateLimits.undated,
    rateLimits.outlying,
    'hit',
  )}.`;
  return (
    <ChartFigure
      title="Rate-limit and quota hits"
      summary={loading ? 'Loading…' : summary}
      legend={series.length === 0 ? [] : [
        ...series.map((s, i) => ({ key: s.key, label: `${s.code === 'other' ? 'Other codes' : s.code} ${s.family ? `(${s.family})` : ''}`, color: codeColorVar(colors[i] ?? '#999999') })),
        { key: 'blocked', label: 'Blocked until reset' },
        ...(bands.some((band) => band.className === 'peak-band') ? [{ key: 'peak', label: 'Peak hours (Mon–Fri 14:00–18:00 UTC+8)' }] : []),
      ]}
      table={<BlockedTable blocked={blocked} tz={tz} />}
      zoomBar={<ChartZoomBar trail={zoom.trail} tz={tz} onBack={zoom.goBack} onOrigin={zoom.goToOrigin} />}
      testId="rate-limit-chart"
      isStale={isStale}
    >
      {(rows.length === 0 || series.length === 0) && !keepFrame ? (
        <p className="empty">No throttling or quota hits in this view.</p>
      ) : (
        <BucketBarChart title="Rate-limit and quota hits" height={220} rows={chartRows} stackKey={STACK_TOP} highest={highest} series={barSeries} bands={bands} axis={axis} tooltipContent={tooltipContent} selection={selection} stackWithoutSeries />
      )}
      {/* No grid: nothing dated is drawn, and a bucket size would be made up. */}
      {rateLimits.grid && !isStale && series.length > 0 ? <p className="small muted">Bucket size {formatBucketSize(bucketMs)}.</p> : null}
    </ChartFigure>
  );
});

function BlockedTable({ blocked, tz }: { readonly blocked: BlockedIntervalsResult; readonly tz: 'local' | 'utc' | 'utc+8' }) {
  return (
    <table className="data small">
      <caption className="sr-only">Periods blocked by a quota until its reset</caption>
      <thead>
        <tr>
          <th scope="col">Blocked from</th>
          <th scope="col">Until</th>
          <th scope="col">Duration</th>
          <th scope="col">Codes</th>
          <th scope="col" className="num">Hits</th>
        </tr>
      </thead>
      <tbody>
        {blocked.intervals.map((i) => (
          <tr key={i.from}>
            <td>{formatInstant(i.from, tz)}</td>
            {/* A block the range ends first: its real end, and the part of it in view. */}
            <td>{i.unclippedTo > i.to ? `${formatInstant(i.unclippedTo, tz)}, beyond this range` : formatInstant(i.to, tz)}</td>
            <td>{`${formatBlocked(i.to - i.from)}${i.unclippedTo > i.to ? ' in this range' : ''}`}</td>
            <td>{i.codes.join(', ')}</td>
            <td className="num">{i.hits}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
