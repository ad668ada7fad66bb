import { describe, expect, it } from 'vitest';
import { fileKeyOf, withoutLoadedFiles } from './file-identity';

const file = (name: string, size = 10, lastModified = 1000) => ({ name, size, lastModified });

describe('withoutLoadedFiles', () => {
  it('leaves out a file already among the sources, and reads the others', () => {
    const sources = [{ fileKey: fileKeyOf(file('app.log')) }, {}];
    const result = withoutLoadedFiles([file('app.log'), file('other.log')], sources);
    expect(result.files).toEqual([file('other.log')]);
    expect(result.skipped).toEqual(['app.log']);
  });

  it('reads a file of the same name that changed since: it is another file', () => {
    const sources = [{ fileKey: fileKeyOf(file('app.log')) }];
    expect(withoutLoadedFiles([file('app.log', 12), file('app.log', 10, 2000)], sources).skipped).toEqual([]);
  });

  it('reads a file given twice in one drop once', () => {
    expect(withoutLoadedFiles([file('a.log'), file('a.log')], [])).toEqual({ files: [file('a.log')], skipped: ['a.log'] });
  });
});
