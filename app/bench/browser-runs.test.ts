import { describe, expect, it } from 'vitest';
import type { BrowserResult } from './browser-bench';
import { medianRun } from './browser-runs';
import { checkTargets, type BenchResults } from './report';

const MIB = 1024 * 1024;

function upload(corpus: BrowserResult['corpus'], seconds: number, growthMiB: number, longTasks = 0): BrowserResult {
  return {
    corpus, settledMs: 0, endState: 'done', seconds, mbPerSecond: 100 / seconds, lines: 1, events: 1, eventsPerSecond: 1, pageReportedMbPerSecond: null,
    firstProgressMs: null, firstChartMs: null, longestTaskMs: longTasks > 0 ? 56 : 0, longTasks, longTaskTimes: [], peakPageHeapBytes: null, peakWorkerHeapBytes: null,
    peakPageHeapCommittedBytes: null, peakWorkerHeapCommittedBytes: null, peakWorkerArrayBufferBytes: null, baselineRendererRssBytes: 200 * MIB,
    peakRendererRssBytes: (200 + growthMiB) * MIB, peakBrowserRssBytes: null, rendererRssCurve: [], workerHeapCurve: [], cpu: null,
  };
}

function targetsOf(browser: readonly BrowserResult[]) {
  const results: BenchResults = {
    corpora: [{ key: 'big', label: 'mixed text 1 GiB', path: 'big.log', bytes: 1024 * MIB, dataBytes: 1024 * MIB }],
    node: [], cliStartupSeconds: null, browser, aggregate: null, firstRenderMs: [], stream: null,
  };
  return new Map(checkTargets(results).map((t) => [t.target.split(' (')[0], t]));
}

describe('uploads of a corpus', () => {
  it('are told by the upload of median time, with every upload kept in order', () => {
    const row = medianRun([upload('ndjson', 0.9, 100), upload('ndjson', 0.6, 110), upload('ndjson', 0.7, 120)]);
    expect(row?.seconds).toBe(0.7);
    expect(row?.runs?.map((r) => r.seconds)).toEqual([0.9, 0.6, 0.7]);
    expect(row?.runs?.map((r) => r.rendererGrowthBytes)).toEqual([100 * MIB, 110 * MIB, 120 * MIB]);
    expect(medianRun([upload('ndjson', 0.6, 1), upload('ndjson', 0.9, 1)])?.seconds).toBe(0.9);
    expect(medianRun([])).toBeNull();
  });

  it('meet the 1 GiB memory target by their median growth, and the long-task target only when no upload had one', () => {
    const big = medianRun([upload('big', 13, 300), upload('big', 14, 230, 1), upload('big', 15, 240)]);
    if (big === null) throw new Error('no row');
    const targets = targetsOf([big]);
    const memory = targets.get('1 GiB file completes with flat memory');
    expect(memory?.met).toBe(true);
    expect(memory?.measured).toContain('+240 MiB (median of 3: +300 MiB, +230 MiB, +240 MiB)');
    const tasks = targets.get('no main-thread task over 50 ms during ingest');
    expect(big.longTasks).toBe(1);
    expect(tasks?.met).toBe(false);
    expect(tasks?.measured).toBe('longest 56 ms, 1 long tasks (in 1 of 3 uploads)');

    const calm = medianRun([upload('big', 13, 300), upload('big', 14, 280), upload('big', 15, 240, 2)]);
    if (calm === null) throw new Error('no row');
    expect(calm.longTasks).toBe(0);
    const again = targetsOf([calm]);
    expect(again.get('1 GiB file completes with flat memory')?.met).toBe(false);
    expect(again.get('no main-thread task over 50 ms during ingest')?.met).toBe(false);
  });
});
