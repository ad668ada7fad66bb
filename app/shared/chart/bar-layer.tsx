import { memo, useMemo } from 'react';
import { DefaultZIndexes, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import { useCommitted } from './use-committed';

export interface BarLayerSeries<Row> {
  readonly key: string;
  /** As on a Recharts `<Bar>`: on the series' group and on its shape. */
  readonly className?: string;
  /** As on a Recharts `<Cell>`: on the shape only. */
  readonly shapeClassName?: string;
  readonly fill?: string;
  readonly value: (row: Row) => number;
}

interface BarLayerProps<Row extends { readonly t: number }> {
  /** The chart's `data`: the same array, so the layer draws what the axes were computed from. */
  readonly rows: readonly Row[];
  /** Bottom to top, as the stacked `<Bar>`s were listed; memoize it with the rows. */
  readonly series: readonly BarLayerSeries<Row>[];
  /** The chart's `barCategoryGap`, in pixels. */
  readonly categoryGap: number;
}

/**
 * Stacked bars on a category time axis, drawn as one `<path>` per series. A Recharts `<Bar>` draws a
 * component tree and two SVG elements per bar and remounts all of them whenever its data changes (its
 * animation is keyed by the data); Recharts renders that from its own store, in one synchronous task React
 * cannot slice. With ~850 bars in each of two charts that was most of a 150–450 ms task every second while
 * a file is read.
 *
 * The chart keeps its `<Bar>`s, hidden, so Recharts still computes the stacked axis domain and the tooltip
 * from them (`includeHidden` on the axes and the tooltip); this layer draws the same rectangles Recharts
 * would: Recharts' own scales, its bar placement for one stack per category (`barCategoryGap` on each
 * side, the width rounded), zero-height segments left out, coordinates rounded as its `Rectangle` does.
 */
function BarLayerImpl<Row extends { readonly t: number }>({ rows, series, categoryGap }: BarLayerProps<Row>) {
  // The rows the chart's store holds: Recharts takes new data into its store in an effect, so the new
  // rows are drawn in the render that also brings the new scales, never new rows on old axes.
  const { rows: drawn, series: drawnSeries } = useCommitted(useMemo(() => ({ rows, series }), [rows, series]));
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  const paths = stackedBarPaths(drawn, drawnSeries, xScale, yScale, categoryGap);
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.bar}>
      <g className="recharts-layer recharts-bar-layer">
        {drawnSeries.map((s, i) =>
          !paths[i] ? null : (
            <g key={s.key} className={join('recharts-layer recharts-bar', s.className)}>
              <g className="recharts-layer recharts-bar-rectangle">
                <path className={join('recharts-rectangle', s.className, s.shapeClassName)} fill={s.fill} d={paths[i]} />
              </g>
            </g>
          ),
        )}
      </g>
    </ZIndexLayer>
  );
}

export const BarLayer = memo(BarLayerImpl) as typeof BarLayerImpl;

export type Scale = (value: number, options?: { position?: 'start' | 'middle' | 'end' }) => number | undefined;

/**
 * One SVG path per series (empty when it has no bar): each bar a rectangle as Recharts' `Bar` computes it
 * for a single stack per category: `gap` pixels in from the band's start, the band less both gaps wide
 * (rounded), from the stack below it to its own top, zero-height segments left out, drawn as `Rectangle`
 * draws one (`M x,y h w v h h -w Z`, four decimals). Where that would leave under a pixel, the bar fills its
 * band instead, at least a pixel wide and centred on it.
 */
export function stackedBarPaths<Row extends { readonly t: number }>(
  rows: readonly Row[],
  series: readonly Pick<BarLayerSeries<Row>, 'value'>[],
  xScale: Scale,
  yScale: Scale,
  gap: number,
): string[] {
  const paths = series.map(() => [] as string[]);
  const first = rows[0];
  const start = first && xScale(first.t);
  const end = first && xScale(first.t, { position: 'end' });
  if (start === undefined || end === undefined) return paths.map(() => '');
  // The band's width as the scale has it; the difference of two positions can be off in the last bits.
  const bandSize = Math.round((end - start) * 1e9) / 1e9;
  if (!(bandSize > 0)) return paths.map(() => '');
  const raw = bandSize - 2 * gap;
  // A band too narrow for a gap on each side (a phone, a long range) is filled, and at least a pixel wide:
  // Recharts would draw such a bar with a width of zero or less, that is not at all, or backwards.
  const width = raw >= 1 ? Math.round(raw) : Math.max(bandSize, 1);
  const inset = raw >= 1 ? gap : (bandSize - width) / 2;
  for (const row of rows) {
    const x = xScale(row.t);
    if (x === undefined) continue;
    let base = 0;
    for (let i = 0; i < series.length; i += 1) {
      const top = base + series[i]!.value(row);
      const y0 = yScale(base);
      const y1 = yScale(top);
      base = top;
      if (y0 === undefined || y1 === undefined) continue;
      const height = y0 - y1;
      if (height === 0 || !Number.isFinite(height)) continue;
      paths[i]!.push(`M ${round(x + inset)},${round(y1)} h ${round(width)} v ${round(height)} h ${round(-width)} Z`);
    }
  }
  return paths.map((p) => p.join(' '));
}

/** Recharts rounds shape coordinates to four decimals. */
export function round(n: number): number {
  const rounded = Math.round(n * 1e4) / 1e4;
  return Object.is(rounded, -0) ? 0 : rounded;
}

const join = (...names: readonly (string | undefined)[]) => names.filter(Boolean).join(' ');
