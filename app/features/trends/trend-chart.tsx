import { memo, useCallback, useMemo } from 'react';
import { coarsenTrend, toTrendChartRows, TREND_SERIES, type TrendChartRow, type TrendResult, type TrendRow } from '../../core/aggregate';
import { useChartZoom } from '../../data/use-view-state';
import { formatCount, formatCountOf, formatInstant } from '../../shared/format';
import { notDrawnNote } from '../../shared/chart/not-drawn';
import type { BarLayerSeries } from '../../shared/chart/bar-layer';
import { TREND_SERIES_STYLE } from '../../shared/chart/series-style';
import { peakBands } from '../../shared/chart/peak-bands';
import { formatBucketRange, formatBucketSize, usePlotWidth, useTimeAxis } from '../../shared/chart/time-axis';
import { useFittedToPlot } from '../../shared/chart/fit-to-plot';
import { ChartZoomBar } from '../../shared/chart/chart-zoom-bar';
import { useBucketSelection } from '../../shared/chart/use-bucket-selection';
import { BucketBarChart } from '../../shared/chart/bucket-bar-chart';
import { ChartFigure, type KeepFrameProps } from '../../shared/chart/chart-figure';
import { SafeText } from '../../shared/safe-text';
import { useHeldWhileLoading } from '../../shared/chart/use-held-while-loading';

interface TrendChartProps extends KeepFrameProps {
  readonly trend: TrendResult;
  readonly tz: 'local' | 'utc' | 'utc+8';
  readonly onSelectRange: (from: number, to: number) => void;
  /** Shade the provider's peak hours (a display preference). */
  readonly showPeakHours: boolean;
}

/**
 * "Errors by category over time": stacked by catalog category; drag to zoom, click a bar to narrow to it, and the
 * bar above the plot to go back. In buckets its width has room for.
 */
/** Memoized: it redraws only when its data changes, not on every progress update. */
export const TrendChart = memo(function TrendChart({ trend: answer, tz, onSelectRange, showPeakHours, keepFrame = false, loading = false }: TrendChartProps) {
  const { shown, isStale } = useHeldWhileLoading(answer, loading);
  const plot = usePlotWidth();
  const trend = useFittedToPlot(shown, coarsenTrend, tz, plot.plotPx);
  const rows = useMemo(() => toTrendChartRows(trend.rows), [trend.rows]);
  const bucketMs = trend.grid?.size ?? 60_000;
  const bands = useMemo(() => (showPeakHours ? peakBands(rows, bucketMs) : []), [showPeakHours, rows, bucketMs]);
  const highest = useMemo(() => rows.reduce((max, row) => Math.max(max, row.total), 0), [rows]);
  const visibleSeries = useMemo(() => TREND_SERIES.filter((key) => rows.some((row) => row[key] > 0)), [rows]);
  const barSeries = useMemo(
    () =>
      visibleSeries.map((key): BarLayerSeries<TrendChartRow> => ({ key, className: `series series-${key}`, fill: TREND_SERIES_STYLE[key].fallback, value: (row) => row[key] })),
    [visibleSeries],
  );
  // Stable props: Recharts copies axis and tooltip settings into its store, and a new function or object
  // there is a store update that redraws the chart once more.
  const axis = useTimeAxis(rows, bucketMs, tz, plot);
  const tooltipContent = useCallback(
    ({ active, label }: { active?: boolean; label?: unknown }) => {
      const row = trend.rows.find((r) => r.t === label);
      return active && row ? <TrendTooltip row={row} bucketMs={bucketMs} tz={tz} /> : null;
    },
    [trend.rows, bucketMs, tz],
  );
  const hasData = useCallback((index: number) => (rows[index]?.total ?? 0) > 0, [rows]);
  const zoom = useChartZoom();
  const { recordZoom } = zoom;
  const narrow = useCallback((from: number, to: number) => recordZoom(() => onSelectRange(from, to)), [recordZoom, onSelectRange]);
  const selection = useBucketSelection(rows, bucketMs, narrow, hasData);
  const drawn = trend.total - trend.undated - trend.outlying;
  const summary = `${formatCountOf(drawn, 'dated error')} in ${formatCountOf(rows.length, 'bucket')} of ${formatBucketSize(bucketMs)}${notDrawnNote(
    trend.undated,
    trend.outlying,
    'error',
    listInstants(trend, tz),
  )}.`;
  return (
    <ChartFigure
      title="Errors by category over time"
      summary={loading ? 'Loading…' : summary}
      legend={[...visibleSeries.map((key) => ({ key, ...TREND_SERIES_STYLE[key] })), ...(bands.length > 0 ? [{ key: 'peak', label: 'Peak hours (Mon–Fri 14:00–18:00 UTC+8)' }] : [])]}
      table={<TrendTable rows={trend.rows} bucketMs={bucketMs} tz={tz} />}
      zoomBar={<ChartZoomBar trail={zoom.trail} tz={tz} onBack={zoom.goBack} onOrigin={zoom.goToOrigin} />}
      testId="trend-chart"
      isStale={isStale}
    >
      {(rows.length === 0 || visibleSeries.length === 0) && !keepFrame ? (
        <p className="empty">No dated errors in this view.</p>
      ) : (
        <BucketBarChart title="Errors by category over time" height={260} rows={rows} stackKey="total" highest={highest} series={barSeries} bands={bands} axis={axis} tooltipContent={tooltipContent} selection={selection} />
      )}
    </ChartFigure>
  );
});

