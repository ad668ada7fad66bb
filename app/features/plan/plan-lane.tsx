import { memo, useCallback, useMemo } from 'react';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PlanState, PlanTimeline } from '../../core/aggregate';
import { formatDuration, formatInstant } from '../../shared/format';
import { BarLayer, type BarLayerSeries } from '../../shared/chart/bar-layer';
import { ChartFigure, type KeepFrameProps } from '../../shared/chart/chart-figure';
import { useHeldWhileLoading } from '../../shared/chart/use-held-while-loading';
import { formatBucketRange } from '../../shared/chart/time-axis';

interface PlanLaneProps extends KeepFrameProps {
  readonly plan: PlanTimeline;
  readonly tz: 'local' | 'utc' | 'utc+8';
}

const STATE_LABELS: Readonly<Record<PlanState, string>> = {
  active: 'Active',
  throttled: 'Throttled',
  exhausted: 'Quota exhausted',
  expired: 'Plan expired',
  renewed: 'Renewed',
};

const LANE_MARGIN = { top: 0, right: 8, bottom: 0, left: 0 } as const;
const LANE_DOMAIN: [number, number] = [0, 1];
/** One series per state: a bucket's bar has the class of its state, as its `<Cell>` had. */
const LANE_SERIES: readonly BarLayerSeries<{ readonly t: number; readonly state: PlanState }>[] = (Object.keys(STATE_LABELS) as PlanState[]).map((state) => ({
  key: state,
  shapeClassName: `plan-${state}`,
  value: (row) => (row.state === state ? 1 : 0),
}));

/** One lane, aligned with the trend chart: what state the plan was in, read from the error codes alone. */
/** Memoized: it redraws only when its data changes, not on every progress update. */
export const PlanLane = memo(function PlanLane({ plan: answer, tz, keepFrame = false, loading = false }: PlanLaneProps) {
  const { shown: plan, isStale } = useHeldWhileLoading(answer, loading);
  const size = plan.grid?.size ?? 60_000;
  const rows = useMemo(() => plan.rows.map((row) => ({ ...row, one: 1 })), [plan.rows]);
  const tooltipContent = useCallback(
    ({ active, label }: { active?: boolean; label?: unknown }) => {
      const row = plan.rows.find((r) => r.t === label);
      return active && row ? (
        <div className="chart-tooltip">
          <div className="muted">{formatBucketRange(row.t, size, tz)}</div>
          <strong>{STATE_LABELS[row.state]}</strong>
        </div>
      ) : null;
    },
    [plan.rows, size, tz],
  );
  const totalBlocked = plan.blockedPerDay.reduce((sum, d) => sum + d.blockedMs, 0);
  const states = (Object.keys(STATE_LABELS) as PlanState[]).filter((state) => plan.rows.some((r) => r.state === state));
  return (
    <ChartFigure
      title="Plan state over time"
      summary={
        loading
          ? 'Loading…'
          : `Read from the codes alone: 1309/1314 mean expired, quota hits exhausted until their reset, throttling codes throttled. Blocked ${formatDuration(totalBlocked, false)} in all${
              plan.blockedAfterAxisMs > 0 ? `, ${formatDuration(plan.blockedAfterAxisMs, false)} of it after the last bucket shown, until a reset` : ''
            }.`
      }
      legend={states.map((state) => ({ key: `plan-${state}`, label: STATE_LABELS[state] }))}
      table={<BlockedPerDayTable plan={plan} tz={tz} />}
      testId="plan-lane"
      isStale={isStale}
    >
      {rows.length === 0 && !keepFrame ? (
        <p className="empty">No dated errors in this view.</p>
      ) : (
        <ResponsiveContainer width="100%" height={44}>
          <BarChart data={rows} margin={LANE_MARGIN} barCategoryGap={0}>
            <XAxis dataKey="t" hide includeHidden allowDuplicatedCategory={false} />
            <YAxis width={44} hide domain={LANE_DOMAIN} includeHidden />
            <Tooltip isAnimationActive={false} cursor={false} content={tooltipContent} includeHidden />
            {/* Hidden: it gives the tooltip its entry; BarLayer draws one bar per bucket, coloured by its state. */}
            <Bar dataKey="one" isAnimationActive={false} hide />
            <BarLayer rows={rows} series={LANE_SERIES} categoryGap={0} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
});

function BlockedPerDayTable({ plan, tz }: PlanLaneProps) {
  return (
    <table className="data small">
      <caption className="sr-only">Time blocked by quota per day</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col">Blocked</th>
        </tr>
      </thead>
      <tbody>
        {plan.blockedPerDay.map((d) => (
          <tr key={d.day}>
            <td>{formatInstant(d.day, tz, 'YYYY-MM-DD ddd')}</td>
            <td>{formatDuration(d.blockedMs, false)}</td>
          </tr>
        ))}
        {plan.blockedPerDay.length === 0 ? (
          <tr>
            <td colSpan={2}>No time blocked by a quota in this view.</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
