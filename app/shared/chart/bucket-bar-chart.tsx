import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_STROKE, CHART_MARGIN, countAxisTicks, NO_VERTICAL_LINES, TOOLTIP_CURSOR, Y_AXIS_WIDTH } from './axis-style';
import { renderAxisTick } from './axis-tick';
import { BandLayer, type BandSpec } from './band-layer';
import { BarLayer, type BarLayerSeries } from './bar-layer';
import { KeyboardSelect } from './keyboard-select';
import { SelectionArea } from './selection-area';
import type { TimeAxis } from './time-axis';
import type { useBucketSelection } from './use-bucket-selection';

const BAR_CATEGORY_GAP = 1;

interface BucketBarChartProps<Row extends { readonly t: number }> {
  /** The chart's name, for assistive technology. */
  readonly title: string;
  readonly height: number;
  /** One row per time bucket, each with the top of its stack under `stackKey`. */
  readonly rows: readonly Row[];
  readonly stackKey: string;
  /** The highest stack: the count axis's ticks are whole numbers up to it. */
  readonly highest: number;
  readonly series: readonly BarLayerSeries<Row>[];
  readonly bands: readonly BandSpec[];
  readonly axis: TimeAxis;
  readonly tooltipContent: (props: { active?: boolean; label?: unknown }) => ReactNode;
  readonly selection: ReturnType<typeof useBucketSelection>;
  /** Keep the hidden stack bar while no series is drawn (the rate-limit chart's frame kept while loading). */
  readonly stackWithoutSeries?: boolean;
}

/**
 * Stacked bars over time buckets, as the trend and rate-limit charts draw them: shaded bands behind, a tooltip per
 * bucket, and the view narrowed by a drag, a click or tap, or Enter (useBucketSelection).
 */
export function BucketBarChart<Row extends { readonly t: number }>({ title, height, rows, stackKey, highest, series, bands, axis, tooltipContent, selection, stackWithoutSeries = false }: BucketBarChartProps<Row>) {
  const { tickFormatter, interval, ticks, onResize } = axis;
  return (
    <div className="chart-plot" {...selection.wrapperProps}>
      <ResponsiveContainer width="100%" height={height} onResize={onResize}>
        <BarChart data={rows as Row[]} margin={CHART_MARGIN} barCategoryGap={BAR_CATEGORY_GAP} title={title} {...selection.handlers}>
          <CartesianGrid vertical={false} stroke="var(--grid)" verticalCoordinatesGenerator={NO_VERTICAL_LINES} />
          <BandLayer bands={bands} />
          <XAxis dataKey="t" tickFormatter={tickFormatter} interval={interval} {...(ticks === undefined ? {} : { ticks })} tick={renderAxisTick} stroke={AXIS_STROKE} includeHidden allowDuplicatedCategory={false} />
          <YAxis allowDecimals={false} tickCount={countAxisTicks(highest)} width={Y_AXIS_WIDTH} interval={0} tick={renderAxisTick} stroke={AXIS_STROKE} includeHidden />
          <Tooltip cursor={TOOLTIP_CURSOR} isAnimationActive={false} content={tooltipContent} includeHidden {...selection.tooltipProps} />
          {/* Hidden: the stacks' tops give the axis the domain the stacked bars had ([0, highest stack]) and the
              tooltip an entry to show; BarLayer draws the stacks. */}
          {series.length > 0 || stackWithoutSeries ? <Bar dataKey={stackKey} isAnimationActive={false} hide /> : null}
          <BarLayer rows={rows} series={series} categoryGap={BAR_CATEGORY_GAP} />
          {selection.selection ? <SelectionArea rows={rows} start={selection.selection.start} end={selection.selection.end} /> : null}
          <KeyboardSelect onSelect={selection.selectBucket} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
