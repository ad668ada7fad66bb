import type { BrowserResult } from './browser-bench';

/** What the targets read of each upload of a corpus. */
export interface BrowserRun {
  readonly seconds: number;
  readonly rendererGrowthBytes: number | null;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  readonly longTaskTimes: BrowserResult['longTaskTimes'];
}

/** The upload of median time among `results` (uploads of one corpus), with every upload's numbers in `runs`. */
export function medianRun(results: readonly BrowserResult[]): BrowserResult | null {
  const bySeconds = [...results].sort((a, b) => a.seconds - b.seconds);
  // Of two, the slower: a failed upload does not leave the faster one to speak for the corpus.
  const middle = bySeconds[Math.floor(bySeconds.length / 2)];
  if (middle === undefined) return null;
  const runs = results.map((r) => ({
    seconds: r.seconds,
    rendererGrowthBytes: r.peakRendererRssBytes === null || r.baselineRendererRssBytes === null ? null : r.peakRendererRssBytes - r.baselineRendererRssBytes,
    longestTaskMs: r.longestTaskMs,
    longTasks: r.longTasks,
    longTaskTimes: r.longTaskTimes,
  }));
  return { ...middle, runs };
}
