import { describe, expect, it } from 'vitest';
import { carriesFiles, filesOfDrop, joinNotices, skippedNotice } from './dropped-files';

const file = (name: string) => new File(['x'], name);
const entry = (name: string, isDirectory: boolean) => ({ name, isDirectory, isFile: !isDirectory });
const item = (name: string, isDirectory: boolean) => ({ kind: 'file', webkitGetAsEntry: () => entry(name, isDirectory) });

describe('carriesFiles', () => {
  it('is true for a drag of files only', () => {
    expect(carriesFiles({ types: ['Files'] })).toBe(true);
    expect(carriesFiles({ types: ['text/plain', 'text/html'] })).toBe(false);
    expect(carriesFiles({ types: ['text/uri-list'] })).toBe(false);
    expect(carriesFiles(null)).toBe(false);
  });
});

describe('filesOfDrop', () => {
  it('keeps the files, and the folders as entries to walk', () => {
    const [a, dir, b] = [file('a.log'), file('logs'), file('b.log.gz')];
    const { files, folders } = filesOfDrop({ types: ['Files'], files: [a, dir, b], items: [item('a.log', false), item('logs', true), item('b.log.gz', false)] });
    expect(files).toEqual([a, b]);
    expect(folders.map((folder) => folder.name)).toEqual(['logs']);
  });

  it('takes a file item by getAsFile, past items that are text or links dragged along', () => {
    const a = file('a.log');
    const data = { types: ['Files', 'text/uri-list'], files: [a], items: [{ kind: 'string' }, { kind: 'file', webkitGetAsEntry: () => null, getAsFile: () => a }] };
    expect(filesOfDrop(data)).toEqual({ files: [a], folders: [] });
  });

  it('takes every file where the browser cannot tell folders apart', () => {
    const [a, b] = [file('a.log'), file('b.log')];
    expect(filesOfDrop({ types: ['Files'], files: [a, b] })).toEqual({ files: [a, b], folders: [] });
    expect(filesOfDrop({ types: ['Files'], files: [a], items: [{}] })).toEqual({ files: [a], folders: [] });
  });
});

describe('skippedNotice', () => {
  it('says nothing when every file was read', () => {
    expect(skippedNotice([])).toBeNull();
  });

  it('names the files already loaded, a few of them, and how to read them again', () => {
    expect(skippedNotice(['app.log'])).toBe('app.log is already loaded, so not read twice: remove it to read again.');
    expect(skippedNotice(['logs/a.log', 'b.log', 'c.log', 'd.log', 'e.log'])).toBe(
      'logs/a.log, b.log, c.log and 2 more are already loaded, so not read twice: remove them to read again.',
    );
  });
});

describe('joinNotices', () => {
  it.each([
    [[null, null], null],
    [['logs/: 2 files read.', null], 'logs/: 2 files read.'],
    [['logs/: 2 files read.', 'a.log is already loaded.'], 'logs/: 2 files read. a.log is already loaded.'],
  ] as const)('%j -> %j', (notices, expected) => {
    expect(joinNotices(...notices)).toBe(expected);
  });
});
