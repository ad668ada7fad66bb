import { useCallback, useEffect, useRef, useState } from 'react';

const HIDDEN = { active: false } as const;
const FOLLOWS_POINTER = {} as const;

/**
 * A finger never leaves a chart the way a mouse does, so Recharts kept the last tapped bucket's tooltip up for
 * good, and after a tap narrowed the view it described a bucket of the new axis that no one had touched. The
 * tooltip is hidden by a press anywhere outside the chart and when the chart narrows the view, and follows
 * the pointer again from the next press or move inside it.
 */
export function useDismissibleTooltip() {
  const wrapperRef = useRef<HTMLDivElement | null>(null);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const { target } = event;
      setHidden(!(target instanceof Node && wrapperRef.current?.contains(target) === true));
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);
  const show = useCallback(() => setHidden(false), []);
  return {
    /** For the element around the chart. */
    wrapperProps: { ref: wrapperRef, ...(hidden ? { onPointerMove: show } : {}) },
    /** For Recharts' Tooltip: `active: false` hides it and its cursor; without it the tooltip follows the pointer. */
    tooltipProps: hidden ? HIDDEN : FOLLOWS_POINTER,
    hideTooltip: useCallback(() => setHidden(true), []),
  };
}
