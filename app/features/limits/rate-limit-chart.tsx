import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { lookupCode } from '../../core/catalog/catalog';
import type { BlockedIntervalsResult, RateLimitResult, RateLimitRow } from '../../core/aggregate';
import { formatCount, formatDuration, formatInstant } from '../../shared/format';
import { ChartFigure } from '../../shared/chart/chart-figure';
import { CODE_PALETTE } from '../../shared/chart/series-style';
import { peakBands } from '../../shared/chart/peak-bands';
import { formatBucketRange, formatBucketSize, formatTick } from '../../shared/chart/time-axis';
import { SelectionArea } from '../../shared/chart/selection-area';
import { useDragSelect } from '../../shared/chart/use-drag-select';

interface RateLimitChartProps {
  readonly rateLimits: RateLimitResult;
  readonly blocked: BlockedIntervalsResult;
  readonly tz: 'local' | 'utc' | 'utc+8';
  readonly onSelectRange: (from: number, to: number) => void;
  /** Shade the provider's peak hours (a display preference). */
  readonly showPeakHours: boolean;
}

/** Throttling and quota hits per code over time; shaded bands are the time blocked until a quota reset. */
/** Memoized: it redraws only when its data changes, not on every progress update. */
export const RateLimitChart = memo(function RateLimitChart({ rateLimits, blocked, tz, onSelectRange, showPeakHours }: RateLimitChartProps) {
  const { rows } = rateLimits;
  const series = rateLimits.series.filter((s) => s.total > 0);
  const bucketMs = rateLimits.grid?.size ?? 60_000;
  const colorOf = (index: number) => CODE_PALETTE[index % CODE_PALETTE.length] ?? '#999999';
  const { selection, handlers } = useDragSelect(({ start, end }) => {
    const first = rows[start];
    const last = rows[end];
    if (first && last) onSelectRange(first.t, last.t + bucketMs);
  });
  const blockedMs = blocked.intervals.reduce((sum, i) => sum + (i.to - i.from), 0);
  const bucketStart = (t: number): number => rows.reduce<number | null>((best, row) => (row.t <= t ? row.t : best), null) ?? rows[0]?.t ?? t;
  const summary = `${formatCount(rateLimits.throttleHits)} throttling hits and ${formatCount(rateLimits.quotaHits)} quota hits; blocked for ${formatDuration(
    blockedMs,
    false,
  )} in ${blocked.intervals.length} period${blocked.intervals.length === 1 ? '' : 's'} until a reset.`;
  return (
    <ChartFigure
      title="Rate-limit and quota hits"
      summary={summary}
      legend={[
        ...series.map((s, i) => ({ key: s.key, label: `${s.code === 'other' ? 'Other codes' : s.code} ${s.family ? `(${s.family})` : ''}`, color: colorOf(i) })),
        { key: 'blocked', label: 'Blocked until reset' },
        ...(showPeakHours ? [{ key: 'peak', label: 'Peak hours (Mon–Fri 14:00–18:00 UTC+8)' }] : []),
      ]}
      table={<BlockedTable blocked={blocked} tz={tz} />}
      testId="rate-limit-chart"
    >
      {rows.length === 0 || series.length === 0 ? (
        <p className="empty">No throttling or quota hits in this view.</p>
      ) : (
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={rows as RateLimitRow[]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={1} {...handlers}>
            <CartesianGrid vertical={false} stroke="var(--grid)" />
            {showPeakHours ? peakBands(rows, bucketMs) : null}
            <XAxis dataKey="t" tickFormatter={(t: number) => formatTick(t, bucketMs, tz, rows.length * bucketMs)} minTickGap={28} tick={{ fontSize: 11, fill: 'var(--muted)' }} stroke="var(--border)" />
            <YAxis allowDecimals={false} width={44} tick={{ fontSize: 11, fill: 'var(--muted)' }} stroke="var(--border)" />
            {blocked.intervals.map((interval) => (
              <ReferenceArea key={interval.from} x1={bucketStart(interval.from)} x2={bucketStart(interval.to - 1)} className="blocked-band" ifOverflow="hidden" />
            ))}
            <Tooltip
              cursor={{ fill: 'var(--panel-2)' }}
              isAnimationActive={false}
              content={({ active, label }) => {
                const row = rows.find((r) => r.t === label);
                if (!active || !row) return null;
                return (
                  <div className="chart-tooltip">
                    <div className="muted">{formatBucketRange(row.t, bucketMs, tz)}</div>
                    {series.filter((s) => (row[s.key] ?? 0) > 0).map((s) => (
                      <div key={s.key}>
                        <code>{s.code}</code> {lookupCode(s.code)?.title ?? 'other codes'}: {formatCount(row[s.key] ?? 0)}
                      </div>
                    ))}
                    {row.throttle + row.quota === 0 ? <div>No hits</div> : null}
                  </div>
                );
              }}
            />
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} stackId="hits" fill={colorOf(i)} isAnimationActive={false} name={s.code} />
            ))}
            {selection ? <SelectionArea rows={rows} start={selection.start} end={selection.end} /> : null}
          </BarChart>
        </ResponsiveContainer>
      )}
      <p className="small muted">Bucket size {formatBucketSize(bucketMs)}.</p>
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
            <td>{formatInstant(i.to, tz)}</td>
            <td>{formatDuration(i.to - i.from, false)}</td>
            <td>{i.codes.join(', ')}</td>
            <td className="num">{i.hits}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
