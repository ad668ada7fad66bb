import { useEffect, useRef } from 'react';
import { useActiveTooltipLabel } from 'recharts';

/**
 * Inside a time chart: Enter or Space on the focused chart narrows to the bucket its arrow keys reached (Recharts'
 * keyboard layer moves the tooltip; a click does the same with a pointer). Renders an empty group, to find its chart.
 */
export function KeyboardSelect({ onSelect }: { readonly onSelect: (bucketStart: number) => void }) {
  const label = useActiveTooltipLabel();
  const anchor = useRef<SVGGElement>(null);
  useEffect(() => {
    const surface = anchor.current?.ownerSVGElement;
    const t = Number(label);
    if (!surface || label === undefined || label === null || !Number.isFinite(t)) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      onSelect(t);
    };
    surface.addEventListener('keydown', onKeyDown);
    return () => surface.removeEventListener('keydown', onKeyDown);
  }, [label, onSelect]);
  return <g ref={anchor} />;
}
