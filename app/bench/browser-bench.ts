import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import type { Corpus } from './corpora';
import { MONITOR_SCRIPT, type MonitorState } from './page-monitor';
import { createCpuTracker, type CpuShare } from './proc-cpu';
import type { BrowserRun } from './browser-runs';
import { createProcessSampler } from './proc-memory';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

interface MemorySample {
  /** Seconds since the upload. */
  readonly t: number;
  readonly pageHeap: number | null;
  readonly pageHeapCommitted: number | null;
  readonly workerHeap: number | null;
  readonly workerHeapCommitted: number | null;
  readonly workerArrayBuffers: number | null;
  readonly rendererRss: number | null;
  readonly browserRss: number | null;
}

export interface BrowserResult {
  readonly corpus: Corpus['key'];
  /** How long the page sat idle, the demo drawn, before the upload (0: at once). */
  readonly settledMs: number;
  readonly endState: string | null;
  /** setInputFiles' change event → the source reads `done` (page clock). */
  readonly seconds: number;
  readonly mbPerSecond: number;
  readonly lines: number | null;
  readonly events: number | null;
  readonly eventsPerSecond: number | null;
  /** The rate the page itself shows for the source (worker clock, startedAt → finishedAt). */
  readonly pageReportedMbPerSecond: number | null;
  readonly firstProgressMs: number | null;
  readonly firstChartMs: number | null;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  /** Each task over 50 ms: when it started after the upload, and how long it took (ms), to tell the drop from a redraw. */
  readonly longTaskTimes: ReadonlyArray<{ readonly atMs: number; readonly durationMs: number }>;
  readonly peakPageHeapBytes: number | null;
  readonly peakWorkerHeapBytes: number | null;
  /**
   * What the page's and the ingest worker's heaps committed (used or not) and the worker's array buffers:
   * through a long read the heaps commit several times what they use (their young generations grow to their
   * largest), which is much of the renderer's growth.
   */
  readonly peakPageHeapCommittedBytes: number | null;
  readonly peakWorkerHeapCommittedBytes: number | null;
  readonly peakWorkerArrayBufferBytes: number | null;
  readonly baselineRendererRssBytes: number | null;
  readonly peakRendererRssBytes: number | null;
  readonly peakBrowserRssBytes: number | null;
  /** Renderer RSS at 25/50/75/100 % of the run, to see whether memory grows with the bytes read. */
  readonly rendererRssCurve: ReadonlyArray<number | null>;
  readonly workerHeapCurve: ReadonlyArray<number | null>;
  /** Where the machine's CPU went from the upload to `done` (Linux /proc; null elsewhere). */
  readonly cpu: CpuShare | null;
  /** Every upload of this corpus in this benchmark, in order, when it was uploaded more than once (this row is the median one). */
  readonly runs?: readonly BrowserRun[];
}


const OUT_DIR = 'bench-out/dist';
/** Memory sampling period during ingest (CDP page metrics, worker heap, /proc). */
const SAMPLE_EVERY_MS = 500;

