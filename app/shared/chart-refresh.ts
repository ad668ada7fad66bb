import type { SourceStatus } from '../ingest/protocol';

/** While a live stream is read, or a file for its first seconds, the charts take new data each second. */
const LIVE_MS = 1000;
/** A file read for longer than this (hundreds of megabytes) has its charts redrawn less often… */
const LONG_READ_AFTER_MS = 3000;
/** …every 3 s: the progress bar and counts still move four times a second. */
const LONG_READ_MS = 3000;

/**
 * How long the charts keep what they show while sources are read (0: nothing is read, they follow at once).
 * Each redraw leaves the last one's objects to the garbage collector: through a 1 GiB log (about 15 s), one a
 * second let the page's heap grow to about 85 MiB where one every 3 s kept it near 50, and the read ended
 * sooner. A live stream keeps its second: its events are what the user is watching.
 */
export function chartRefreshMs(sources: readonly SourceStatus[]): number {
  let longestFileRead = -1;
  for (const source of sources) {
    if (source.state !== 'reading') continue;
    if (source.kind === 'stream') return LIVE_MS;
    longestFileRead = Math.max(longestFileRead, (source.updatedAt ?? source.startedAt) - source.startedAt);
  }
  if (longestFileRead < 0) return 0;
  return longestFileRead > LONG_READ_AFTER_MS ? LONG_READ_MS : LIVE_MS;
}
