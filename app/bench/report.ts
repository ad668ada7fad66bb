import { BYTES_PER_EVENT } from '../core/store';
import { median, type AggregateResult } from './aggregate-bench';
import type { BrowserResult } from './browser-bench';
import type { BrowserRun } from './browser-runs';
import type { CpuShare } from './proc-cpu';
import type { Corpus } from './corpora';
import type { NodeResult } from './node-bench';
import type { StreamResult } from './stream-bench';

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
  /** The live-stream burst (null: not run). */
  readonly stream: StreamResult | null;
}

const MIB = 1024 * 1024;
const fmt = (n: number | null | undefined, digits = 0) => (n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));
const mib = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? '–' : `${(bytes / MIB).toFixed(0)} MiB`);
/** Peak heap used, then peak committed: `13 / 50 MiB`. */
const usedOf = (used: number | null, committed: number | null) => (committed === null ? mib(used) : `${used === null ? '–' : (used / MIB).toFixed(0)} / ${mib(committed)}`);
const count = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toLocaleString('en'));

/** The issue's storage bound: 1 M events in at most 60 MB, so at most 60 bytes per event. */
const STORE_LIMIT_MB = 60;

const corpusLabel = (results: BenchResults, key: Corpus['key']) => results.corpora.find((c) => c.key === key)?.label ?? key;

/** Memory that does not grow with the file: the renderer grew by less than a quarter of the file's size. */
export const FLAT_FRACTION = 0.25;

