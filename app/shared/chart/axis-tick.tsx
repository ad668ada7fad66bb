import type { ReactElement } from 'react';
import type { XAxisTickContentProps } from 'recharts';

/**
 * An axis label as plain SVG text, styled like the axis's own. Recharts' default <Text> measures every
 * word of every label in the DOM (to wrap them) on each redraw: a forced layout per label, which made a
 * redraw while a file is read a long task.
 */
export function renderAxisTick({ x, y, textAnchor, verticalAnchor, className, index, visibleTicksCount, payload, tickFormatter }: Omit<XAxisTickContentProps, 'orientation' | 'padding'>): ReactElement {
  const label = tickFormatter ? tickFormatter(payload.value, index) : String(payload.value);
  const dy = verticalAnchor === 'start' ? '0.71em' : verticalAnchor === 'middle' ? '0.355em' : undefined;
  // The last x label ends at its tick, so that it is not cut by the chart's right edge.
  const anchor = verticalAnchor === 'start' && index === visibleTicksCount - 1 && index > 0 ? 'end' : textAnchor;
  return (
    <text x={x} y={y} dy={dy} textAnchor={anchor} fontSize={11} fill="var(--muted)" className={className}>
      {label}
    </text>
  );
}
