import { SafeText } from '../../shared/safe-text';
import { formatPercent, type ReadingSummary } from './reading-summary';

interface ReadingStatusProps {
  readonly summary: ReadingSummary | null;
  /** Brings the source rows (their Cancel buttons and ledgers) into view. */
  readonly onShowSources: () => void;
}

/**
 * The header's line while files are read: what, how far, and the way to the source rows. A group, not a live
 * region: its percent changes four times a second, and a screen reader would read each one out.
 */
export function ReadingStatus({ summary, onShowSources }: ReadingStatusProps) {
  if (summary === null) return null;
  const percent = formatPercent(summary.fraction);
  return (
    <div className="reading-status" role="group" aria-label="Files being read">
      <span className="reading-status-text">
        Reading {summary.name !== null ? <SafeText text={summary.name} max={48} /> : `${summary.files} files`}
      </span>
      <span className="reading-status-percent">{percent}</span>
      <progress className="progress" max={1} value={summary.fraction} aria-label={`Read ${percent}`} />
      <button type="button" className="btn-link small" onClick={onShowSources}>
        Sources
      </button>
    </div>
  );
}
