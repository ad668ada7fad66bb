import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/** Extensions followed inside a folder (a Claude Code projects folder holds `.jsonl` transcripts). */
export const FOLLOWED_EXTENSIONS: readonly string[] = ['.jsonl', '.log'];
const MAX_DEPTH = 16;

/**
 * The files to follow now: each path given as a file (whatever its extension, even if it does not exist
 * yet: it may appear), and every `.jsonl` / `.log` under each folder, recursively. Symbolic links to
 * folders are not entered (no loops). Sorted, so file indexes are stable for the same tree.
 */
export function discoverFiles(roots: readonly string[]): string[] {
  const found = new Set<string>();
  for (const root of roots) {
    const kind = kindOf(root);
    if (kind === 'dir') walk(root, 0, found);
    else if (kind !== 'other') found.add(root);
  }
  return [...found].sort();
}

function kindOf(path: string): 'file' | 'dir' | 'missing' | 'other' {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return 'dir';
    return st.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

function walk(dir: string, depth: number, found: Set<string>): void {
  if (depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, depth + 1, found);
    else if (entry.isFile() && FOLLOWED_EXTENSIONS.includes(extname(entry.name).toLowerCase())) found.add(path);
  }
}
