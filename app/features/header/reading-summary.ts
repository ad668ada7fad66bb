import type { SourceStatus } from '../../ingest/protocol';

export interface ReadingSummary {
  /** The one file being read, or null when several are. */
  readonly name: string | null;
  readonly files: number;
  /** Bytes read of all the files being read, over their sizes (0–1). */
  readonly fraction: number;
}

/**
 * What the header says while files are read (null when none is; a live stream has its own panel, the demo none). The source rows
 * are far down the page, out of sight once the charts fill the screen: the header keeps the read in view.
 * readingSummary([{ name: 'app.log', state: 'reading', sizeBytes: 200, bytesDone: 50, … }]) -> { name: 'app.log', files: 1, fraction: 0.25 }
 */
export function readingSummary(sources: readonly SourceStatus[]): ReadingSummary | null {
  // The bundled demo reads in a moment as the page opens: no news to the user.
  const reading = sources.filter((s) => s.state === 'reading' && s.kind !== 'stream' && s.kind !== 'demo' && s.sizeBytes !== null);
  if (reading.length === 0) return null;
  const size = reading.reduce((sum, s) => sum + (s.sizeBytes ?? 0), 0);
  const done = reading.reduce((sum, s) => sum + Math.min(s.bytesDone, s.sizeBytes ?? 0), 0);
  return {
    name: reading.length === 1 ? (reading[0]?.name ?? null) : null,
    files: reading.length,
    fraction: size > 0 ? done / size : 0,
  };
}

/** 0.437 -> '43%': rounded down, so a read shows 100% only once it is done. */
export function formatPercent(fraction: number): string {
  return `${Math.floor(Math.min(1, Math.max(0, fraction)) * 100)}%`;
}