export interface PageServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Builds the page into bench-out/dist (not dist/, which others use) and serves it on 127.0.0.1. */
export async function buildAndServe(port: number, log: (text: string) => void): Promise<PageServer> {
  const started = performance.now();
  await build({ logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
  log(`  built the page in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const server: PreviewServer = await preview({ logLevel: 'warn', build: { outDir: OUT_DIR }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Worker heaps through the page's own CDP session: auto-attach without flattening, then
 * Runtime.getHeapUsage sent into each worker session. Performance.getMetrics covers the page's main
 * thread only, not the worker, which is where the events live.
 */
function watchWorkers(cdp: CDPSession) {
  const sessions = new Set<string>();
  const pending = new Map<number, (usage: WorkerHeap | null) => void>();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') sessions.add(event.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId !== undefined) sessions.delete(event.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number; totalSize?: number; backingStorageSize?: number } };
    if (message.id === undefined) return;
    const result = message.result;
    pending.get(message.id)?.(result?.usedSize === undefined ? null : { used: result.usedSize, committed: result.totalSize ?? null, arrayBuffers: result.backingStorageSize ?? null });
    pending.delete(message.id);
  });
  const heapUsage = async (): Promise<WorkerHeap | null> => {
    const answers = await Promise.all(
      [...sessions].map(
        (sessionId) =>
          new Promise<WorkerHeap | null>((resolve) => {
            const id = nextId++;
            pending.set(id, resolve);
            setTimeout(() => {
              if (pending.delete(id)) resolve(null);
            }, 1000);
            cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve(null));
          }),
      ),
    );
    const values = answers.filter((v): v is WorkerHeap => v !== null);
    return values.length > 0 ? values.reduce((a, b) => (b.used > a.used ? b : a)) : null;
  };
  return {
    start: () => cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false }),
    /** The heap of the largest worker now (the ingest worker), or null when none answered within 1 s. */
    heapUsage,
    async heapUsed(): Promise<number | null> {
      return (await heapUsage())?.used ?? null;
    },
  };
}

/**
 * A worker's V8 heap: what its objects use, what the heap has committed (the young generation's spaces
 * included, which is what the process's memory grows by), and the memory of its array buffers (the store's
 * columns), which lives outside the heap.
 */
interface WorkerHeap {
  readonly used: number;
  readonly committed: number | null;
  readonly arrayBuffers: number | null;
}

const digits = (text: string | undefined) => (text === undefined ? null : Number(text.replace(/[^\d]/g, '')));

/**
 * Opens the built page with a monitor script, waits for the demo data set to be read and drawn (the state a
 * user starts from), and attaches CDP for heap readings of the page and its workers.
 */
export async function openMonitoredPage(context: BrowserContext, page: Page, url: string, monitorScript: string) {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript({ content: monitorScript });
  await page.goto(url);
  await page.getByRole('listitem', { name: 'Source quotalens-demo.log' }).getByText('done', { exact: true }).waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="trend-chart"] .recharts-bar-rectangle').first().waitFor({ timeout: 30_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const workers = watchWorkers(cdp);
  await workers.start();
  return { pageErrors, cdp, workers };
}

/**
 * One corpus through the built page and its real worker, in a fresh browser context. The file is uploaded as
 * soon as the demo is drawn, or `settleMs` later: a user looks at the page first, and a page left idle for a
 * few seconds read the 100 MiB NDJSON about a tenth slower.
 */
export async function benchBrowser(browser: Browser, url: string, corpus: Corpus, log: (text: string) => void, settleMs = 0): Promise<BrowserResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  let stopSampling = (): void => undefined;
  try {
    const page = await context.newPage();
    const { pageErrors, cdp, workers } = await openMonitoredPage(context, page, url, MONITOR_SCRIPT);
    if (settleMs > 0) await page.waitForTimeout(settleMs);
    const sampleProcessMemory = createProcessSampler();
    const baseline = sampleProcessMemory();
    const samples: MemorySample[] = [];
    let sampling = true;
    stopSampling = () => {
      sampling = false;
    };
    const cpu = createCpuTracker();
    const uploadStarted = performance.now();
    const sampler = (async () => {
      while (sampling) {
        cpu.sample();
        const t = (performance.now() - uploadStarted) / 1000;
        const [metrics, workerHeap] = await Promise.all([cdp.send('Performance.getMetrics').catch(() => null), workers.heapUsage()]);
        const proc = sampleProcessMemory();
        samples.push({
          t,
          pageHeap: metrics?.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null,
          pageHeapCommitted: metrics?.metrics.find((m) => m.name === 'JSHeapTotalSize')?.value ?? null,
          workerHeap: workerHeap?.used ?? null,
          workerHeapCommitted: workerHeap?.committed ?? null,
          workerArrayBuffers: workerHeap?.arrayBuffers ?? null,
          rendererRss: proc?.rendererRssBytes ?? null,
          browserRss: proc?.totalRssBytes ?? null,
        });
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
      }
    })();

    await page.getByLabel('Open log files').setInputFiles(corpus.path);
    const timeout = Math.max(180_000, (corpus.dataBytes / 2e6) * 1000);
    // Polled from here: waitForFunction with a string would eval in the page, which its CSP forbids.
    const deadline = performance.now() + timeout;
    while ((await page.evaluate('window.__qlBench.doneAt')) === null) {
      if (performance.now() > deadline) throw new Error(`${corpus.label}: not done after ${timeout / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    cpu.sample();
    const cpuShare = cpu.share();
    await page.waitForTimeout(1000); // the final chart render after `done` still counts for long tasks
    sampling = false;
    await sampler;
    const state = (await page.evaluate('window.__qlBench')) as MonitorState;
    if (pageErrors.length > 0) log(`  page errors: ${pageErrors.slice(0, 3).join(' | ')}`);
    const t0 = state.t0 ?? 0;
    const seconds = ((state.doneAt ?? t0) - t0) / 1000;
    const text = state.doneText ?? '';
    const lines = digits(/([\d,]+) lines?/.exec(text)?.[1]);
    const events = digits(/([\d,]+) events?/.exec(text)?.[1]);
    const rate = /([\d.]+) MB\/s/.exec(text)?.[1];
    const during = state.longTasks.filter((task) => task.start + task.duration >= t0 && task.start <= (state.doneAt ?? t0) + 1000);
    const peak = (pick: (s: MemorySample) => number | null) => {
      const values = samples.map(pick).filter((v): v is number => v !== null);
      return values.length > 0 ? Math.max(...values) : null;
    };
    const curve = (pick: (s: MemorySample) => number | null) =>
      [0.25, 0.5, 0.75, 1].map((f) => {
        const at = samples.filter((s) => s.t <= f * seconds).pop();
        return at ? pick(at) : null;
      });
    return {
      corpus: corpus.key,
      settledMs: settleMs,
      endState: state.endState,
      seconds,
      mbPerSecond: corpus.dataBytes / 1e6 / seconds,
      lines,
      events,
      eventsPerSecond: events === null ? null : events / seconds,
      pageReportedMbPerSecond: rate === undefined ? null : Number(rate),
      firstProgressMs: state.firstProgressAt === null ? null : state.firstProgressAt - t0,
      firstChartMs: state.firstChartAt === null ? null : state.firstChartAt - t0,
      longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
      longTasks: during.length,
      longTaskTimes: during.map((task) => ({ atMs: Math.round(task.start - t0), durationMs: Math.round(task.duration) })),
      peakPageHeapBytes: peak((s) => s.pageHeap),
      peakWorkerHeapBytes: peak((s) => s.workerHeap),
      peakPageHeapCommittedBytes: peak((s) => s.pageHeapCommitted),
      peakWorkerHeapCommittedBytes: peak((s) => s.workerHeapCommitted),
      peakWorkerArrayBufferBytes: peak((s) => s.workerArrayBuffers),
      baselineRendererRssBytes: baseline?.rendererRssBytes ?? null,
      peakRendererRssBytes: peak((s) => s.rendererRss),
      peakBrowserRssBytes: peak((s) => s.browserRss),
      rendererRssCurve: curve((s) => s.rendererRss),
      workerHeapCurve: curve((s) => s.workerHeap),
      cpu: cpuShare.machineBusyMs + cpuShare.machineIdleMs > 0 ? cpuShare : null,
    };
  } finally {
    // Also on failure: a sampler left running would keep the process alive for ever.
    stopSampling();
    await context.close();
  }
}
