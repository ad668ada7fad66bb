import { readdirSync, readFileSync } from 'node:fs';
import { descendantsOf } from './proc-memory';

/**
 * Where the machine's CPU went while a file was read in the browser, from /proc (Linux): the CPU time of
 * each thread of the browser's processes, grouped by what the thread does. On a two-core machine the two
 * readers (the page's workers) share the cores with V8's compiler and garbage-collector threads, the page's
 * own rendering and the browser process, which reads the file: the readers' rate is bounded by what they get.
 */
export interface CpuShare {
  /** Wall time between the two readings. */
  readonly windowMs: number;
  /** The renderer's Web Workers: the ingest worker and its part reader. */
  readonly readersMs: number;
  /** The renderer's pool threads: V8's optimizing compilers and garbage-collector helpers (and raster work). */
  readonly poolMs: number;
  /** The renderer's main thread: React, layout, paint. */
  readonly pageMs: number;
  readonly rendererOtherMs: number;
  /** Renderer threads that ended between two readings (a part reader stopped after its half): not attributed. */
  readonly endedThreadsMs: number;
  /** The browser process: file reads, IPC, the DevTools protocol. */
  readonly browserMs: number;
  /** The other processes of the browser (GPU, network, utility). */
  readonly otherMs: number;
  /** The whole machine, from /proc/stat, this benchmark's own process included. */
  readonly machineBusyMs: number;
  readonly machineIdleMs: number;
}

export interface CpuSnapshot {
  readonly atMs: number;
  /** `pid/tid` → kind and CPU milliseconds so far. */
  readonly threads: ReadonlyMap<string, { readonly kind: ThreadKind; readonly ms: number }>;
  /** Renderer processes' CPU milliseconds so far, by pid: threads that ended still count in their process's time. */
  readonly renderers: ReadonlyMap<number, number>;
  readonly machine: { readonly busyMs: number; readonly idleMs: number } | null;
}

export type ThreadKind = 'readers' | 'pool' | 'page' | 'rendererOther' | 'browser' | 'other';

/** Linux reports /proc times in USER_HZ ticks, 100 a second on every architecture Node runs on. */
const MS_PER_TICK = 10;

/**
 * A thread's name and CPU time (user + system) from its `/proc/PID/task/TID/stat` line. The name is
 * between the first `(` and the last `)`: it may hold spaces and parentheses itself.
 */
export function parseTaskStat(text: string): { readonly name: string; readonly ms: number } | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  // Fields after the name, from field 3 (state): utime is field 14, stime field 15.
  const fields = text.slice(close + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
  return { name: text.slice(open + 1, close), ms: (utime + stime) * MS_PER_TICK };
}

/** Busy and idle time of all cores from the first line of /proc/stat (idle includes I/O wait). */
export function parseMachineStat(text: string): { readonly busyMs: number; readonly idleMs: number } | null {
  const first = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
  const [label, ...rest] = first.trim().split(/\s+/);
  if (label !== 'cpu') return null;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = rest.map(Number);
  return { busyMs: (user + nice + system + irq + softirq + steal) * MS_PER_TICK, idleMs: (idle + iowait) * MS_PER_TICK };
}

/**
 * What a thread of Chromium does, from its process's command line and its own name. Thread names are cut to
 * 15 characters by the kernel (`ThreadPoolForeg…`); a process's main thread has the process's name.
 */
export function threadKind(commandLine: string, threadName: string, isMainThread: boolean): ThreadKind {
  if (commandLine.includes('--type=renderer')) {
    if (isMainThread) return 'page';
    if (threadName.startsWith('DedicatedWorker')) return 'readers';
    if (threadName.startsWith('ThreadPool')) return 'pool';
    return 'rendererOther';
  }
  return commandLine.includes('--type=') ? 'other' : 'browser';
}

/** A process of the browser and its command line, which tells what its threads do. */
interface BrowserProcess {
  readonly pid: number;
  readonly commandLine: string;
}

/** The processes under `root` (this process's browser); one that ends meanwhile is left out. */
function browserProcesses(root: number): BrowserProcess[] {
  return descendantsOf(root).flatMap((pid) => {
    try {
      return [{ pid, commandLine: readFileSync(`/proc/${pid}/cmdline`, 'utf8') }];
    } catch {
      return [];
    }
  });
}

/** CPU time so far of every thread of the browser's processes, and of the machine. */
function snapshotCpu(processes: readonly BrowserProcess[]): CpuSnapshot {
  const threads = new Map<string, { kind: ThreadKind; ms: number }>();
  const renderers = new Map<number, number>();
  for (const { pid, commandLine } of processes) {
    try {
      if (commandLine.includes('--type=renderer')) renderers.set(pid, parseTaskStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.ms ?? 0);
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = parseTaskStat(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
        if (stat !== null) threads.set(`${pid}/${tid}`, { kind: threadKind(commandLine, stat.name, tid === String(pid)), ms: stat.ms });
      }
    } catch {
      // the process or thread ended while we looked
    }
  }
  let machine: CpuSnapshot['machine'] = null;
  try {
    machine = parseMachineStat(readFileSync('/proc/stat', 'utf8'));
  } catch {
    // not Linux
  }
  return { atMs: performance.now(), threads, renderers, machine };
}

/**
 * Follows the browser's CPU from now on: `sample()` now and then (a thread that ends keeps its last reading),
 * `share()` for the CPU used since. A thread that started and ended between two samples (a part reader
 * stopped after its half) is counted in its renderer's time only: `share()` gives it as `endedThreadsMs`.
 */
export function createCpuTracker(root = process.pid): { sample(): void; share(): CpuShare } {
  // The process tree (and each process's command line) is read again every tenth sample only: the walk reads
  // every process of the machine.
  let processes = browserProcesses(root);
  let samples = 0;
  const first = snapshotCpu(processes);
  const seen = new Map(first.threads);
  let last = first;
  return {
    sample: () => {
      samples += 1;
      if (samples % 10 === 0) processes = browserProcesses(root);
      last = snapshotCpu(processes);
      for (const [key, thread] of last.threads) seen.set(key, thread);
    },
    share: () => cpuBetween(first, { ...last, threads: seen }),
  };
}

/** CPU used between two snapshots, by kind of thread; a thread that started in between counts from zero. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuShare {
  const byKind: Record<ThreadKind, number> = { readers: 0, pool: 0, page: 0, rendererOther: 0, browser: 0, other: 0 };
  for (const [key, now] of after.threads) byKind[now.kind] += Math.max(0, now.ms - (before.threads.get(key)?.ms ?? 0));
  let rendererMs = 0;
  for (const [pid, ms] of after.renderers) rendererMs += Math.max(0, ms - (before.renderers.get(pid) ?? 0));
  const seenInRenderers = byKind.readers + byKind.pool + byKind.page + byKind.rendererOther;
  return {
    windowMs: after.atMs - before.atMs,
    readersMs: byKind.readers,
    poolMs: byKind.pool,
    pageMs: byKind.page,
    rendererOtherMs: byKind.rendererOther,
    endedThreadsMs: Math.max(0, rendererMs - seenInRenderers),
    browserMs: byKind.browser,
    otherMs: byKind.other,
    machineBusyMs: before.machine && after.machine ? after.machine.busyMs - before.machine.busyMs : 0,
    machineIdleMs: before.machine && after.machine ? after.machine.idleMs - before.machine.idleMs : 0,
  };
}
