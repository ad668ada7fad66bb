import { describe, expect, it } from 'vitest';
import { carriesFiles, filesOfDrop, skippedNotice } from './dropped-files';

const file = (name: string) => new File(['x'], name);
const entry = (isDirectory: boolean) => ({ webkitGetAsEntry: () => ({ isDirectory }) });

describe('carriesFiles', () => {
  it('is true for a drag of files only', () => {
    expect(carriesFiles({ types: ['Files'] })).toBe(true);
    expect(carriesFiles({ types: ['text/plain', 'text/html'] })).toBe(false);
    expect(carriesFiles({ types: ['text/uri-list'] })).toBe(false);
    expect(carriesFiles(null)).toBe(false);
  });
});

describe('filesOfDrop', () => {
  it('keeps the files and counts the folders left out', () => {
    const [a, dir, b] = [file('a.log'), file('logs'), file('b.log.gz')];
    expect(filesOfDrop({ types: ['Files'], files: [a, dir, b], items: [entry(false), entry(true), entry(false)] })).toEqual({ files: [a, b], folders: 1 });
  });

  it('takes every file where the browser cannot tell folders apart', () => {
    const [a, b] = [file('a.log'), file('b.log')];
    expect(filesOfDrop({ types: ['Files'], files: [a, b] })).toEqual({ files: [a, b], folders: 0 });
    expect(filesOfDrop({ types: ['Files'], files: [a], items: [{}] })).toEqual({ files: [a], folders: 0 });
  });
});

describe('skippedNotice', () => {
  it('says nothing when every file was read', () => {
    expect(skippedNotice(0, [])).toBeNull();
  });

  it('says how many folders were left out and what to drop instead', () => {
    expect(skippedNotice(1, [])).toBe('1 folder skipped: drop the log files themselves.');
    expect(skippedNotice(3, [])).toBe('3 folders skipped: drop the log files themselves.');
  });

  it('names the files already loaded, a few of them, and how to read them again', () => {
    expect(skippedNotice(0, ['app.log'])).toBe('app.log is already loaded, so not read twice: remove it to read again.');
    expect(skippedNotice(1, ['a.log', 'b.log', 'c.log', 'd.log', 'e.log'])).toBe(
      '1 folder skipped: drop the log files themselves. a.log, b.log, c.log and 2 more are already loaded, so not read twice: remove them to read again.',
    );
  });
});
