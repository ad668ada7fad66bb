import { describe, expect, it } from 'vitest';
import { UploadNotices } from './upload-notices';

function recorder() {
  const shown: (string | null)[] = [];
  return { notices: new UploadNotices((notice) => shown.push(notice)), last: () => shown.at(-1) };
}

describe('UploadNotices', () => {
  it('replaces the words of a finished drop or pick with the next one', () => {
    const { notices, last } = recorder();
    notices.say('a.log is already loaded.');
    expect(last()).toBe('a.log is already loaded.');
    notices.say(null);
    expect(last()).toBeNull();
  });

  it('keeps a pick made while a folder is walked beside the walk, and both once it ends', () => {
    const { notices, last } = recorder();
    const end = notices.beginWalk('logs/');
    expect(last()).toBe('Reading logs/…');
    notices.say('b.log is already loaded.');
    expect(last()).toBe('b.log is already loaded. Reading logs/…');
    end('3 files were left out of logs/.');
    expect(last()).toBe('b.log is already loaded. 3 files were left out of logs/.');
    // No walk is left: the next pick starts afresh.
    notices.say(null);
    expect(last()).toBeNull();
  });

  it('keeps the words of walks ending in another order than they began', () => {
    const { notices, last } = recorder();
    const endFirst = notices.beginWalk('a/');
    const endSecond = notices.beginWalk('b/');
    expect(last()).toBe('Reading a/, b/…');
    endSecond('b/ said.');
    expect(last()).toBe('b/ said. Reading a/…');
    endFirst('a/ said.');
    expect(last()).toBe('b/ said. a/ said.');
    // An end given twice says nothing more.
    endFirst('a/ again.');
    expect(last()).toBe('b/ said. a/ said.');
  });
});