/** The issue's targets, each checked against this run's numbers (reported, never asserted). */
export function checkTargets(results: BenchResults): Target[] {
  // The targets take the uploads made as soon as the demo is drawn; the settled one is reported beside them.
  const browser = (key: Corpus['key']) => results.browser.find((r) => r.corpus === key && r.settledMs === 0);
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
  // The worker's store is filled by the same code as the pipeline's: its bytes per event, from each corpus.
  const stored = results.node.filter((r) => r.tool === 'pipeline' && r.store !== undefined && (r.events ?? 0) > 0);
  const perEvent = (r: NodeResult) => (r.store?.used ?? 0) / (r.events ?? 1);
  const densest = stored.reduce<NodeResult | null>((a, b) => (a === null || perEvent(b) > perEvent(a) ? b : a), null);
  targets.push({
    target: `1 M events stored in <= ${STORE_LIMIT_MB} MB (the store's typed arrays, at the corpus with the most bytes per event)`,
    measured: densest
      ? `${fmt(perEvent(densest), 1)} MB per 1 M (${fmt(perEvent(densest), 1)} bytes per event, ${corpusLabel(results, densest.corpus)}; columns ${BYTES_PER_EVENT})`
      : 'not run',
    met: densest ? perEvent(densest) <= STORE_LIMIT_MB : null,
  });
  const big = browser('big');
  const bigCorpus = results.corpora.find((c) => c.key === 'big');
  if (big && bigCorpus) {
    const own = (big.peakRendererRssBytes ?? 0) - (big.baselineRendererRssBytes ?? 0);
    const growths = (big.runs ?? []).map((r) => r.rendererGrowthBytes).filter((g): g is number => g !== null);
    const growth = growths.length > 1 ? median(growths) : own;
    const completed = big.endState === 'done';
    targets.push({
      target: `1 GiB file completes with flat memory (renderer growth < ${FLAT_FRACTION * 100}% of the file)`,
      measured: `${big.endState ?? 'no end'}; renderer +${mib(growth)}${growths.length > 1 ? ` (median of ${growths.length}: ${growths.map((g) => `+${mib(g)}`).join(', ')})` : ` (peak ${mib(big.peakRendererRssBytes)})`}, worker heap peak ${mib(big.peakWorkerHeapBytes)}`,
      met: completed && growth < FLAT_FRACTION * bigCorpus.bytes,
    });
  } else targets.push({ target: '1 GiB file completes with flat memory', measured: 'not run', met: null });
  // RELIABILITY A20, R11: the page reads a bomb until its ratio stops it and answers all along (no task over 50 ms).
  const bomb = browser('gzip-bomb');
  targets.push({
    target: 'gzip bomb (3 GiB of zeros) stopped past 1,000:1, no main-thread task over 50 ms',
    measured: bomb ? `${bomb.endState ?? 'no end'} in ${fmt(bomb.seconds, 1)} s, longest task ${fmt(bomb.longestTaskMs)} ms (${bomb.longTasks})` : 'not run',
    met: bomb ? bomb.endState === 'done' && bomb.longTasks === 0 : null,
  });
  if (results.browser.length > 0) {
    // Every upload counts, not only the median ones.
    const uploads = results.browser.flatMap((r): ReadonlyArray<Pick<BrowserRun, 'longestTaskMs' | 'longTasks'>> => r.runs ?? [r]);
    const longest = Math.max(...uploads.map((r) => r.longestTaskMs));
    const tasks = uploads.reduce((n, r) => n + r.longTasks, 0);
    const withTasks = uploads.filter((r) => r.longTasks > 0).length;
    targets.push({
      target: 'no main-thread task over 50 ms during ingest',
      measured: `longest ${fmt(longest)} ms, ${tasks} long tasks${uploads.length > results.browser.length ? ` (in ${withTasks} of ${uploads.length} uploads)` : ''}`,
      met: tasks === 0,
    });
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
  targets.push(...streamTargets(results.stream));
  return targets;
}

/** Redraws counted on the trend chart and the Sources list (the charts of the page), worst of the two. */
export const REDRAW_LIMIT_PER_SECOND = 4;

function streamTargets(stream: StreamResult | null): Target[] {
  const what = stream ? `${count(stream.plan.rate)} events/s for ${fmt(stream.plan.seconds)} s` : '';
  if (!stream) {
    return ['live stream: no event unaccounted', `live stream: UI redraws <= ${REDRAW_LIMIT_PER_SECOND} per second`, 'live stream: no main-thread task over 50 ms'].map(
      (target) => ({ target, measured: 'not run', met: null }),
    );
  }
  const { redraws } = stream;
  const worst = Math.max(redraws.trendChart.maxPerSecond, redraws.sourcesList.maxPerSecond);
  return [
    {
      target: `live stream, ${what}: no event unaccounted`,
      measured: `sent ${count(stream.sent)}, ledger ${count(stream.ledger.lines)} lines (${stream.unaccounted === 0 ? 'none' : count(stream.unaccounted)} unaccounted)${stream.ledgerAddsUp ? '' : ', ledger does not add up'}`,
      met: stream.unaccounted === 0 && stream.ledgerAddsUp && stream.sent > 0,
    },
    {
      target: `live stream, ${what}: UI redraws <= ${REDRAW_LIMIT_PER_SECOND} per second`,
      measured: `max/s trend chart ${redraws.trendChart.maxPerSecond}, sources ${redraws.sourcesList.maxPerSecond} (any region ${redraws.any.maxPerSecond}, React commits ${stream.commits.maxPerSecond})`,
      met: worst <= REDRAW_LIMIT_PER_SECOND,
    },
    {
      target: `live stream, ${what}: no main-thread task over 50 ms`,
      measured: `longest ${fmt(stream.longestTaskMs)} ms, ${stream.longTasks} long tasks (from 1 s after Connect on: ${stream.steadyLongTasks}, longest ${fmt(stream.steadyLongestTaskMs)} ms)`,
      met: stream.longTasks === 0,
    },
  ];
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function renderTables(results: BenchResults, targets: readonly Target[]): string {
  const label = (key: Corpus['key']) => corpusLabel(results, key);
  const out: string[] = [];
  if (results.node.length > 0) {
    out.push("Node (pipeline: time inside the process; cli, jq: median wall time of three runs of the process; store: the pipeline's event store at the end, bytes its typed arrays use / hold)");
    out.push(
      table(
        ['corpus', 'tool', 'seconds', 'MB/s', 'lines', 'events', 'events/s', 'peak RSS', 'store used / held', 'per event'],
        results.node.map((r) => [
          label(r.corpus), r.tool, fmt(r.seconds, 2), fmt(r.mbPerSecond), count(r.lines), count(r.events), count(r.eventsPerSecond === null ? null : Math.round(r.eventsPerSecond)), mib(r.maxRssBytes),
          r.store ? `${fmt(r.store.used / 1e6, 1)} / ${fmt(r.store.held / 1e6, 1)} MB` : '',
          r.store && r.events ? `${fmt(r.store.used / r.events, 1)} B` : '',
        ]),
      ),
    );
    if (results.cliStartupSeconds !== null) out.push(`CLI start-up (one-line file): ${fmt(results.cliStartupSeconds, 2)} s`);
    out.push('');
  }
  if (results.browser.length > 0) {
    out.push('Browser (built page, real worker; upload -> source `done`; each row the upload of median time; heaps: peak used / peak committed; worker buffers: its array buffers, the store)');
    out.push(
      table(
        ['corpus', 'seconds', 'all uploads (s)', 'MB/s', 'page MB/s', 'lines', 'events', 'events/s', '1st progress', '1st chart', 'longest task', 'page heap', 'worker heap', 'worker buffers', 'renderer RSS'],
        results.browser.map((r) => [
          r.settledMs > 0 ? `${label(r.corpus)}, after ${fmt(r.settledMs / 1000)} s idle` : label(r.corpus), fmt(r.seconds, 2), (r.runs ?? [r]).map((u: Pick<BrowserRun, 'seconds'>) => fmt(u.seconds, 2)).join(' '),
          fmt(r.mbPerSecond), fmt(r.pageReportedMbPerSecond), count(r.lines), count(r.events),
          count(r.eventsPerSecond === null ? null : Math.round(r.eventsPerSecond)), `${fmt(r.firstProgressMs)} ms`, `${fmt(r.firstChartMs)} ms`,
          `${fmt(r.longestTaskMs)} ms (${r.longTasks})`, usedOf(r.peakPageHeapBytes, r.peakPageHeapCommittedBytes), usedOf(r.peakWorkerHeapBytes, r.peakWorkerHeapCommittedBytes),
          mib(r.peakWorkerArrayBufferBytes), `${mib(r.baselineRendererRssBytes)} -> ${mib(r.peakRendererRssBytes)}`,
        ]),
      ),
    );
    const withCpu = results.browser.filter((r) => r.cpu !== null);
    if (withCpu.length > 0) {
      out.push('');
      out.push('CPU from the upload until `done` was seen (ms of CPU from /proc; busy + idle is all cores over the window)');
      const ms = (value: number) => fmt(value);
      out.push(
        table(
          ['corpus', 'window', 'readers (workers)', 'renderer pool (V8 compilers, GC)', 'page main thread', 'rest of renderer', 'ended threads', 'browser process', 'other processes', 'machine busy', 'machine idle'],
          withCpu.map((r) => {
            const c = r.cpu as CpuShare;
            return [
              r.settledMs > 0 ? `${label(r.corpus)}, after ${fmt(r.settledMs / 1000)} s idle` : label(r.corpus), ms(c.windowMs), ms(c.readersMs), ms(c.poolMs), ms(c.pageMs), ms(c.rendererOtherMs), ms(c.endedThreadsMs),
              ms(c.browserMs), ms(c.otherMs), ms(c.machineBusyMs), ms(c.machineIdleMs),
            ];
          }),
        ),
      );
    }
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
    out.push(
      `Request ids shared by sources, over ${count(agg.sharedIds.events)} events with an id (${count(agg.sharedIds.shared)} shared): median ${fmt(agg.sharedIds.medianMs, 0)} ms, once after the sources are read`,
    );
    out.push('');
  }
  const stream = results.stream;
  if (stream) {
    const perSecond = (c: { maxPerSecond: number; maxInAnyWindow: number }) => `${c.maxPerSecond} / ${c.maxInAnyWindow}`;
    out.push(`Live stream burst (SSE, ${count(stream.plan.rate)} events/s for ${fmt(stream.plan.seconds)} s; redraws: max per 1 s bucket / any 1 s window)`);
    out.push(
      table(
        ['sent', 'server s', 'ledger lines', 'unaccounted', 'adds up', 'overflow', 'conns', 'elapsed', 'catch-up', 'trend', 'sources', 'ledger', 'any', 'commits', 'longest task', 'page heap', 'worker heap', 'renderer RSS'],
        [[
          count(stream.sent), fmt(stream.serverSeconds, 1), count(stream.ledger.lines), count(stream.unaccounted), stream.ledgerAddsUp ? 'yes' : 'NO',
          count(stream.ledger['rejected-buffer_overflow'] ?? 0), String(stream.connections), `${fmt(stream.elapsedSeconds, 1)} s`, `${fmt(stream.catchUpSeconds, 1)} s`,
          perSecond(stream.redraws.trendChart), perSecond(stream.redraws.sourcesList), perSecond(stream.redraws.ledger), perSecond(stream.redraws.any), perSecond(stream.commits),
          `${fmt(stream.longestTaskMs)} ms (${stream.longTasks})`, mib(stream.peakPageHeapBytes), mib(stream.peakWorkerHeapBytes), mib(stream.peakRendererRssBytes),
        ]],
      ),
    );
    out.push(`end status: ${stream.endStatus ?? '–'}; ledger: ${Object.entries(stream.ledger).map(([k, v]) => `${k} ${count(v)}`).join(', ')}`);
    out.push(`bench monitor's own MutationObserver callback: longest ${fmt(stream.monitorCallbackMaxMs, 1)} ms, total ${fmt(stream.monitorCallbackTotalMs)} ms`);
    if (stream.longTasks > 0) out.push(`long tasks (ms after Connect: duration): ${stream.longTaskList.map((t) => `${t.atMs}: ${t.durationMs}`).join(', ')}`);
    if (stream.pageErrors.length > 0 || stream.monitorErrors.length > 0) out.push(`page errors: ${[...stream.pageErrors, ...stream.monitorErrors].join(' | ')}`);
    out.push('');
  }
  out.push('Targets (reported, not asserted)');
  out.push(table(['target', 'measured', 'result'], targets.map((t) => [t.target, t.measured, t.met === null ? 'n/a' : t.met ? 'PASS' : 'MISS'])));
  return out.join('\n');
}
