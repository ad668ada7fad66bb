import type { Browser, Page } from '@playwright/test';
import { startFaultServer, type FaultServer } from '../../e2e/fixtures/stream-server/fault-server';
import { openMonitoredPage } from './browser-bench';
import { createProcessSampler } from './proc-memory';
import { maxInAnyWindow, maxPerSecond, STREAM_MONITOR_SCRIPT, type RedrawRegion, type StreamMonitorState } from './stream-monitor';

export interface StreamPlan {
  readonly rate: number;
  readonly seconds: number;
}

/** Redraws of one region: the most in a one-second bucket from the connect click, and in any sliding 1 s window. */
export interface RedrawCount {
  readonly total: number;
  readonly maxPerSecond: number;
  readonly maxInAnyWindow: number;
}

export interface StreamResult {
  readonly plan: StreamPlan;
  /** Events the fault server wrote (all its /sse/burst responses). */
  readonly sent: number;
  /** /sse/burst responses: more than one means the page reconnected. */
  readonly connections: number;
  /** First to last event written, server clock. */
  readonly serverSeconds: number | null;
  /** Written-but-unsent bytes in Node at worst: the page (or the socket) reading slower than the rate. */
  readonly maxServerBacklogBytes: number;
  /** The page's "All sources" ledger at the end. */
  readonly ledger: Readonly<Record<string, number>>;
  /** lines = catalogued + uncatalogued + nonError + rejected. */
  readonly ledgerAddsUp: boolean;
  /** sent − ledger lines: events that reached neither a count nor a rejection reason (negative: counted twice). */
  readonly unaccounted: number;
  readonly endStatus: string | null;
  /** Connect click → the ledger has all the events and stopped changing (Node clock). */
  readonly elapsedSeconds: number;
  /** The server wrote the last event → the ledger shows the final count. */
  readonly catchUpSeconds: number | null;
  readonly redraws: Readonly<Record<RedrawRegion, RedrawCount>>;
  /** React commits of the whole app (DevTools hook), same measures. */
  readonly commits: RedrawCount;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  /** Long tasks that started a second or more after the Connect click (the steady stream, not the connect). */
  readonly steadyLongTasks: number;
  readonly steadyLongestTaskMs: number;
  /** The monitor's own MutationObserver callback: longest and total ms (inside the page's tasks). */
  readonly monitorCallbackMaxMs: number;
  readonly monitorCallbackTotalMs: number;
  /** The long tasks (at most 20), ms after the Connect click: to tell the connect from the steady state. */
  readonly longTaskList: ReadonlyArray<{ readonly atMs: number; readonly durationMs: number }>;
  /** Redraws per 1 s bucket from the Connect click, for report.json. */
  readonly timeline: Readonly<Record<'trendChart' | 'sourcesList' | 'commits', readonly number[]>>;
  readonly peakPageHeapBytes: number | null;
  readonly peakWorkerHeapBytes: number | null;
  readonly peakRendererRssBytes: number | null;
  readonly pageErrors: readonly string[];
  readonly monitorErrors: readonly string[];
}

/** Memory sampling period (CDP page metrics, worker heap, /proc). */
const SAMPLE_EVERY_MS = 500;
/** The ledger must hold still this long after the server finished to count as settled. */
const SETTLED_MS = 2000;
/** After the planned burst, how long the page may take to catch up before the run gives up. */
const CATCH_UP_LIMIT_MS = 120_000;
/** Long tasks from this long after the Connect click on are the steady stream's, not the connect's. */
const STEADY_AFTER_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every number cell of the "All sources" ledger (`lines`, `rejected-buffer_overflow`, ...) and of the
 * stream's own table (`stream-records`, ...), in one read. A string, so no compiler helper (tsx's __name)
 * leaks into the page.
 */
const READ_COUNTS = `(() => {
  const cells = {};
  const read = (selector, prefix) => {
    for (const el of document.querySelectorAll(selector)) {
      const id = el.getAttribute('data-testid') || '';
      if (id.startsWith(prefix)) cells[id.slice(prefix.length)] = Number((el.textContent || '').replace(/[^0-9]/g, ''));
    }
  };
  read('[aria-label="All sources"] [data-testid^="ledger-"]', 'ledger-');
  read('[data-testid^="stream-"]', '');
  return cells;
})()`;

