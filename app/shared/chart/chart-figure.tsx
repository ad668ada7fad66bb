import { useId, useRef, useState, type ReactNode } from 'react';
import { downloadBlob } from '../download';
import { svgToPng, toStandaloneSvg } from './export-chart';

interface LegendItem {
  readonly key: string;
  readonly label: string;
  /** A colour for series without a CSS swatch class (per-code series). */
  readonly color?: string;
}

/** Whether a time chart with nothing to draw keeps its frame, and whether the page is still loading. */
export interface KeepFrameProps {
  /**
   * An empty view keeps the chart (axes, no bars) rather than the empty message: while a file is read, so the
   * first events fill it in (unmounting and mounting a chart is a long main-thread task), and until an answer
   * computed since the read is shown (see useKeepFrame).
   */
  readonly keepFrame?: boolean;
  /** The page says it is loading (see useAnswerDisplay): the caption says so rather than count zeros. */
  readonly loading?: boolean;
}

const STILL_LOADING = 'The chart is still loading.';

interface ChartFigureProps {
  readonly title: string;
  readonly summary: string;
  readonly legend: readonly LegendItem[];
  /** The plotted numbers as a table: the chart's text alternative. */
  readonly table: ReactNode;
  readonly actions?: ReactNode;
  /** Between the legend and the plot, where the plot's zoom is undone (ChartZoomBar). */
  readonly zoomBar?: ReactNode;
  readonly testId: string;
  /** The chart still holds what it drew before the page started loading: its body and legend are hidden. */
  readonly isStale?: boolean;
  readonly children: ReactNode;
}

/** A chart as a figure with an accessible name, a summary, an HTML legend and its data as a table. */
export function ChartFigure({ title, summary, legend, table, actions, zoomBar, testId, isStale = false, children }: ChartFigureProps) {
  const id = useId();
  const figureRef = useRef<HTMLElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  // The table is built only while it is shown: hundreds of rows rebuilt with every chart update (each
  // second while a file is read) were a good part of a chart's redraw, for a table most never open.
  const [tableShown, setTableShown] = useState(false);
  const fileBase = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const exportAs = async (format: 'svg' | 'png') => {
    setExportError(null);
    // Hidden, it still holds what it drew before the page started loading: not what the caption says.
    if (isStale) return setExportError(STILL_LOADING);
    const standalone = figureRef.current ? toStandaloneSvg(figureRef.current, title) : null;
    if (!standalone) return setExportError('Nothing is drawn to export.');
    try {
      const blob = format === 'svg' ? new Blob([standalone.svg], { type: 'image/svg+xml' }) : await svgToPng(standalone.svg, standalone.width, standalone.height);
      downloadBlob(`${fileBase}.${format}`, blob);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <figure ref={figureRef} className="panel chart-figure" aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className="panel-header">
        {/* Focusable from script only: where the focus goes when the zoom bar it was on leaves. */}
        <h2 id={`${id}-title`} tabIndex={-1}>{title}</h2>
        <div className="panel-actions">
          {actions}
          <button type="button" className="btn btn-small" onClick={() => void exportAs('png')} aria-label={`Export ${title} as PNG`}>
            PNG
          </button>
          <button type="button" className="btn btn-small" onClick={() => void exportAs('svg')} aria-label={`Export ${title} as SVG`}>
            SVG
          </button>
        </div>
      </div>
      {exportError && (isStale || exportError !== STILL_LOADING) ? <p role="alert" className="small">{exportError}</p> : null}
      <figcaption className="small muted">{summary}</figcaption>
      <ul className="chart-legend" aria-label={`${title} legend`}>
        {(isStale ? [] : legend).map((item) => (
          <li key={item.key}>
            <span className={`cat-dot swatch-${item.key}`} style={item.color ? { background: item.color } : undefined} />
            {item.label}
          </li>
        ))}
      </ul>
      {zoomBar}
      {/* Inert while stale: no tooltip or drag on bars that are not the caption's. */}
      <div className={isStale ? 'chart-body is-stale' : 'chart-body'} inert={isStale}>{children}</div>
      <details className="chart-table" onToggle={(event) => setTableShown(event.currentTarget.open)}>
        <summary>Show the data as a table</summary>
        <div className="table-scroll">{tableShown && !isStale ? table : null}</div>
      </details>
    </figure>
  );
}
