import { memo } from 'react';
import { DefaultZIndexes, usePlotArea, useXAxisScale, ZIndexLayer } from 'recharts';
import { round, type Scale } from './bar-layer';
import { useCommitted } from './use-committed';

/** A shaded band across the plot's height, from category `x1`'s start to category `x2`'s end. */
export interface BandSpec {
  readonly key: string;
  readonly x1: number;
  readonly x2: number;
  readonly className: string;
}

export interface BandRect {
  readonly key: string;
  readonly className: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Bands (peak hours, time blocked until a reset) drawn as plain rectangles in one layer. A Recharts
 * `ReferenceArea` takes itself out of its chart's store and puts itself back after every render of its
 * own, each a store update that every part of the chart checks; while a file is read the buckets change
 * with every redraw, so do the bands, and those updates were about a quarter of the page's JavaScript.
 * Drawn where a `ReferenceArea` sits: above the grid, below the bars.
 */
export const BandLayer = memo(function BandLayer({ bands }: { readonly bands: readonly BandSpec[] }) {
  const drawn = useCommitted(bands);
  const xScale = useXAxisScale();
  const plot = usePlotArea();
  if (!xScale || !plot || drawn.length === 0) return null;
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.area}>
      <g className="recharts-layer band-layer">
        {bandRects(drawn, xScale, plot).map((r) => (
          <rect key={r.key} className={r.className} x={r.x} y={r.y} width={r.width} height={r.height} />
        ))}
      </g>
    </ZIndexLayer>
  );
});

/**
 * Each band's rectangle as a `ReferenceArea` with only `x1` and `x2` computes it: from the start of `x1`'s
 * band on the category axis to the end of `x2`'s, over the plot area's height, coordinates rounded to four
 * decimals. A band whose ends the axis does not know is left out.
 */
export function bandRects(bands: readonly BandSpec[], xScale: Scale, plot: { readonly y: number; readonly height: number }): BandRect[] {
  const rects: BandRect[] = [];
  for (const band of bands) {
    const from = xScale(band.x1, { position: 'start' });
    const to = xScale(band.x2, { position: 'end' });
    if (from === undefined || to === undefined || !Number.isFinite(from) || !Number.isFinite(to)) continue;
    rects.push({ key: band.key, className: band.className, x: round(Math.min(from, to)), y: round(plot.y), width: round(Math.abs(to - from)), height: round(plot.height) });
  }
  return rects;
}
