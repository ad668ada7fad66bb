import { describe, expect, it } from 'vitest';
import { fileKeyOf, withoutLoadedFiles } from '../../core/ledger/file-identity';
import { folderNotice } from '../../core/folders/folder-notice';
import { filesOfFolderPick, readDroppedFolders, type WalkDirectoryEntry, type WalkEntry, type WalkFileEntry } from './folder-files';

// Fake folders as the File and Directory Entries API gives them: entries in no order, at most 100 per
// readEntries call, each answer a task later, as Chromium does.
const DENIED = Symbol('a folder the browser may not read');
const GONE = Symbol('a file deleted after it was listed');
type Tree = { [name: string]: string | Tree | typeof DENIED | typeof GONE };
const MODIFIED = 1_795_132_800_000;
const later = (run: () => void) => setTimeout(run, 0);

function fakeEntry(name: string, value: Tree[string], calls: { readEntries: number }): WalkEntry {
  if (typeof value === 'string' || value === GONE) {
    const entry: WalkFileEntry = {
      name,
      isFile: true,
      isDirectory: false,
      file: (success, failure) =>
        later(() => (value === GONE ? failure?.(new DOMException('gone', 'NotFoundError')) : success(new File([value], name, { lastModified: MODIFIED })))),
    };
    return entry;
  }
  const folder: WalkDirectoryEntry = {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      const children = value === DENIED ? [] : Object.entries(value).reverse();
      let next = 0;
      return {
        readEntries: (success, failure) => {
          calls.readEntries += 1;
          later(() => {
            if (value === DENIED) return failure?.(new DOMException('denied', 'NotReadableError'));
            const batch = children.slice(next, next + 100).map(([child, inner]) => fakeEntry(child, inner, calls));
            next += batch.length;
            success(batch);
          });
        },
      };
    },
  };
  return folder;
}

async function walk(folders: Record<string, Tree[string]>, limits?: { depth: number; files: number; listed: number }) {
  const calls = { readEntries: 0 };
  const entries = Object.entries(folders).map(([name, value]) => fakeEntry(name, value, calls));
  const result = await readDroppedFolders({ folders: entries, ...(limits ? { limits } : {}) });
  return { ...result, names: result.files.map((file) => file.name), calls };
}

