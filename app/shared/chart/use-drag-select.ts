import { useState } from 'react';
import type { MouseHandlerDataParam } from 'recharts';

export interface DragSelection {
  readonly start: number;
  readonly end: number;
}

/**
 * Drag across a chart to select a run of buckets; a press without movement is a click on one bucket.
 * Indices, not pixels: the caller maps them to instants.
 */
export function useDragSelect(onSelect: (selection: DragSelection) => void) {
  const [anchor, setAnchor] = useState<number | null>(null);
  const [current, setCurrent] = useState<number | null>(null);
  const indexOf = (state: MouseHandlerDataParam): number | null => {
    const n = Number(state.activeTooltipIndex ?? state.activeIndex);
    return Number.isInteger(n) && n >= 0 ? n : null;
  };
  return {
    selection: anchor !== null && current !== null ? { start: Math.min(anchor, current), end: Math.max(anchor, current) } : null,
    handlers: {
      onMouseDown: (state: MouseHandlerDataParam) => {
        const index = indexOf(state);
        setAnchor(index);
        setCurrent(index);
      },
      onMouseMove: (state: MouseHandlerDataParam) => {
        if (anchor === null) return;
        const index = indexOf(state);
        if (index !== null) setCurrent(index);
      },
      onMouseUp: () => {
        if (anchor !== null && current !== null) onSelect({ start: Math.min(anchor, current), end: Math.max(anchor, current) });
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
