import { describe, expect, it } from 'vitest';
import { carriesFiles, filesOfDrop } from './dropped-files';

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
