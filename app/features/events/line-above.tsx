import type { LineAbove } from '../../core/formats/line-above';
import { formatBytes, formatCount } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';

/** A stamp line is short; past this many graphemes it is cut (with '…', and the start, which holds the stamp, shown). */
const LINE_ABOVE_GRAPHEMES = 2_000;

interface LineAboveRecordProps {
  readonly lineAbove: LineAbove;
  /** The record's first line (1-based): the line above is the one before it. */
  readonly recordLine: number;
}

/**
 * The stamped line that dated an error without a time of its own (a traceback under `… ERROR request failed`), re-read
 * from the source: set apart above the record, which it is not part of, so the user can check the time it gave.
 * When it cannot be shown, that is said instead.
 */
export function LineAboveRecord({ lineAbove, recordLine }: LineAboveRecordProps) {
  const where = recordLine > 1 ? ` (line ${formatCount(recordLine - 1)})` : '';
  if (lineAbove.kind !== 'line') {
    return (
      <p className="small line-above-missing" role="note">
        {missingNote(lineAbove, where)}
      </p>
    );
  }
  return (
    <div className="line-above">
      <p id="line-above-title" className="small line-above-label">
        Dated by the line above{where}, which is not part of the record:
      </p>
      <pre className="line-above-text" tabIndex={0} role="region" aria-labelledby="line-above-title">
        {lineAbove.text === '' ? <span className="muted">(an empty line)</span> : <SafeText text={lineAbove.text} max={LINE_ABOVE_GRAPHEMES} />}
      </pre>
    </div>
  );
}

/** 'Dated by the line above (line 41), which is longer than 64 KiB: it is not shown.' */
function missingNote(lineAbove: Exclude<LineAbove, { kind: 'line' }>, where: string): string {
  switch (lineAbove.kind) {
    case 'too-long':
      return `Dated by the line above${where}, which is longer than ${formatBytes(lineAbove.windowBytes)}: it is not shown.`;
    case 'none':
      return 'Dated by the line above, but the record opens its source: no line above it could be found.';
    case 'unreadable':
      return `Dated by the line above${where}, which could not be read again from the source (has the file changed?).`;
  }
}
