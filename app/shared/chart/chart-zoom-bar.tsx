import type { MouseEvent } from 'react';
import type { ViewRange } from '../../core/view-state';
import type { TimeZoneId } from '../../core/view-state';
import { describeRange } from './range-label';

export interface ChartZoomBarProps {
  /** What the zoom that led here undoes to (see useChartZoom); null: the view was not narrowed from a chart. */
  readonly trail: { readonly back: ViewRange; readonly origin: ViewRange; readonly depth: number } | null;
  readonly tz: TimeZoneId;
  /** Back, as the browser's: the range before the last zoom. */
  readonly onBack: () => void;
  /** Back past every zoom of the run, to the range before the first. */
  readonly onOrigin: () => void;
}

/**
 * Over a time chart narrowed by a drag, a tap or Enter on it: the way back where the user is, not only in the
 * filters far up the page or in the browser's Back, which says nothing of what it returns to. "Back to …" is that
 * Back; after zooms in a row, "Show …" goes back past all of them. Each names the range it returns to.
 */
export function ChartZoomBar({ trail, tz, onBack, onOrigin }: ChartZoomBarProps) {
  if (trail === null) return null;
  // The bar leaves with the zoom it undoes: the chart's heading takes the focus, not the page's top.
  const leaving = (go: () => void) => (event: MouseEvent<HTMLButtonElement>) => {
    event.currentTarget.closest('figure')?.querySelector<HTMLElement>('h2[tabindex]')?.focus({ preventScroll: true });
    go();
  };
  return (
    <div className="chart-zoom" role="group" aria-label="Chart zoom">
      <button type="button" className="btn btn-small" onClick={trail.depth === 1 ? leaving(onBack) : onBack}>
        <span aria-hidden="true">←</span> Back to {describeRange(trail.back, tz)}
      </button>
      {trail.depth > 1 ? (
        <button type="button" className="btn btn-small" onClick={leaving(onOrigin)}>
          Show {describeRange(trail.origin, tz)}
        </button>
      ) : null}
    </div>
  );
}
