import { describe, expect, it } from 'vitest';
import { boundFolderFiles, comparePaths, entryVerdict, FOLDER_LIMITS } from './folder-bounds';

describe('entryVerdict', () => {
  it.each([
    [{ name: 'app.log', isDirectory: false, level: 2 }, 'read'],
    [{ name: '.DS_Store', isDirectory: false, level: 2 }, 'hidden'],
    [{ name: '.git', isDirectory: true, level: 2 }, 'hidden'],
    [{ name: 'sub', isDirectory: true, level: 8 }, 'read'],
    [{ name: 'sub', isDirectory: true, level: 9 }, 'too-deep'],
    [{ name: 'app.log', isDirectory: false, level: 9 }, 'read'],
  ] as const)('%j -> %s', (entry, expected) => {
    expect(entryVerdict(entry)).toBe(expected);
  });
});

describe('comparePaths', () => {
  it('sorts as a folder is walked: a folder\'s files stay together, before a sibling that extends its name', () => {
    expect(['logs/a-b.log', 'logs/a/z.log', 'logs/B.log', 'logs/a.log'].sort(comparePaths)).toEqual(['logs/B.log', 'logs/a/z.log', 'logs/a-b.log', 'logs/a.log']);
  });
});

describe('boundFolderFiles', () => {
  const files = (...paths: string[]) => paths.map((path) => ({ path }));

  it('keeps the files in path order, leaving out hidden ones and those too deep, each counted in its folder', () => {
    const deep = `logs/${Array.from({ length: FOLDER_LIMITS.depth }, (_, i) => `d${i + 2}`).join('/')}`;
    const { files: kept, tallies } = boundFolderFiles(
      files('logs/b.log', '.claude/projects/a.jsonl', 'logs/.env', 'logs/.git/HEAD', 'logs/.git/config', `${deep}/x.log`, `${deep}/y/z.log`, 'logs/a/b.log'),
    );
    expect(kept.map((file) => file.path)).toEqual(['.claude/projects/a.jsonl', 'logs/a/b.log', 'logs/b.log']);
    expect(tallies).toEqual([
      { root: '.claude', found: 1, read: 1, hiddenFiles: 0, hiddenFolders: 0, deepFolders: 0, unreadable: [], isListingCut: false },
      { root: 'logs', found: 2, read: 2, hiddenFiles: 1, hiddenFolders: 1, deepFolders: 1, unreadable: [], isListingCut: false },
    ]);
  });

  it('reads the first files by path up to the cap, and counts the others as found', () => {
    const paths = Array.from({ length: 612 }, (_, i) => `logs/${String(611 - i).padStart(3, '0')}.log`);
    const { files: kept, tallies } = boundFolderFiles(files(...paths));
    expect(kept).toHaveLength(500);
    expect(kept.at(-1)?.path).toBe('logs/499.log');
    expect(tallies[0]).toMatchObject({ found: 612, read: 500 });
  });
});
