import { boundFolderFiles, emptyTally, entryVerdict, FOLDER_LIMITS, type FolderLimits, type FolderTally } from '../../core/folders/folder-bounds';

// The File and Directory Entries API as far as it is used here, so a test walks fake folders. The browser's
// FileSystemEntry, FileSystemDirectoryEntry and FileSystemFileEntry fit these shapes.
export interface WalkEntry {
  readonly name: string;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
}
export interface WalkFileEntry extends WalkEntry {
  file(success: (file: File) => void, failure?: (error: unknown) => void): void;
}
export interface WalkDirectoryReader {
  /** The next entries, at most 100 at a time in Chromium; an empty batch when there are no more. */
  readEntries(success: (entries: WalkEntry[]) => void, failure?: (error: unknown) => void): void;
}
export interface WalkDirectoryEntry extends WalkEntry {
  createReader(): WalkDirectoryReader;
}

const isDirectoryEntry = (entry: WalkEntry): entry is WalkDirectoryEntry =>
  entry.isDirectory && typeof (entry as Partial<WalkDirectoryEntry>).createReader === 'function';
const isFileEntry = (entry: WalkEntry): entry is WalkFileEntry => entry.isFile && typeof (entry as Partial<WalkFileEntry>).file === 'function';
const byName = (a: WalkEntry, b: WalkEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Files are taken out of their entries this many at a time. */
const FILES_AT_ONCE = 16;

/**
 * A file under the name of its path from the dropped folder's parent (`projects/abc/session-1.jsonl`), so two
 * `output.log` of two subfolders are two sources, and the same folder dropped again gives the same names (a file
 * already loaded is then known by fileKeyOf). The bytes are not copied.
 */
export function withPath(file: File, path: string): File {
  return file.name === path ? file : new File([file], path, { type: file.type, lastModified: file.lastModified });
}

interface Walk {
  readonly limits: FolderLimits;
  listed: number;
  readonly taken: { entry: WalkFileEntry; path: string; tally: FolderTally }[];
}

/**
 * The files of dropped folders, within the bounds (FOLDER_LIMITS): each folder walked in path order, entries by
 * name, so the files read past the cap are predictable. Never rejects: what cannot be read is in the tallies. Each
 * listing is an asynchronous call of the browser's, so the page stays responsive on a big folder.
 */
export async function readDroppedFolders({ folders, limits = FOLDER_LIMITS }: { folders: readonly WalkEntry[]; limits?: FolderLimits }): Promise<{ files: File[]; tallies: FolderTally[] }> {
  const walk: Walk = { limits, listed: 0, taken: [] };
  const tallies: FolderTally[] = [];
  for (const folder of [...folders].sort(byName)) {
    const tally = emptyTally(folder.name);
    tallies.push(tally);
    if (walk.listed >= limits.listed) tally.isListingCut = true;
    else await walkFolder({ walk, tally, folder, path: folder.name, level: 1 });
  }
  return { files: await filesOfTaken(walk.taken), tallies };
}

async function walkFolder({ walk, tally, folder, path, level }: { walk: Walk; tally: FolderTally; folder: WalkEntry; path: string; level: number }): Promise<void> {
  let entries: WalkEntry[];
  try {
    if (!isDirectoryEntry(folder)) throw new Error('no reader');
    entries = await readAllEntries(folder.createReader(), walk.limits.listed - walk.listed);
  } catch {
    tally.unreadable.push(`${path}/`);
    return;
  }
  for (const entry of entries.sort(byName)) {
    if (walk.listed >= walk.limits.listed) {
      tally.isListingCut = true;
      return;
    }
    walk.listed += 1;
    const entryPath = `${path}/${entry.name}`;
    const verdict = entryVerdict({ name: entry.name, isDirectory: entry.isDirectory, level: level + 1 }, walk.limits);
    if (verdict === 'hidden') {
      if (entry.isDirectory) tally.hiddenFolders += 1;
      else tally.hiddenFiles += 1;
    } else if (verdict === 'too-deep') tally.deepFolders += 1;
    else if (entry.isDirectory) await walkFolder({ walk, tally, folder: entry, path: entryPath, level: level + 1 });
    else if (!isFileEntry(entry)) tally.unreadable.push(entryPath);
    else {
      tally.found += 1;
      if (walk.taken.length < walk.limits.files) {
        walk.taken.push({ entry, path: entryPath, tally });
        tally.read += 1;
      }
    }
  }
}

/** Every entry of a folder: readEntries is called until it answers an empty batch (or more than `budget` are in). */
async function readAllEntries(reader: WalkDirectoryReader, budget: number): Promise<WalkEntry[]> {
  const all: WalkEntry[] = [];
  for (;;) {
    const batch = await new Promise<WalkEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    // One by one: a browser may give a whole folder in one batch, too many for the arguments of one push.
    for (const entry of batch) all.push(entry);
    if (all.length > budget) return all;
  }
}

async function filesOfTaken(taken: Walk['taken']): Promise<File[]> {
  const files: File[] = [];
  for (let start = 0; start < taken.length; start += FILES_AT_ONCE) {
    const group = taken.slice(start, start + FILES_AT_ONCE);
    const results = await Promise.allSettled(group.map(({ entry }) => new Promise<File>((resolve, reject) => entry.file(resolve, reject))));
    results.forEach((result, index) => {
      const { path, tally } = group[index]!;
      if (result.status === 'fulfilled') files.push(withPath(result.value, path));
      else {
        // Listed but not readable (deleted since, or refused): counted as unreadable, not as found.
        tally.found -= 1;
        tally.read -= 1;
        tally.unreadable.push(path);
      }
    });
  }
  return files;
}

/**
 * The files of a folder picked with `<input webkitdirectory>`, within the same bounds as a drop: each named by its
 * `webkitRelativePath` (`logs/a/app.log`). A file without one (a browser that picked files) is read as it is.
 */
export function filesOfFolderPick(picked: readonly File[], limits = FOLDER_LIMITS): { files: File[]; tallies: FolderTally[] } {
  const pathOf = (file: File) => file.webkitRelativePath ?? '';
  const loose = picked.filter((file) => !pathOf(file).includes('/'));
  const inFolders = picked.filter((file) => pathOf(file).includes('/')).map((file) => ({ file, path: pathOf(file) }));
  const { files, tallies } = boundFolderFiles(inFolders, limits);
  return { files: [...loose, ...files.map(({ file, path }) => withPath(file, path))], tallies };
}
