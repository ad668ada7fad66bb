import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { toTrendChartRows, TREND_SERIES, type TrendResult, type TrendRow } from '../../core/aggregate';
import { formatCount } from '../../shared/format';
import { TREND_SERIES_STYLE } from '../../shared/chart/series-style';
import { peakBands } from '../../shared/chart/peak-bands';
import { formatBucketRange, formatBucketSize, formatTick } from '../../shared/chart/time-axis';
import { SelectionArea } from '../../shared/chart/selection-area';
import { useDragSelect } from '../../shared/chart/use-drag-select';
import { ChartFigure } from '../../shared/chart/chart-figure';
import { SafeText } from '../../shared/safe-text';

interface TrendChartProps {
  readonly trend: TrendResult;
  readonly tz: 'local' | 'utc' | 'utc+8';
  readonly onSelectRange: (from: number, to: number) => void;
  /** Shade the provider's peak hours (a display preference). */
  readonly showPeakHours: boolean;
}

/** "Errors by category over time": stacked by catalog category; drag to zoom, click a bar to narrow to it. */
/** Memoized: it redraws only when its data changes, not on every progress update. */
export const TrendChart = memo(function TrendChart({ trend, tz, onSelectRange, showPeakHours }: TrendChartProps) {
  const rows = useMemo(() => toTrendChartRows(trend.rows), [trend.rows]);
  const bucketMs = trend.grid?.size ?? 60_000;
  const visibleSeries = TREND_SERIES.filter((key) => rows.some((row) => row[key] > 0));
  const { selection, handlers } = useDragSelect(({ start, end }) => {
    const first = rows[start];
    const last = rows[end];
    if (first && last) onSelectRange(first.t, last.t + bucketMs);
  });
  const dated = trend.total - trend.undated;
  const summary = `${formatCount(dated)} dated error${dated === 1 ? '' : 's'} in ${rows.length} bucket${rows.length === 1 ? '' : 's'} of ${formatBucketSize(bucketMs)}${
    trend.undated ? `; ${formatCount(trend.undated)} undated errors are counted in the totals but not drawn` : ''
  }.`;
  return (
    <ChartFigure
      title="Errors by category over time"
      summary={summary}
      legend={[...visibleSeries.map((key) => ({ key, ...TREND_SERIES_STYLE[key] })), ...(showPeakHours ? [{ key: 'peak', label: 'Peak hours (Mon–Fri 14:00–18:00 UTC+8)' }] : [])]}
      table={<TrendTable rows={trend.rows} bucketMs={bucketMs} tz={tz} />}
      testId="trend-chart"
    >
      {rows.length === 0 ? (
        <p className="empty">No dated errors in this view.</p>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={1} {...handlers}>
            <CartesianGrid vertical={false} stroke="var(--grid)" />
            {showPeakHours ? peakBands(rows, bucketMs) : null}
            <XAxis dataKey="t" tickFormatter={(t: number) => formatTick(t, bucketMs, tz, rows.length * bucketMs)} minTickGap={28} tick={{ fontSize: 11, fill: 'var(--muted)' }} stroke="var(--border)" />
            <YAxis allowDecimals={false} width={44} tick={{ fontSize: 11, fill: 'var(--muted)' }} stroke="var(--border)" />
            <Tooltip
              cursor={{ fill: 'var(--panel-2)' }}
              isAnimationActive={false}
              content={({ active, label }) => {
                const row = trend.rows.find((r) => r.t === label);
                return active && row ? <TrendTooltip row={row} bucketMs={bucketMs} tz={tz} /> : null;
              }}
            />
            {visibleSeries.map((key) => (
              <Bar key={key} dataKey={key} stackId="errors" className={`series series-${key}`} fill={TREND_SERIES_STYLE[key].fallback} isAnimationActive={false} name={TREND_SERIES_STYLE[key].label} />
            ))}
            {selection ? <SelectionArea rows={rows} start={selection.start} end={selection.end} /> : null}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
});

function TrendTooltip({ row, bucketMs, tz }: { readonly row: TrendRow; readonly bucketMs: number; readonly tz: 'local' | 'utc' | 'utc+8' }) {
  return (
    <div className="chart-tooltip">
      <div className="muted">{formatBucketRange(row.t, bucketMs, tz)}</div>
      <div><strong>{formatCount(row.total)}</strong> errors</div>
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
