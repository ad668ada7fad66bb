import { describe, expect, it } from 'vitest';
import { emptyTally, type FolderTally } from './folder-bounds';
import { folderNotice } from './folder-notice';

const tally = (fields: Partial<FolderTally>): FolderTally => ({ ...emptyTally('logs'), ...fields });

describe('folderNotice', () => {
  it.each([
    [{ found: 12, read: 12 }, 'logs/: 12 files read.'],
    [{ found: 1, read: 1 }, 'logs/: 1 file read.'],
    [{ found: 612, read: 500 }, 'logs/: 612 files; the first 500 by path were read, 112 were not (500 at most per drop).'],
    [{ found: 30, read: 0 }, 'logs/: 30 files; none were read (500 at most per drop, taken by the folders before it).'],
    [{ found: 2, read: 2, hiddenFiles: 3 }, 'logs/: 2 files read; 3 hidden files skipped.'],
    [{ hiddenFiles: 1, hiddenFolders: 2 }, 'logs/: no files read; 1 hidden file and 2 hidden folders skipped.'],
    [{ found: 8, read: 8, deepFolders: 2 }, 'logs/: 8 files read; 2 folders more than 8 levels deep not opened.'],
    [{}, 'logs/: no files in it.'],
    [{ unreadable: ['logs/'] }, 'logs/ could not be read: the browser was refused access, or it was moved or deleted.'],
    [
      { found: 1, read: 1, unreadable: ['logs/z/', 'logs/a.log', 'logs/b/'] },
      'logs/: 1 file read; logs/a.log and 2 more could not be read (the browser was refused access, or it was moved or deleted).',
    ],
    [
      { found: 12000, read: 500, isListingCut: true },
      'logs/: over 12,000 files (a drop lists 10,000 files and folders at most); 500 of those listed were read, 11,500 of those listed were not (500 at most per drop).',
    ],
  ] as const)('%j', (fields, expected) => {
    expect(folderNotice([tally(fields as Partial<FolderTally>)])).toBe(expected);
  });

  it('says nothing without folders, and one sentence per folder', () => {
    expect(folderNotice([])).toBeNull();
    expect(folderNotice([tally({ found: 1, read: 1 }), { ...emptyTally('b'), found: 2, read: 2 }])).toBe('logs/: 1 file read. b/: 2 files read.');
  });
});