const manyFiles = (count: number, prefix = 'f') =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}-${String(i).padStart(3, '0')}.log`, `line ${i}\n`]));

describe('readDroppedFolders', () => {
  it('reads nested folders, each file named by its path from the dropped folder\'s parent, bytes and time kept', async () => {
    const { files, names, tallies } = await walk({ projects: { abc: { 'session-1.jsonl': '{"a":1}\n', sub: { 'output.log': 'one\n' } }, 'output.log': 'two\n' } });
    expect(names).toEqual(['projects/abc/session-1.jsonl', 'projects/abc/sub/output.log', 'projects/output.log']);
    expect(await files[1]!.text()).toBe('one\n');
    expect(files.every((file) => file.lastModified === MODIFIED)).toBe(true);
    expect(folderNotice(tallies)).toBe('projects/: 3 files read.');
  });

  it('asks readEntries again until it answers an empty batch: 250 entries in one folder are all read', async () => {
    const { names, calls } = await walk({ logs: manyFiles(250) });
    expect(names).toHaveLength(250);
    expect(new Set(names).size).toBe(250);
    expect(calls.readEntries).toBe(4);
  });

  it('opens folders 8 levels deep, the dropped folder the first, and says how many deeper ones were not', async () => {
    let tree: Tree = { 'f.log': 'x\n' };
    for (let level = 10; level >= 2; level -= 1) tree = { 'f.log': 'x\n', [`d${level}`]: tree };
    const { names, tallies } = await walk({ root: tree });
    expect(names).toHaveLength(8);
    expect(names).toContain('root/d2/d3/d4/d5/d6/d7/d8/f.log');
    expect(names.filter((name) => name.includes('d9'))).toEqual([]);
    expect(folderNotice(tallies)).toBe('root/: 8 files read; 1 folder more than 8 levels deep not opened.');
  });

  it('reads 500 files of a drop, the first by path across its folders, and says how many were not', async () => {
    const { names, tallies } = await walk({ b: manyFiles(300), a: manyFiles(300) });
    expect(names).toHaveLength(500);
    expect(names[0]).toBe('a/f-000.log');
    expect(names.at(-1)).toBe('b/f-199.log');
    expect(folderNotice(tallies)).toBe(
      'a/: 300 files read. b/: 300 files; the first 200 by path were read, 100 were not (500 at most per drop).',
    );
  });

  it('skips hidden files and folders, but reads a dropped folder that is hidden itself', async () => {
    const { names, tallies } = await walk({ '.claude': { projects: { 'a.jsonl': 'x\n', '.DS_Store': 'x' }, '.git': { HEAD: 'x' }, '.env': 'x' } });
    expect(names).toEqual(['.claude/projects/a.jsonl']);
    expect(folderNotice(tallies)).toBe('.claude/: 1 file read; 2 hidden files and 1 hidden folder skipped.');
  });

  it('reads the rest of a folder when a subfolder or a file cannot be read, and names them', async () => {
    const { names, tallies } = await walk({ logs: { 'a.log': 'x\n', private: DENIED, 'gone.log': GONE } });
    expect(names).toEqual(['logs/a.log']);
    expect(folderNotice(tallies)).toBe(
      'logs/: 1 file read; logs/gone.log and 1 more could not be read (the browser was refused access, or it was moved or deleted).',
    );
  });

  it('says a dropped folder it could not read, and still reads the others', async () => {
    const { names, tallies } = await walk({ locked: DENIED, logs: { 'a.log': 'x\n' } });
    expect(names).toEqual(['logs/a.log']);
    expect(folderNotice(tallies)).toBe('locked/ could not be read: the browser was refused access, or it was moved or deleted. logs/: 1 file read.');
  });

  it('stops listing a huge folder at the cap of entries, and says so', async () => {
    const { names, tallies } = await walk({ big: manyFiles(120), later: manyFiles(3) }, { depth: 8, files: 20, listed: 50 });
    expect(names).toHaveLength(20);
    expect(folderNotice(tallies, { depth: 8, files: 20, listed: 50 })).toBe(
      'big/: over 50 files (a drop lists 50 files and folders at most); 20 of those listed were read, 30 of those listed were not (20 at most per drop). later/: not listed (a drop lists 50 files and folders at most).',
    );
  });

  it('takes a folder a browser gives in one batch, however large, as a folder listed (Firefox gives them so)', async () => {
    const file = (name: string): WalkFileEntry => ({ name, isFile: true, isDirectory: false, file: (success) => later(() => success(new File(['x\n'], name))) });
    const batch = Array.from({ length: 200_000 }, (_, i) => file(`f-${String(i).padStart(6, '0')}.log`));
    let given = false;
    const huge: WalkDirectoryEntry = {
      name: 'huge', isFile: false, isDirectory: true,
      createReader: () => ({ readEntries: (success) => later(() => success(given ? [] : ((given = true), batch))) }),
    };
    const { files, tallies } = await readDroppedFolders({ folders: [huge] });
    expect(files).toHaveLength(500);
    expect(folderNotice(tallies)).toMatch(/^huge\/: over 10,000 files \(a drop lists 10,000 files and folders at most\); 500 of those listed were read/);
  });

  it('says an empty folder is empty', async () => {
    expect(folderNotice((await walk({ empty: {} })).tallies)).toBe('empty/: no files in it.');
  });
});

describe('a folder dropped again', () => {
  it('keeps two files of one name in two subfolders apart, and reads none of them twice', async () => {
    const tree = { logs: { a: { 'output.log': 'same\n' }, b: { 'output.log': 'same\n' } } };
    const first = await walk(tree);
    const once = withoutLoadedFiles(first.files, []);
    expect(once.files.map((file) => file.name)).toEqual(['logs/a/output.log', 'logs/b/output.log']);
    const again = withoutLoadedFiles((await walk(tree)).files, once.files.map((file) => ({ fileKey: fileKeyOf(file) })));
    expect(again).toEqual({ files: [], skipped: ['logs/a/output.log', 'logs/b/output.log'] });
  });
});

describe('filesOfFolderPick', () => {
  const picked = (path: string) => Object.defineProperty(new File(['x\n'], path.split('/').at(-1)!, { lastModified: MODIFIED }), 'webkitRelativePath', { value: path });

  it('names each file by its path, skips hidden ones and says so', () => {
    const { files, tallies } = filesOfFolderPick([picked('.logs/b/output.log'), picked('.logs/a/output.log'), picked('.logs/.hidden.log'), picked('.logs/.git/HEAD')]);
    expect(files.map((file) => file.name)).toEqual(['.logs/a/output.log', '.logs/b/output.log']);
    expect(files[0]!.lastModified).toBe(MODIFIED);
    expect(folderNotice(tallies)).toBe('.logs/: 2 files read; 1 hidden file and 1 hidden folder skipped.');
  });

  it('reads a file picked without a folder path as it is', () => {
    const plain = new File(['x'], 'app.log');
    expect(filesOfFolderPick([plain]).files).toEqual([plain]);
  });
});
