import type { ReactElement } from 'react';
import type { XAxisTickContentProps } from 'recharts';
import { CHART_MARGIN, LABEL_CHAR_PX, Y_AXIS_WIDTH } from './axis-style';

/**
 * An axis label as plain SVG text, styled like the axis's own. Recharts' default <Text> measures every
 * word of every label in the DOM (to wrap them) on each redraw: a forced layout per label, which made a
 * redraw while a file is read a long task.
 */
export function renderAxisTick({ x, y, width, textAnchor, verticalAnchor, className, index, payload, tickFormatter }: Omit<XAxisTickContentProps, 'orientation' | 'padding'>): ReactElement {
  const label = tickFormatter ? tickFormatter(payload.value, index) : String(payload.value);
  const dy = verticalAnchor === 'start' ? '0.71em' : verticalAnchor === 'middle' ? '0.355em' : undefined;
  // An x label that would cross the plot's right edge ends at its tick instead of centring on it; any other
  // label is centred, or it would read as an earlier time.
  const plotRight = CHART_MARGIN.left + Y_AXIS_WIDTH + Number(width);
  const crossesEdge = verticalAnchor === 'start' && Number(x) + (label.length * LABEL_CHAR_PX) / 2 > plotRight;
  const anchor = crossesEdge ? 'end' : textAnchor;
  return (
    <text x={x} y={y} dy={dy} textAnchor={anchor} fontSize={11} fill="var(--muted)" className={className}>
      {label}
    </text>
  );
}
