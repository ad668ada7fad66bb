import type { AggregateResult } from './aggregate-bench';
import type { BrowserResult } from './browser-bench';
import type { Corpus } from './corpora';
import type { NodeResult } from './node-bench';

export interface Target {
  readonly target: string;
  readonly measured: string;
  /** null: not measured in this run. */
  readonly met: boolean | null;
}

export interface BenchResults {
  readonly corpora: readonly Corpus[];
  readonly node: readonly NodeResult[];
  readonly cliStartupSeconds: number | null;
  readonly browser: readonly BrowserResult[];
  readonly aggregate: AggregateResult | null;
  /** Demo dashboard first render (navigation to first chart bars), ms per fresh page. */
  readonly firstRenderMs: readonly number[];
}

const MIB = 1024 * 1024;
const fmt = (n: number | null | undefined, digits = 0) => (n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));
const mib = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? '–' : `${(bytes / MIB).toFixed(0)} MiB`);
const count = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toLocaleString('en'));

/** Memory that does not grow with the file: the renderer grew by less than a quarter of the file's size. */
export const FLAT_FRACTION = 0.25;

/** The targets, each checked against this run's numbers (reported, never asserted). */
export function checkTargets(results: BenchResults): Target[] {
  const browser = (key: Corpus['key']) => results.browser.find((r) => r.corpus === key);
  const node = (key: Corpus['key'], tool: NodeResult['tool']) => results.node.find((r) => r.corpus === key && r.tool === tool);
  const targets: Target[] = [];
  const rate = (key: Corpus['key'], min: number, what: string) => {
    const r = browser(key);
    targets.push({ target: `browser worker >= ${min} MB/s on the ${what}`, measured: r ? `${fmt(r.mbPerSecond)} MB/s` : 'not run', met: r ? r.mbPerSecond >= min : null });
  };
  rate('ndjson', 300, 'NDJSON');
  rate('mixed', 150, 'mixed text');
  const cli = node('ndjson', 'cli');
  const jq = node('ndjson', 'jq');
  targets.push({
    target: 'CLI in Node >= 3x jq on the NDJSON (wall time)',
    measured: cli && jq ? `${fmt(jq.wallSeconds / cli.wallSeconds, 2)}x (cli ${fmt(cli.wallSeconds, 2)} s, jq ${fmt(jq.wallSeconds, 2)} s)` : 'not run',
    met: cli && jq ? jq.wallSeconds / cli.wallSeconds >= 3 : null,
  });
  const big = browser('big');
  const bigCorpus = results.corpora.find((c) => c.key === 'big');
  if (big && bigCorpus) {
    const growth = (big.peakRendererRssBytes ?? 0) - (big.baselineRendererRssBytes ?? 0);
    const completed = big.endState === 'done';
    targets.push({
      target: `1 GiB file completes with flat memory (renderer growth < ${FLAT_FRACTION * 100}% of the file)`,
      measured: `${big.endState ?? 'no end'}; renderer +${mib(growth)} (peak ${mib(big.peakRendererRssBytes)}), worker heap peak ${mib(big.peakWorkerHeapBytes)}`,
      met: completed && growth < FLAT_FRACTION * bigCorpus.bytes,
    });
  } else targets.push({ target: '1 GiB file completes with flat memory', measured: 'not run', met: null });
  if (results.browser.length > 0) {
    const longest = Math.max(...results.browser.map((r) => r.longestTaskMs));
    const tasks = results.browser.reduce((n, r) => n + r.longTasks, 0);
    targets.push({ target: 'no main-thread task over 50 ms during ingest', measured: `longest ${fmt(longest)} ms, ${tasks} long tasks`, met: tasks === 0 });
  } else targets.push({ target: 'no main-thread task over 50 ms during ingest', measured: 'not run', met: null });
  const agg = results.aggregate;
  targets.push({
    target: 'filter change over 1 M events -> chart rows <= 30 ms',
    measured: agg ? `worst view median ${fmt(agg.worstMedianMs, 1)} ms (first ${fmt(agg.firstMs, 1)} ms)` : 'not run',
    met: agg ? agg.worstMedianMs <= 30 : null,
  });
  const renders = [...results.firstRenderMs].sort((a, b) => a - b);
  const renderMedian = renders[Math.floor(renders.length / 2)];
  targets.push({
    target: 'first render of the demo dashboard <= 1 s',
    measured: renderMedian === undefined ? 'not run' : `median ${fmt(renderMedian)} ms (${renders.map((n) => fmt(n)).join(', ')})`,
    met: renderMedian === undefined ? null : renderMedian <= 1000,
  });
  return targets;
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function renderTables(results: BenchResults, targets: readonly Target[]): string {
  const label = (key: Corpus['key']) => results.corpora.find((c) => c.key === key)?.label ?? key;
  const out: string[] = [];
  if (results.node.length > 0) {
    out.push('Node (pipeline: time inside the process; cli, jq: wall time of the process)');
    out.push(
      table(
        ['corpus', 'tool', 'seconds', 'MB/s', 'lines', 'events', 'events/s', 'peak RSS'],
        results.node.map((r) => [label(r.corpus), r.tool, fmt(r.seconds, 2), fmt(r.mbPerSecond), count(r.lines), count(r.events), count(r.eventsPerSecond === null ? null : Math.round(r.eventsPerSecond)), mib(r.maxRssBytes)]),
      ),
    );
    if (results.cliStartupSeconds !== null) out.push(`CLI start-up (one-line file): ${fmt(results.cliStartupSeconds, 2)} s`);
    out.push('');
  }
  if (results.browser.length > 0) {
    out.push('Browser (built page, real worker; upload -> source `done`)');
    out.push(
      table(
        ['corpus', 'seconds', 'MB/s', 'page MB/s', 'lines', 'events', 'events/s', '1st progress', '1st chart', 'longest task', 'page heap', 'worker heap', 'renderer RSS'],
        results.browser.map((r) => [
          label(r.corpus), fmt(r.seconds, 2), fmt(r.mbPerSecond), fmt(r.pageReportedMbPerSecond), count(r.lines), count(r.events),
          count(r.eventsPerSecond === null ? null : Math.round(r.eventsPerSecond)), `${fmt(r.firstProgressMs)} ms`, `${fmt(r.firstChartMs)} ms`,
          `${fmt(r.longestTaskMs)} ms (${r.longTasks})`, mib(r.peakPageHeapBytes), mib(r.peakWorkerHeapBytes),
          `${mib(r.baselineRendererRssBytes)} -> ${mib(r.peakRendererRssBytes)}`,
        ]),
      ),
    );
    out.push('');
  }
  const agg = results.aggregate;
  if (agg) {
    out.push(`Filter change over ${count(agg.events)} events (${agg.sources} sources; first after load ${fmt(agg.firstMs, 1)} ms)`);
    out.push(
      table(
        ['view', 'matched', 'trend rows', 'filter+trend median', 'max', 'whole dashboard median'],
        agg.views.map((v) => [v.view, count(v.matched), count(v.trendRows), `${fmt(v.medianMs, 1)} ms`, `${fmt(v.maxMs, 1)} ms`, `${fmt(v.dashboardMedianMs, 1)} ms`]),
      ),
    );
    out.push('');
  }
  out.push('Targets (reported, not asserted)');
  out.push(table(['target', 'measured', 'result'], targets.map((t) => [t.target, t.measured, t.met === null ? 'n/a' : t.met ? 'PASS' : 'MISS'])));
  return out.join('\n');
}