/** '1970-01-01 00:00:00 UTC ×3, 9999-12-31 23:59:59 UTC, …' */
function listInstants(trend: TrendResult, tz: 'local' | 'utc' | 'utc+8'): string {
  const listed = trend.outlyingInstants.map(({ t, count }) => `${formatInstant(t, tz)}${count > 1 ? ` ×${formatCount(count)}` : ''}`);
  const listedCount = trend.outlyingInstants.reduce((sum, { count }) => sum + count, 0);
  return [...listed, ...(listedCount < trend.outlying ? ['…'] : [])].join(', ');
}

function TrendTooltip({ row, bucketMs, tz }: { readonly row: TrendRow; readonly bucketMs: number; readonly tz: 'local' | 'utc' | 'utc+8' }) {
  return (
    <div className="chart-tooltip">
      <div className="muted">{formatBucketRange(row.t, bucketMs, tz, { zone: true })}</div>
      <div><strong>{formatCount(row.total)}</strong> {row.total === 1 ? 'error' : 'errors'}</div>
      {TREND_SERIES.filter((key) => (key === 'uncatalogued' ? row.uncatalogued : row.byCategory[key]) > 0).map((key) => (
        <div key={key}>
          <span className={`cat-dot swatch-${key}`} />
          {TREND_SERIES_STYLE[key].label}: {formatCount(key === 'uncatalogued' ? row.uncatalogued : row.byCategory[key])}
        </div>
      ))}
      {row.byCode.length > 0 ? (
        <div className="muted">
          {row.byCode.map(([code, n]) => (
            <span key={code} className="tooltip-code">
              <SafeText text={code} max={24} /> × {formatCount(n)}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function TrendTable({ rows, bucketMs, tz }: { readonly rows: readonly TrendRow[]; readonly bucketMs: number; readonly tz: 'local' | 'utc' | 'utc+8' }) {
  const nonEmpty = rows.filter((row) => row.total > 0);
  return (
    <table className="data small">
      <caption className="sr-only">Errors per bucket and category</caption>
      <thead>
        <tr>
          <th scope="col">Bucket</th>
          {TREND_SERIES.map((key) => (
            <th key={key} scope="col" className="num">{TREND_SERIES_STYLE[key].label}</th>
          ))}
          <th scope="col" className="num">Total</th>
        </tr>
      </thead>
      <tbody>
        {nonEmpty.map((row) => (
          <tr key={row.t}>
            <th scope="row">{formatBucketRange(row.t, bucketMs, tz)}</th>
            {TREND_SERIES.map((key) => (
              <td key={key} className="num">{key === 'uncatalogued' ? row.uncatalogued : row.byCategory[key]}</td>
            ))}
            <td className="num">{row.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
