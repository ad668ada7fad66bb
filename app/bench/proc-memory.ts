import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resident memory of this process's descendants, read from /proc (Linux): the browser's processes when
 * Chromium was launched from here. The renderer process holds both the page and its Web Worker.
 */
export interface ProcessMemory {
  /** Sum of RSS over all descendants (shared pages counted once per process: an upper bound). */
  readonly totalRssBytes: number;
  /** The largest renderer process (`--type=renderer`). */
  readonly rendererRssBytes: number;
}

const PAGE = 4096;

function readParents(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(afterName[1]));
    } catch {
      // the process ended while we looked
    }
  }
  return parents;
}

export function descendantsOf(root: number): number[] {
  const parents = readParents();
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * A sampler that walks /proc for the process tree only every `refreshEvery` samples (the walk costs a few
 * ms of this process's CPU, which the browser shares on a small machine); in between it reads statm only.
 */
export function createProcessSampler(root = process.pid, refreshEvery = 10): () => ProcessMemory | null {
  let calls = 0;
  let tree: Array<{ pid: number; renderer: boolean }> = [];
  return () => {
    try {
      if (calls++ % refreshEvery === 0) {
        tree = descendantsOf(root).map((pid) => {
          try {
            return { pid, renderer: readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer') };
          } catch {
            return { pid, renderer: false };
          }
        });
      }
      let totalRssBytes = 0;
      let rendererRssBytes = 0;
      for (const { pid, renderer } of tree) {
        try {
          const rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
          totalRssBytes += rss;
          if (renderer) rendererRssBytes = Math.max(rendererRssBytes, rss);
        } catch {
          // gone
        }
      }
      return { totalRssBytes, rendererRssBytes };
    } catch {
      return null;
    }
  };
}
