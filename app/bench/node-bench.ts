import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreBytes } from '../core/store';
import type { Corpus } from './corpora';

export interface ProcessRun {
  /** Wall time of the whole process, start-up included. */
  readonly wallSeconds: number;
  readonly maxRssBytes: number | null;
  readonly stdout: string;
  readonly exitCode: number | null;
}

export interface NodeResult {
  readonly corpus: Corpus['key'];
  readonly tool: 'pipeline' | 'cli' | 'jq';
  /** Seconds measured inside the process (pipeline) or wall time of the process (cli, jq). */
  readonly seconds: number;
  readonly wallSeconds: number;
  readonly mbPerSecond: number;
  readonly lines: number | null;
  readonly events: number | null;
  readonly eventsPerSecond: number | null;
  readonly maxRssBytes: number | null;
  /** Wall time of each run (cli, jq); `seconds` is their median. */
  readonly wallSamples?: readonly number[];
  /** The pipeline's event store at the end (the worker's store, filled by the same code). */
  readonly store?: StoreBytes;
  readonly note?: string;
}

/**
 * The command line and jq each run this many times and give their median: one run of half a second on a
 * shared 2-core machine was 10 % off either way from one time to the next.
 */
const TIMED_RUNS = 3;

/** The run of median wall time among `count` runs of the same command. */
async function medianRun(count: number, run: () => Promise<ProcessRun>): Promise<{ run: ProcessRun; samples: number[] }> {
  const runs: ProcessRun[] = [];
  for (let i = 0; i < count; i += 1) runs.push(await run());
  const sorted = [...runs].sort((a, b) => a.wallSeconds - b.wallSeconds);
  return { run: sorted[Math.floor((sorted.length - 1) / 2)] as ProcessRun, samples: runs.map((r) => r.wallSeconds) };
}

const TIME = '/usr/bin/time';

/**
 * Runs a command under `/usr/bin/time -f %M` (peak RSS of the process and the children it waited for)
 * and times it from here; stdout is captured, stderr passed through only on failure.
 */
export async function runTimed(command: string, args: readonly string[], options: { stdoutToNull?: boolean } = {}): Promise<ProcessRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'quotalens-bench-'));
  const rssFile = join(scratch, 'rss');
  const started = performance.now();
  const child = spawn(TIME, ['-f', '%M', '-o', rssFile, command, ...args], {
    stdio: ['ignore', options.stdoutToNull ? 'ignore' : 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallSeconds = (performance.now() - started) / 1000;
  let maxRssBytes: number | null = null;
  try {
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) maxRssBytes = kb * 1024;
  } catch {
    maxRssBytes = null;
  }
  rmSync(scratch, { recursive: true, force: true });
  if (exitCode !== 0) process.stderr.write(`${command} ${args.join(' ')} exited ${exitCode}\n${stderr.slice(-2000)}\n`);
  return { wallSeconds, maxRssBytes, stdout, exitCode };
}

const NODE = process.execPath;
const mb = (bytes: number) => bytes / 1e6;

/** The pipeline run directly in a fresh Node process (time measured inside, start-up excluded). */
export async function benchPipeline(corpus: Corpus): Promise<NodeResult> {
  const run = await runTimed(NODE, ['--import', 'tsx', 'app/bench/node-pipeline-run.ts', corpus.path]);
  const out = JSON.parse(run.stdout) as { seconds: number; lines: number; events: number; maxRssBytes: number; store: StoreBytes };
  return {
    corpus: corpus.key, tool: 'pipeline', seconds: out.seconds, wallSeconds: run.wallSeconds,
    mbPerSecond: mb(corpus.dataBytes) / out.seconds, lines: out.lines, events: out.events, eventsPerSecond: out.events / out.seconds,
    maxRssBytes: run.maxRssBytes ?? out.maxRssBytes, store: out.store,
  };
}

/**
 * The command line as a user runs it (`npm run cli -- summarize`), start-up included: node app/tools/cli.mjs.
 * Its bundle is built by a first run on an empty input, not timed (a user's first run pays it once).
 */
export async function benchCli(corpus: Corpus): Promise<NodeResult> {
  await runTimed(NODE, ['app/tools/cli.mjs', '--help']);
  const { run, samples } = await medianRun(TIMED_RUNS, () => runTimed(NODE, ['app/tools/cli.mjs', 'summarize', corpus.path]));
  let lines: number | null = null;
  let events: number | null = null;
  try {
    const out = JSON.parse(run.stdout) as { lines?: number; events?: number };
    lines = out.lines ?? null;
    events = out.events ?? null;
  } catch {
    // reported as null below
  }
  return {
    corpus: corpus.key, tool: 'cli', seconds: run.wallSeconds, wallSeconds: run.wallSeconds,
    mbPerSecond: mb(corpus.dataBytes) / run.wallSeconds, lines, events, eventsPerSecond: events === null ? null : events / run.wallSeconds,
    maxRssBytes: run.maxRssBytes, wallSamples: samples, ...(run.exitCode === 0 ? {} : { note: `exit ${run.exitCode}` }),
  };
}

/** The reference: `jq -r '.error.code' FILE`, output counted here (lines, and codes that are not null). */
export async function benchJq(corpus: Corpus): Promise<NodeResult> {
  const { run, samples } = await medianRun(TIMED_RUNS, () => runTimed('jq', ['-r', '.error.code', corpus.path]));
  let lines = 0;
  let codes = 0;
  for (const line of run.stdout.split('\n')) {
    if (line === '') continue;
    lines += 1;
    if (line !== 'null') codes += 1;
  }
  return {
    corpus: corpus.key, tool: 'jq', seconds: run.wallSeconds, wallSeconds: run.wallSeconds,
    mbPerSecond: mb(corpus.dataBytes) / run.wallSeconds, lines, events: codes, eventsPerSecond: codes / run.wallSeconds,
    maxRssBytes: run.maxRssBytes, wallSamples: samples,
  };
}

export function cliAvailable(): boolean {
  try {
    readFileSync('app/cli/main.ts');
    return true;
  } catch {
    return false;
  }
}
