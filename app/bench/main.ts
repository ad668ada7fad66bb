/**
 * `npm run bench [-- --quick] [-- --only node|browser|aggregate|stream] [-- --port N]`: ingest speed and memory
 * through the real code paths. Generates its corpora once into bench-out/corpora/, measures the pipeline
 * and the CLI in Node (jq as the reference), the built page and its worker in headless Chromium, and a
 * filter change over 1 M events, and a live SSE burst (10,000 events/s for 60 s; 2 s with --quick) into the
 * built page; prints tables with the issue's targets and writes bench-out/report.json.
 * Targets are reported, never asserted: the exit code is 0 unless the benchmark itself fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { benchAggregate, median, type AggregateResult } from './aggregate-bench';
import { benchBrowser, buildAndServe, launchBrowser, type BrowserResult } from './browser-bench';
import { medianRun } from './browser-runs';
import { benchFirstRender } from './first-render';
import { ensureCorpora, tinyFile, type Corpus } from './corpora';
import { benchCli, benchJq, benchPipeline, cliAvailable, runTimed, type NodeResult } from './node-bench';
import { checkTargets, renderTables, type BenchResults } from './report';
import { benchStream, type StreamPlan, type StreamResult } from './stream-bench';

const OUT = 'bench-out';
const PARTS = ['node', 'browser', 'aggregate', 'stream'] as const;
type Part = (typeof PARTS)[number];
const isPart = (text: string): text is Part => (PARTS as readonly string[]).includes(text);
/** The issue's live-stream load: 10,000 events/s for 60 s (2 s with --quick). */
const streamPlan = (quick: boolean): StreamPlan => ({ rate: 10_000, seconds: quick ? 2 : 60 });

function parseOptions(argv: readonly string[]): { quick: boolean; only: Part | null; port: number } {
  const quick = argv.includes('--quick');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
  if (only !== undefined && !isPart(only)) throw new Error(`--only takes ${PARTS.join(', ')}, not ${only}`);
  const portAt = argv.indexOf('--port');
  const port = portAt >= 0 ? Number(argv[portAt + 1]) : 4183;
  if (!Number.isInteger(port) || port < 1024) throw new Error('--port takes a port number >= 1024');
  return { quick, only: only ?? null, port };
}

const log = (text: string) => process.stdout.write(`${text}\n`);

function toolVersion(command: string, args: readonly string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0] ?? null;
  } catch {
    return null;
  }
}

async function runNode(corpora: readonly Corpus[]): Promise<{ results: NodeResult[]; cliStartupSeconds: number | null }> {
  const results: NodeResult[] = [];
  const hasCli = cliAvailable();
  if (!hasCli) log('  app/cli/main.ts is missing: the CLI is not measured');
  let cliStartupSeconds: number | null = null;
  if (hasCli) {
    const runs: number[] = [];
    // The first run builds the command line's bundle (once per source change): not start-up.
    await runTimed(process.execPath, ['app/tools/cli.mjs', '--help']);
    for (let i = 0; i < 3; i += 1) runs.push((await runTimed(process.execPath, ['app/tools/cli.mjs', 'summarize', tinyFile(`${OUT}/corpora`)])).wallSeconds);
    cliStartupSeconds = median(runs);
  }
  for (const corpus of corpora) {
    log(`  node: ${corpus.label}`);
    results.push(await benchPipeline(corpus));
    if (hasCli) results.push(await benchCli(corpus));
    if (corpus.key === 'ndjson') results.push(await benchJq(corpus));
  }
  return { results, cliStartupSeconds };
}

/**
 * Uploads of each corpus (one with --quick). One upload on this shared 2-core machine read the 100 MiB NDJSON in
 * 0.65 s in one run and 1.02 s in the next: a target was met or missed by the moment it was measured at.
 */
const BROWSER_ROUNDS = 3;
/** How long the page sits idle before the settled upload (see benchBrowser). */
const SETTLE_MS = 3000;

interface PageRuns {
  readonly results: BrowserResult[];
  readonly version: string | null;
  readonly firstRenderMs: number[];
  readonly stream: StreamResult | null;
}

