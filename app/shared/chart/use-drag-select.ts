import { useState, type SyntheticEvent } from 'react';
import type { MouseHandlerDataParam } from 'recharts';

export interface DragSelection {
  readonly start: number;
  readonly end: number;
}

/**
 * Drag across a chart to select a run of buckets; a press without movement is a click on one bucket, which
 * narrows only to a bucket with data.
 * Indices, not pixels: the caller maps them to instants. The bucket is the one under the pointer, read from
 * the plot area: the chart's own active index is the last one hovered, which a tap on a touch screen (or a
 * click faster than the chart's next frame) never set, and which Recharts may give as null.
 */
export function useDragSelect(bucketCount: number, onSelect: (selection: DragSelection) => void, hasData: (index: number) => boolean = () => true) {
  const [anchor, setAnchor] = useState<number | null>(null);
  const [current, setCurrent] = useState<number | null>(null);
  const indexOf = (state: MouseHandlerDataParam, event: SyntheticEvent | undefined): number | null => {
    const pointed = event === undefined ? null : bucketUnderPointer(event, bucketCount);
    if (pointed !== null) return pointed;
    const active = state.activeTooltipIndex ?? state.activeIndex;
    const n = active === null || active === undefined || active === '' ? Number.NaN : Number(active);
    return Number.isInteger(n) && n >= 0 && n < bucketCount ? n : null;
  };
  return {
    selection: anchor !== null && current !== null ? { start: Math.min(anchor, current), end: Math.max(anchor, current) } : null,
    handlers: {
      onMouseDown: (state: MouseHandlerDataParam, event?: SyntheticEvent) => {
        const index = indexOf(state, event);
        setAnchor(index);
        setCurrent(index);
      },
      onMouseMove: (state: MouseHandlerDataParam, event?: SyntheticEvent) => {
        if (anchor === null) return;
        const index = indexOf(state, event);
        if (index !== null) setCurrent(index);
      },
      onMouseUp: () => {
        // A click (no drag) on a bucket with nothing in it narrows to nothing: on a touch screen, any tap would.
        const isEmptyClick = anchor !== null && anchor === current && !hasData(anchor);
        if (anchor !== null && current !== null && !isEmptyClick) onSelect({ start: Math.min(anchor, current), end: Math.max(anchor, current) });
        setAnchor(null);
        setCurrent(null);
      },
      onMouseLeave: () => {
        setAnchor(null);
        setCurrent(null);
      },
    },
  };
}

/** The plot area as Recharts clips its series to it, in the chart's own pixels. */
interface PlotArea {
  readonly x: number;
  readonly width: number;
}

/**
 * bucketAtX(130, { x: 80, width: 400 }, 8) -> 1: equal bands side by side across the plot, as the category axis
 * lays them out; null left or right of the plot, or without buckets.
 */
export function bucketAtX(x: number, plot: PlotArea, bucketCount: number): number | null {
  if (bucketCount <= 0 || !(plot.width > 0) || !Number.isFinite(x)) return null;
  const offset = x - plot.x;
  if (offset < 0 || offset > plot.width) return null;
  return Math.min(bucketCount - 1, Math.floor((offset / plot.width) * bucketCount));
}

function bucketUnderPointer(event: SyntheticEvent, bucketCount: number): number | null {
  const wrapper = event.currentTarget;
  const clientX = (event.nativeEvent as Partial<MouseEvent>).clientX;
  if (!(wrapper instanceof Element) || typeof clientX !== 'number') return null;
  const svg = wrapper.querySelector('svg');
  const clip = svg?.querySelector('defs clipPath rect');
  if (!svg || !clip) return null;
  const x = Number(clip.getAttribute('x'));
  const width = Number(clip.getAttribute('width'));
  return bucketAtX(clientX - svg.getBoundingClientRect().left, { x, width }, bucketCount);
}
