import { useId, type ReactNode } from 'react';

interface LegendItem {
  readonly key: string;
  readonly label: string;
  /** A colour for series without a CSS swatch class (per-code series). */
  readonly color?: string;
}

interface ChartFigureProps {
  readonly title: string;
  readonly summary: string;
  readonly legend: readonly LegendItem[];
  /** The plotted numbers as a table: the chart's text alternative. */
  readonly table: ReactNode;
  readonly actions?: ReactNode;
  readonly testId: string;
  readonly children: ReactNode;
}

/** A chart as a figure with an accessible name, a summary, an HTML legend and its data as a table. */
export function ChartFigure({ title, summary, legend, table, actions, testId, children }: ChartFigureProps) {
  const id = useId();
  return (
    <figure className="panel chart-figure" aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className="panel-header">
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="panel-actions">{actions}</div>
      </div>
      <figcaption className="small muted">{summary}</figcaption>
      <ul className="chart-legend" aria-label={`${title} legend`}>
        {legend.map((item) => (
          <li key={item.key}>
            <span className={`cat-dot swatch-${item.key}`} style={item.color ? { background: item.color } : undefined} />
            {item.label}
          </li>
        ))}
      </ul>
      <div className="chart-body">{children}</div>
      <details className="chart-table">
        <summary>Show the data as a table</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </figure>
  );
}
