/**
 * `npm run bench [-- --quick] [-- --only node|browser|aggregate] [-- --port N]`: ingest speed and memory
 * through the real code paths. Generates its corpora once into bench-out/corpora/, measures the pipeline
 * and the CLI in Node (jq as the reference), the built page and its worker in headless Chromium, and a
 * filter change over 1 M events; prints tables with the issue's targets and writes bench-out/report.json.
 * Targets are reported, never asserted: the exit code is 0 unless the benchmark itself fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { benchAggregate, median, type AggregateResult } from './aggregate-bench';
import { benchBrowser, buildAndServe, launchBrowser, type BrowserResult } from './browser-bench';
import { benchFirstRender } from './first-render';
import { ensureCorpora, tinyFile, type Corpus } from './corpora';
import { benchCli, benchJq, benchPipeline, cliAvailable, runTimed, type NodeResult } from './node-bench';
import { checkTargets, renderTables, type BenchResults } from './report';

const OUT = 'bench-out';
type Part = 'node' | 'browser' | 'aggregate';

function parseOptions(argv: readonly string[]): { quick: boolean; only: Part | null; port: number } {
  const quick = argv.includes('--quick');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
  if (only !== undefined && only !== 'node' && only !== 'browser' && only !== 'aggregate') {
    throw new Error(`--only takes node, browser or aggregate, not ${only}`);
  }
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
    for (let i = 0; i < 3; i += 1) runs.push((await runTimed(process.execPath, ['--import', 'tsx', 'app/cli/main.ts', 'summarize', tinyFile(`${OUT}/corpora`)])).wallSeconds);
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

async function runBrowser(corpora: readonly Corpus[], port: number): Promise<{ results: BrowserResult[]; version: string | null; firstRenderMs: number[] }> {
  const server = await buildAndServe(port, log);
  const browser = await launchBrowser();
  try {
    log('  browser: first render of the demo dashboard');
    const firstRenderMs = await benchFirstRender(browser, server.url);
    const results: BrowserResult[] = [];
    for (const corpus of corpora) {
      log(`  browser: ${corpus.label}`);
      try {
        results.push(await benchBrowser(browser, server.url, corpus, log));
      } catch (error) {
        // One corpus failing (a timeout on a slow machine) must not cost the others their numbers.
        log(`  browser: ${corpus.label} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    return { results, version: browser.version(), firstRenderMs };
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
  const corpora = await ensureCorpora({ dir: `${OUT}/corpora`, quick: options.quick }, log);
  const ndjson = corpora.find((c) => c.key === 'ndjson');
  if (!ndjson) throw new Error('no NDJSON corpus');

  let node: NodeResult[] = [];
  let cliStartupSeconds: number | null = null;
  let browser: BrowserResult[] = [];
  let chromiumVersion: string | null = null;
  let firstRenderMs: number[] = [];
  let aggregate: AggregateResult | null = null;
  if (wants('node')) {
    log('Node');
    ({ results: node, cliStartupSeconds } = await runNode(corpora));
  }
  if (wants('browser')) {
    log('Browser');
    ({ results: browser, version: chromiumVersion, firstRenderMs } = await runBrowser(corpora, options.port));
  }
  if (wants('aggregate')) {
    log('Filter change over 1 M events');
    aggregate = await benchAggregate(ndjson.path, log);
  }

  const results: BenchResults = { corpora, node, cliStartupSeconds, browser, aggregate, firstRenderMs };
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
      'page heap: CDP Performance.getMetrics JSHeapUsedSize of the page main thread only; worker heap: Runtime.getHeapUsage in the worker; neither counts ArrayBuffers, Blob data or the browser process. renderer RSS (from /proc) covers page + worker + Blink.',
      'pipeline peak RSS covers a whole Node process including tsx; cli and jq peak RSS come from /usr/bin/time.',
    ],
    ...results,
    targets,
  };
  writeFileSync(`${OUT}/report.json`, `${JSON.stringify(report, null, 2)}\n`);
  log(`\nreport: ${OUT}/report.json`);
}

await main();
