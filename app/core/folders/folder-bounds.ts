/**
 * How far a dropped or picked folder is read (A27). A folder given by mistake (a home folder, a repository) must not
 * read for minutes nor flood the Sources panel, and what is left out is said, never dropped silently.
 */
export interface FolderLimits {
  /** Folder levels opened, the dropped folder the first: `logs/a/b/app.log` is in a folder three levels deep. */
  readonly depth: number;
  /** Files read per drop or pick, out of all its folders together: the first by path. */
  readonly files: number;
  /** Entries (files and folders) listed per drop before listing stops, so a huge tree is not walked to its end. */
  readonly listed: number;
}

export const FOLDER_LIMITS: FolderLimits = { depth: 8, files: 500, listed: 10_000 };

/** What is done with an entry met inside a dropped folder: read (a file) or opened (a folder), or left out and why. */
export type EntryVerdict = 'read' | 'hidden' | 'too-deep';

/**
 * A file or folder inside a dropped or picked folder: hidden ones (`.git`, `.DS_Store`) are left out, and so are
 * folders past the depth; `level` is a folder's own level (the dropped folder is 1). The dropped folder itself is
 * never judged: `~/.claude` dropped on purpose is read.
 * entryVerdict({ name: '.git', isDirectory: true, level: 2 }) -> 'hidden'
 */
export function entryVerdict({ name, isDirectory, level }: { name: string; isDirectory: boolean; level: number }, limits = FOLDER_LIMITS): EntryVerdict {
  if (name.startsWith('.')) return 'hidden';
  if (isDirectory && level > limits.depth) return 'too-deep';
  return 'read';
}

/** What one dropped or picked folder held, and what of it was left out: the notice is written from it. */
export interface FolderTally {
  /** The dropped or picked folder's name (`logs`). */
  readonly root: string;
  /** Its files within the bounds (neither hidden nor too deep); a floor when isListingCut. */
  found: number;
  /** Of them, read: the first by path, while the drop's cap of files lasts. */
  read: number;
  hiddenFiles: number;
  hiddenFolders: number;
  /** Folders past the depth, not opened. */
  deepFolders: number;
  /** What the browser refused to read, by path (`logs/private/` for a folder). */
  readonly unreadable: string[];
  /** Listing stopped at the drop's cap of entries while in this folder, or before it. */
  isListingCut: boolean;
}

export function emptyTally(root: string): FolderTally {
  return { root, found: 0, read: 0, hiddenFiles: 0, hiddenFolders: 0, deepFolders: 0, unreadable: [], isListingCut: false };
}

/**
 * Paths in the order a folder is walked, its entries by name, each folder's files together:
 * `logs/a/z.log` before `logs/a-b.log` (a plain sort would put `-` before `/`). Code-unit order, the same in every locale.
 */
export function comparePaths(a: string, b: string): number {
  const x = a.replaceAll('/', '\u0000');
  const y = b.replaceAll('/', '\u0000');
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A folder pick's files (each with its path from the picked folder's parent, `logs/a/app.log`, as `webkitRelativePath`
 * gives it) within the bounds: those to read, in path order, and per picked folder what was found and left out.
 */
export function boundFolderFiles<F extends { readonly path: string }>(files: readonly F[], limits = FOLDER_LIMITS): { files: F[]; tallies: FolderTally[] } {
  const tallies = new Map<string, FolderTally>();
  const hiddenFolders = new Set<string>();
  const deepFolders = new Set<string>();
  const kept: F[] = [];
  for (const file of files) {
    const segments = file.path.split('/');
    const root = segments[0] ?? '';
    const tally = tallies.get(root) ?? emptyTally(root);
    tallies.set(root, tally);
    const stop = firstLeftOut(segments, limits);
    if (stop === null) kept.push(file);
    else if (stop.verdict === 'too-deep') deepFolders.add(stop.path);
    else if (stop.isFolder) hiddenFolders.add(stop.path);
    else tally.hiddenFiles += 1;
  }
  for (const path of hiddenFolders) countIn(tallies, path, 'hiddenFolders');
  for (const path of deepFolders) countIn(tallies, path, 'deepFolders');
  kept.sort((a, b) => comparePaths(a.path, b.path));
  const read = kept.slice(0, limits.files);
  for (const file of kept) countIn(tallies, file.path, 'found');
  for (const file of read) countIn(tallies, file.path, 'read');
  return { files: read, tallies: [...tallies.values()].sort((a, b) => comparePaths(a.root, b.root)) };
}

/** The first folder or file on a path that a walk would leave out, as the drop's walk meets it, or null. */
function firstLeftOut(segments: readonly string[], limits: FolderLimits): { verdict: EntryVerdict; path: string; isFolder: boolean } | null {
  for (let index = 1; index < segments.length; index += 1) {
    const isFolder = index < segments.length - 1;
    const verdict = entryVerdict({ name: segments[index] ?? '', isDirectory: isFolder, level: index + 1 }, limits);
    if (verdict !== 'read') return { verdict, path: segments.slice(0, index + 1).join('/'), isFolder };
  }
  return null;
}

function countIn(tallies: Map<string, FolderTally>, path: string, key: 'found' | 'read' | 'hiddenFolders' | 'deepFolders'): void {
  const tally = tallies.get(path.split('/')[0] ?? '');
  if (tally) tally[key] += 1;
}