const readCounts = (page: Page) => page.evaluate(READ_COUNTS) as Promise<Record<string, number>>;

const OUTCOMES = ['catalogued', 'uncatalogued', 'nonError', 'rejected'] as const;

function serverTotals(server: FaultServer) {
  const runs = server.burstStats();
  const finished = runs.map((r) => r.finishedAt).filter((t): t is number => t !== null);
  const first = runs[0];
  return {
    sent: runs.reduce((n, r) => n + r.sent, 0),
    connections: runs.length,
    isComplete: runs.some((r) => r.finishedAt !== null),
    finishedAt: finished.length > 0 ? Math.max(...finished) : null,
    serverSeconds: first && finished.length > 0 ? (Math.max(...finished) - first.startedAt) / 1000 : null,
    maxBacklogBytes: Math.max(0, ...runs.map((r) => r.maxBacklogBytes)),
  };
}

function buckets(times: readonly number[], t0: number): number[] {
  const out: number[] = [];
  for (const t of times) {
    const k = Math.max(0, Math.floor((t - t0) / 1000));
    while (out.length <= k) out.push(0);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

function countOf(times: readonly number[], t0: number): RedrawCount {
  return { total: times.length, maxPerSecond: maxPerSecond(times, t0), maxInAnyWindow: maxInAnyWindow(times) };
}

/**
 * The live-stream burst: the fault server on a free 127.0.0.1 port writes `rate` SSE events a second for
 * `seconds`; the built page connects to it like a user (Stream URL, Read as SSE, Connect). Waits until the
 * server has written everything and the page's ledger holds still, then compares the two.
 */
export async function benchStream(browser: Browser, url: string, plan: StreamPlan, log: (text: string) => void): Promise<StreamResult> {
  const server = await startFaultServer({ port: 0 });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const sampling = { on: false, done: Promise.resolve() };
  try {
    const page = await context.newPage();
    const { pageErrors, cdp, workers } = await openMonitoredPage(context, page, url, STREAM_MONITOR_SCRIPT);
    const sampleProcessMemory = createProcessSampler();
    const heaps = { page: [] as number[], worker: [] as number[], renderer: [] as number[] };
    sampling.on = true;
    sampling.done = (async () => {
      while (sampling.on) {
        const [metrics, workerHeap] = await Promise.all([cdp.send('Performance.getMetrics').catch(() => null), workers.heapUsed()]);
        const pageHeap = metrics?.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
        if (pageHeap !== undefined) heaps.page.push(pageHeap);
        if (workerHeap !== null) heaps.worker.push(workerHeap);
        const proc = sampleProcessMemory();
        if (proc) heaps.renderer.push(proc.rendererRssBytes);
        await sleep(SAMPLE_EVERY_MS);
      }
    })();

    const streamUrl = `${server.url}/sse/burst?rate=${plan.rate}&seconds=${plan.seconds}`;
    const live = page.getByRole('region', { name: 'Live stream' });
    await live.getByLabel('Stream URL').fill(streamUrl);
    await live.getByLabel('Read as').selectOption({ label: 'SSE' });
    await page.evaluate('window.__qlStream.start()');
    const connectedAt = performance.now();
    await live.getByRole('button', { name: 'Connect' }).click();
    await page.getByTestId('stream-status').filter({ hasText: 'live' }).waitFor({ timeout: 15_000 });

    // Polled from here, every 500 ms: the burst, then until the ledger holds still for SETTLED_MS.
    const deadline = connectedAt + plan.seconds * 1000 + CATCH_UP_LIMIT_MS;
    let lastLines = -1;
    let stillSince = performance.now();
    let caughtUpAt: number | null = null;
    let nextLog = performance.now() + 10_000;
    for (;;) {
      await sleep(500);
      const now = performance.now();
      const totals = serverTotals(server);
      const lines = (await readCounts(page)).lines ?? 0;
      if (lines !== lastLines) {
        lastLines = lines;
        stillSince = now;
        if (totals.isComplete && lines >= totals.sent) caughtUpAt ??= Date.now();
      }
      if (now >= nextLog) {
        log(`    ${((now - connectedAt) / 1000).toFixed(0)} s: server sent ${totals.sent.toLocaleString('en')}, page ledger ${lines.toLocaleString('en')} lines`);
        nextLog += 10_000;
      }
      if (totals.isComplete && now - stillSince >= SETTLED_MS) break;
      if (now > deadline) {
        log(`    gave up waiting: ${((now - connectedAt) / 1000).toFixed(0)} s after connect the ledger was still changing or the burst unfinished`);
        break;
      }
    }
    const elapsedSeconds = (stillSince - connectedAt) / 1000;
    await page.evaluate('window.__qlStream.stop()');
    sampling.on = false;
    await sampling.done;

    const state = (await page.evaluate('({ t0: window.__qlStream.t0, t1: window.__qlStream.t1, redraws: window.__qlStream.redraws, commits: window.__qlStream.commits, longTasks: window.__qlStream.longTasks, observerMaxMs: window.__qlStream.observerMaxMs, observerTotalMs: window.__qlStream.observerTotalMs, longTaskError: window.__qlStream.longTaskError, commitHookError: window.__qlStream.commitHookError })')) as StreamMonitorState;
    const counts = await readCounts(page);
    const endStatus = await page.getByTestId('stream-status').textContent();
    const totals = serverTotals(server);
    const t0 = state.t0 ?? 0;
    const t1 = state.t1 ?? Number.POSITIVE_INFINITY;
    const during = state.longTasks.filter((task) => task.start + task.duration >= t0 && task.start <= t1);
    const steady = during.filter((task) => task.start >= t0 + STEADY_AFTER_MS);
    const ledger = Object.fromEntries(Object.entries(counts).filter(([key]) => !key.startsWith('stream-')));
    const lines = ledger.lines ?? 0;
    const peak = (values: readonly number[]) => (values.length > 0 ? Math.max(...values) : null);
    return {
      plan,
      sent: totals.sent,
      connections: totals.connections,
      serverSeconds: totals.serverSeconds,
      maxServerBacklogBytes: totals.maxBacklogBytes,
      ledger: { ...ledger, streamRecords: counts['stream-records'] ?? 0, streamOverflowed: counts['stream-overflowed'] ?? 0 },
      ledgerAddsUp: lines === OUTCOMES.reduce((n, key) => n + (ledger[key] ?? 0), 0),
      unaccounted: totals.sent - lines,
      endStatus,
      elapsedSeconds,
      catchUpSeconds: caughtUpAt === null || totals.finishedAt === null ? null : Math.max(0, caughtUpAt - totals.finishedAt) / 1000,
      redraws: {
        trendChart: countOf(state.redraws.trendChart, t0),
        sourcesList: countOf(state.redraws.sourcesList, t0),
        ledger: countOf(state.redraws.ledger, t0),
        any: countOf(state.redraws.any, t0),
      },
      commits: countOf(state.commits, t0),
      longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
      longTasks: during.length,
      steadyLongTasks: steady.length,
      steadyLongestTaskMs: Math.max(0, ...steady.map((task) => task.duration)),
      monitorCallbackMaxMs: state.observerMaxMs,
      monitorCallbackTotalMs: state.observerTotalMs,
      longTaskList: during.slice(0, 20).map((task) => ({ atMs: Math.round(task.start - t0), durationMs: Math.round(task.duration) })),
      timeline: { trendChart: buckets(state.redraws.trendChart, t0), sourcesList: buckets(state.redraws.sourcesList, t0), commits: buckets(state.commits, t0) },
      peakPageHeapBytes: peak(heaps.page),
      peakWorkerHeapBytes: peak(heaps.worker),
      peakRendererRssBytes: peak(heaps.renderer),
      pageErrors: pageErrors.slice(0, 5),
      monitorErrors: [state.longTaskError, state.commitHookError].filter((e): e is string => e !== undefined),
    };
  } finally {
    sampling.on = false; // a failed run must not leave the sampler polling a closed page
    await sampling.done;
    await context.close();
    await server.close();
  }
}
