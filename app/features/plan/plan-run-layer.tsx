import { memo, useMemo } from 'react';
import { DefaultZIndexes, usePlotArea, useXAxisScale, ZIndexLayer } from 'recharts';
import { PLAN_STATES, type PlanRun, type PlanState } from '../../core/aggregate';
import { round, type Scale } from '../../shared/chart/bar-layer';
import { useCommitted } from '../../shared/chart/use-committed';

interface PlanRunLayerProps {
  /** The plan's runs, on the chart's category axis of bucket starts. */
  readonly runs: readonly PlanRun[];
  readonly bucketMs: number;
}

/**
 * The lane's runs, one rectangle each over the plot's height, from its first bucket's start to its last
 * one's end on the chart's own x scale: the instant under a run is the instant under the charts above and
 * below. One `<path>` per state, so the lane has a shape per state its legend lists.
 */
export const PlanRunLayer = memo(function PlanRunLayer({ runs, bucketMs }: PlanRunLayerProps) {
  // As the bar and band layers: the runs of the rows the chart's store holds, never new runs on old axes.
  const drawn = useCommitted(useMemo(() => ({ runs, bucketMs }), [runs, bucketMs]));
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  if (!xScale || !plot) return null;
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.bar}>
      <g className="recharts-layer plan-runs">
        {runPaths(drawn.runs, drawn.bucketMs, xScale, plot).map(({ state, d }) => (
          <path key={state} className={`recharts-rectangle plan-run plan-${state}`} d={d} />
        ))}
      </g>
    </ZIndexLayer>
  );
});

/**
 * Per state (in PLAN_STATES order, states without a run left out) one path of its runs' rectangles, drawn as
 * Recharts draws a `Rectangle` (`M x,y h w v h h -w Z`, four decimals). A run whose buckets the axis does not
 * know is left out.
 */
export function runPaths(
  runs: readonly PlanRun[],
  bucketMs: number,
  xScale: Scale,
  plot: { readonly y: number; readonly height: number },
): { readonly state: PlanState; readonly d: string }[] {
  const byState = new Map<PlanState, string[]>();
  for (const run of runs) {
    const from = xScale(run.from, { position: 'start' });
    const to = xScale(run.to - bucketMs, { position: 'end' });
    if (from === undefined || to === undefined || !Number.isFinite(from) || !Number.isFinite(to)) continue;
    const width = to - from;
    const rects = byState.get(run.state) ?? [];
    rects.push(`M ${round(from)},${round(plot.y)} h ${round(width)} v ${round(plot.height)} h ${round(-width)} Z`);
    byState.set(run.state, rects);
  }
  return PLAN_STATES.flatMap((state) => {
    const rects = byState.get(state);
    return rects ? [{ state, d: rects.join(' ') }] : [];
  });
}
