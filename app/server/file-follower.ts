import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { discoverFiles } from './discover-files';
import { createLineReader, type FileLine, type LineReader } from './line-reader';

/** Why a file (epoch) starts being followed; each gets a new file index, so ids never repeat. */
export type SourceReason = 'start' | 'new' | 'truncated' | 'rotated';

export interface SourceInfo {
  readonly index: number;
  readonly path: string;
  readonly reason: SourceReason;
  /** Where reading starts: 0, or the size at start when tailing from the end. */
  readonly offset: number;
}

export interface FollowerOptions {
  readonly paths: readonly string[];
  readonly fromStart: boolean;
  readonly onSource: (source: SourceInfo) => void;
  readonly onLine: (index: number, line: FileLine) => void;
  readonly onSkip?: (index: number, offset: number, bytes: number) => void;
  /** Default 4 MiB. */
  readonly maxLineBytes?: number;
  /** Bytes read per file per tick, so one huge file does not starve the others. Default 4 MiB. */
  readonly readBudgetBytes?: number;
}

interface Followed {
  readonly index: number;
  readonly path: string;
  readonly fd: number;
  readonly ino: number;
  readonly dev: number;
  offset: number;
  readonly reader: LineReader;
}

export interface Follower {
  /** One synchronous poll: discover files, detect truncation and rotation, read what was appended. True if a budget was hit (call again soon). */
  tick(): boolean;
  close(): void;
}

/**
 * Follows files like `tail -F`, by polling (fs.watch only makes polls come sooner): appended lines once
 * each; a file that shrinks is read again from 0; a file replaced at its path (new inode) is read to its
 * end, then the new file from its start; files appearing later are read from their start.
 */
export function createFollower(options: FollowerOptions): Follower {
  const followed = new Map<string, Followed>();
  const maxLineBytes = options.maxLineBytes ?? 4 * 1024 * 1024;
  const budget = options.readBudgetBytes ?? 4 * 1024 * 1024;
  const buffer = Buffer.alloc(Math.min(budget, 1024 * 1024));
  let nextIndex = 0;
  let isFirstTick = true;

  const begin = (path: string, reason: SourceReason): void => {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return;
    }
    const st = fstatSync(fd);
    const fromEnd = reason === 'start' && !options.fromStart;
    const index = nextIndex++;
    const reader = createLineReader({
      maxLineBytes,
      onLine: (line) => options.onLine(index, line),
      onSkip: (offset, bytes) => options.onSkip?.(index, offset, bytes),
    });
    const offset = fromEnd ? st.size : 0;
    if (fromEnd && st.size > 0 && lastByte(fd, st.size) !== 0x0a) reader.skipToNextLine();
    followed.set(path, { index, path, fd, ino: st.ino, dev: st.dev, offset, reader });
    options.onSource({ index, path, reason, offset });
  };

  const read = (f: Followed): boolean => {
    let left = budget;
    for (;;) {
      if (left <= 0) return true;
      const n = readSync(f.fd, buffer, 0, Math.min(buffer.length, left), f.offset);
      if (n <= 0) return false;
      f.reader.push(buffer.subarray(0, n), f.offset);
      f.offset += n;
      left -= n;
    }
  };

  const finish = (f: Followed): void => {
    while (read(f)) {
      // A rotated-away file is read to its end before the new one starts.
    }
    f.reader.flush();
    closeSync(f.fd);
    followed.delete(f.path);
  };

  const check = (f: Followed): boolean => {
    const current = statOrNull(f.path);
    if (current === null || current.ino !== f.ino || current.dev !== f.dev) {
      finish(f);
      if (current !== null) begin(f.path, 'rotated');
      const next = followed.get(f.path);
      return next === undefined ? false : read(next);
    }
    if (fstatSync(f.fd).size < f.offset) {
      closeSync(f.fd);
      followed.delete(f.path);
      begin(f.path, 'truncated');
      const next = followed.get(f.path);
      return next === undefined ? false : read(next);
    }
    return read(f);
  };

  return {
    tick: () => {
      for (const path of discoverFiles(options.paths)) {
        if (!followed.has(path) && statOrNull(path) !== null) begin(path, isFirstTick ? 'start' : 'new');
      }
      isFirstTick = false;
      let isBusy = false;
      for (const f of [...followed.values()]) isBusy = check(f) || isBusy;
      return isBusy;
    },
    close: () => {
      for (const f of followed.values()) closeSync(f.fd);
      followed.clear();
    },
  };
}

function statOrNull(path: string): { ino: number; dev: number } | null {
  try {
    const st = statSync(path);
    return st.isFile() ? { ino: st.ino, dev: st.dev } : null;
  } catch {
    return null;
  }
}

function lastByte(fd: number, size: number): number | undefined {
  const one = Buffer.alloc(1);
  readSync(fd, one, 0, 1, size - 1);
  return one[0];
}
