import { memo, useCallback, useMemo } from 'react';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { coarsenPlan, type PlanState, type PlanTimeline } from '../../core/aggregate';
import { formatInstant } from '../../shared/format';
import { continuingText, formatBlocked } from '../../shared/blocked-text';
import { CHART_MARGIN, Y_AXIS_WIDTH } from '../../shared/chart/axis-style';
import { ChartFigure, type KeepFrameProps } from '../../shared/chart/chart-figure';
import { useHeldWhileLoading } from '../../shared/chart/use-held-while-loading';
import { formatBucketRange, usePlotWidth } from '../../shared/chart/time-axis';
import { useFittedToPlot } from '../../shared/chart/fit-to-plot';
import { useDismissibleTooltip } from '../../shared/chart/use-dismissible-tooltip';
import { PlanRunLayer } from './plan-run-layer';

type DisplayZone = 'local' | 'utc' | 'utc+8';

interface PlanLaneProps extends KeepFrameProps {
  readonly plan: PlanTimeline;
  readonly tz: DisplayZone;
}

const STATE_LABELS: Readonly<Record<PlanState, string>> = {
  active: 'Active',
  throttled: 'Throttled',
  exhausted: 'Quota exhausted',
  expired: 'Plan expired',
  renewed: 'Renewed',
  'no-data': 'No data',
};

/**
 * The time charts' plot area: their margins, and on the left the gutter their y axis takes. The lane has no
 * y axis to draw, but an instant must be at the same x in the charts above and below it.
 */
const LANE_MARGIN = { ...CHART_MARGIN, top: 0, bottom: 0, left: CHART_MARGIN.left + Y_AXIS_WIDTH } as const;
const LANE_DOMAIN: [number, number] = [0, 1];

/** One lane, aligned with the trend chart: what state the plan was in, read from the error codes alone. */
/** Memoized: it redraws only when its data changes, not on every progress update. */
export const PlanLane = memo(function PlanLane({ plan: answer, tz, keepFrame = false, loading = false }: PlanLaneProps) {
  const { shown, isStale } = useHeldWhileLoading(answer, loading);
  // In the buckets of the charts above and below, which a narrow plot makes wider (see useFittedToPlot).
  const plot = usePlotWidth();
  const plan = useFittedToPlot(shown, coarsenPlan, tz, plot.plotPx);
  const size = plan.grid?.size ?? 60_000;
  const rows = useMemo(() => plan.rows.map((row) => ({ ...row, one: 1 })), [plan.rows]);
  const tooltipContent = useCallback(
    ({ active, label }: { active?: boolean; label?: unknown }) => {
      const row = plan.rows.find((r) => r.t === label);
      return active && row ? (
        <div className="chart-tooltip">
          <div className="muted">{formatBucketRange(row.t, size, tz, { zone: true })}</div>
          <strong>{STATE_LABELS[row.state]}</strong>
        </div>
      ) : null;
    },
    [plan.rows, size, tz],
  );
  const { wrapperProps, tooltipProps } = useDismissibleTooltip();
  const states = (Object.keys(STATE_LABELS) as PlanState[]).filter((state) => plan.runs.some((r) => r.state === state));
  return (
    <ChartFigure
      title="Plan state over time"
      summary={loading ? 'Loading…' : laneSummary(plan, tz)}
      legend={states.map((state) => ({ key: `plan-${state}`, label: STATE_LABELS[state] }))}
      table={<BlockedPerDayTable plan={plan} tz={tz} />}
      testId="plan-lane"
      isStale={isStale}
    >
      {rows.length === 0 && !keepFrame ? (
        <p className="empty">No dated errors in this view.</p>
      ) : (
        <div className="chart-plot" {...wrapperProps}>
          <ResponsiveContainer width="100%" height={44} onResize={plot.onResize}>
            <BarChart data={rows} margin={LANE_MARGIN} barCategoryGap={0}>
              <XAxis dataKey="t" hide includeHidden allowDuplicatedCategory={false} />
              <YAxis hide domain={LANE_DOMAIN} includeHidden />
              <Tooltip isAnimationActive={false} cursor={false} content={tooltipContent} includeHidden {...tooltipProps} />
              {/* Hidden: it gives the tooltip its entry; PlanRunLayer draws the runs of one state as one rectangle each. */}
              <Bar dataKey="one" isAnimationActive={false} hide />
              <PlanRunLayer runs={plan.runs} bucketMs={size} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartFigure>
  );
});

/** The caption: how the states are read, or that nothing in view is dated; then the time blocked. */
function laneSummary(plan: PlanTimeline, tz: DisplayZone): string {
  const totalBlocked = plan.blockedPerDay.reduce((sum, d) => sum + d.blockedMs, 0);
  const noData = plan.runs.some((run) => run.state === 'no-data') ? '; no data before the logs’ first dated error or after their last' : '';
  const reading = plan.hasDatedErrors
    ? `Read from the codes alone: 1309/1314 mean expired, quota hits exhausted until their reset, throttling codes throttled, other time active${noData}.`
    : 'No dated errors in this view.';
  if (!plan.hasDatedErrors && totalBlocked === 0) return reading;
  const afterAxis = plan.blockedAfterAxisMs > 0 ? `, ${formatBlocked(plan.blockedAfterAxisMs)} of it after the last bucket shown, until a reset` : '';
  return `${reading} Blocked ${formatBlocked(totalBlocked)} in all${afterAxis}${continuingText(plan.continuingBlock, tz)}.`;
}

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
            <td>{formatBlocked(d.blockedMs)}</td>
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