/** One build, one preview server and one browser for the upload corpora (if any) and the stream burst (if planned). */
async function runBrowser(corpora: readonly Corpus[], port: number, plan: StreamPlan | null, rounds: number): Promise<PageRuns> {
  const server = await buildAndServe(port, log);
  const browser = await launchBrowser();
  try {
    const firstRenderMs: number[] = [];
    if (corpora.length > 0) {
      log('  browser: first render of the demo dashboard');
      firstRenderMs.push(...(await benchFirstRender(browser, server.url)));
    }
    // Each corpus as soon as the demo is drawn, then the NDJSON once more as a user meets the page: uploaded after
    // looking at it for a few seconds. All of them in rounds (every corpus once per round), so that a slow
    // moment of the machine falls on one upload of each rather than on every upload of one.
    const ndjson = corpora.find((c) => c.key === 'ndjson');
    const runs = [...corpora.map((corpus) => ({ corpus, settleMs: 0 })), ...(ndjson === undefined ? [] : [{ corpus: ndjson, settleMs: SETTLE_MS }])];
    const uploads = runs.map((): BrowserResult[] => []);
    for (let round = 1; round <= rounds; round += 1) {
      for (const [i, { corpus, settleMs }] of runs.entries()) {
        const what = `${settleMs > 0 ? `${corpus.label}, ${settleMs / 1000} s after the page settled` : corpus.label}${rounds > 1 ? ` (${round} of ${rounds})` : ''}`;
        log(`  browser: ${what}`);
        try {
          uploads[i]?.push(await benchBrowser(browser, server.url, corpus, log, settleMs));
        } catch (error) {
          // One upload failing (a timeout on a slow machine) must not cost the others their numbers.
          log(`  browser: ${what} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
      }
    }
    const results = uploads.map((each) => medianRun(each)).filter((r): r is BrowserResult => r !== null);
    let stream: StreamResult | null = null;
    if (plan !== null) {
      log(`Live stream burst: ${plan.rate.toLocaleString('en')} events/s for ${plan.seconds} s (SSE)`);
      try {
        stream = await benchStream(browser, server.url, plan, log);
      } catch (error) {
        log(`  stream: failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    return { results, version: browser.version(), firstRenderMs, stream };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const loadAtStart = loadavg();
  const wants = (part: Part) => options.only === null || options.only === part;
  mkdirSync(OUT, { recursive: true });
  log(`quotalens bench${options.quick ? ' (quick: 10 MiB corpora, no 1 GiB file)' : ''}${options.only ? `, only ${options.only}` : ''}`);
  const needsCorpora = wants('node') || wants('browser') || wants('aggregate');
  const corpora = needsCorpora ? await ensureCorpora({ dir: `${OUT}/corpora`, quick: options.quick }, log) : [];
  const ndjson = corpora.find((c) => c.key === 'ndjson');
  if (needsCorpora && !ndjson) throw new Error('no NDJSON corpus');

  let node: NodeResult[] = [];
  let cliStartupSeconds: number | null = null;
  let browser: BrowserResult[] = [];
  let chromiumVersion: string | null = null;
  let firstRenderMs: number[] = [];
  let aggregate: AggregateResult | null = null;
  let stream: StreamResult | null = null;
  if (wants('node')) {
    log('Node');
    ({ results: node, cliStartupSeconds } = await runNode(corpora));
  }
  if (wants('browser') || wants('stream')) {
    log('Browser');
    const plan = wants('stream') ? streamPlan(options.quick) : null;
    ({ results: browser, version: chromiumVersion, firstRenderMs, stream } = await runBrowser(wants('browser') ? corpora : [], options.port, plan, options.quick ? 1 : BROWSER_ROUNDS));
  }
  if (wants('aggregate') && ndjson) {
    log('Filter change over 1 M events');
    aggregate = await benchAggregate(ndjson.path, log);
  }

  const results: BenchResults = { corpora, node, cliStartupSeconds, browser, aggregate, firstRenderMs, stream };
  const targets = checkTargets(results);
  log('');
  log(renderTables(results, targets));
  const machine = {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryBytes: totalmem(),
    platform: `${platform()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion ?? toolVersion(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']),
    jq: toolVersion('jq', ['--version']),
    /** 1/5/15-minute load averages: other work on a shared machine slows every number here. */
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadavg(),
  };
  log(`load average at start ${loadAtStart.map((n) => n.toFixed(1)).join(' ')}, at end ${machine.loadAverageAtEnd.map((n) => n.toFixed(1)).join(' ')} (${machine.cores} cores)`);
  const report = {
    generatedAt: new Date().toISOString(),
    options,
    machine,
    notes: [
      'Rates are MB/s of log text (10^6 bytes; the decompressed size for the gzip corpus).',
      'browser seconds: page clock from the file input change event to the source row reading done.',
      'browser uploads: each corpus three times (once with --quick), in rounds of one upload of each; a row is the upload of median seconds, and runs lists every upload. The 1 GiB memory target takes the median renderer growth of its uploads; the long-task target counts the tasks of every upload.',
      'page heap: CDP Performance.getMetrics JSHeapUsedSize of the page main thread only; worker heap: Runtime.getHeapUsage in the worker; neither counts ArrayBuffers, Blob data or the browser process. renderer RSS (from /proc) covers page + worker + Blink.',
      'pipeline peak RSS covers a whole Node process including tsx; cli and jq peak RSS come from /usr/bin/time.',
      'cli and jq seconds: the median wall time of three runs (wallSamples lists each; peak RSS is that of the median run).',
      'live stream: the fault server (e2e/fixtures/stream-server, /sse/burst) on a free 127.0.0.1 port writes SSE events with ids in batches every 10 ms; the page connects through its Live stream panel. sent = events the server wrote; unaccounted = sent - "Lines read" of the All sources ledger once the burst ended and the ledger held still for 2 s.',
      'live stream redraws: a MutationObserver on the document; one observer callback (once per task, so one React commit) whose records touch a region is one redraw of it. Regions: trend chart figure, Sources list (ul.source-list), All sources ledger; any = a callback touching any of them. Max per 1 s bucket counted from the Connect click / max in any sliding 1 s window. The target uses the bucket max of trend chart and Sources list. React commits of the whole app come from a minimal DevTools hook (onCommitFiberRoot) and are reported for reference.',
      'live stream long tasks: a buffered longtask PerformanceObserver, tasks overlapping Connect click .. end of measurement.',
    ],
    ...results,
    targets,
  };
  writeFileSync(`${OUT}/report.json`, `${JSON.stringify(report, null, 2)}\n`);
  log(`\nreport: ${OUT}/report.json`);
}

await main();
