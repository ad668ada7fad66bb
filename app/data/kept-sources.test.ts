import { describe, expect, it } from 'vitest';
import type { SourceStatus } from '../ingest/protocol';
import { holdsOnlyKept, keptSourceIds, leavingDemoIds } from './kept-sources';

const source = (id: number, kind: SourceStatus['kind']) => ({ id, kind }) as SourceStatus;

describe('kept sources', () => {
  it('keeps the demo while it is alone, and lets it go once a source of the user exists', () => {
    expect(keptSourceIds([source(1, 'demo')])).toEqual([1]);
    expect(leavingDemoIds([source(1, 'demo')])).toEqual([]);
    expect(keptSourceIds([source(1, 'demo'), source(2, 'file')])).toEqual([2]);
    expect(leavingDemoIds([source(1, 'demo'), source(2, 'file')])).toEqual([1]);
    expect(keptSourceIds([source(2, 'file'), source(3, 'stream'), source(4, 'paste')])).toEqual([2, 3, 4]);
  });

  it('an answer that holds a source no longer kept is outdated; one over fewer sources is not', () => {
    const kept = keptSourceIds([source(1, 'demo'), source(2, 'file'), source(3, 'file')]);
    expect(holdsOnlyKept([1], kept)).toBe(false);
    expect(holdsOnlyKept([1, 2], kept)).toBe(false);
    expect(holdsOnlyKept([2], kept)).toBe(true);
    expect(holdsOnlyKept([2, 3], kept)).toBe(true);
    expect(holdsOnlyKept([], kept)).toBe(true);
    expect(holdsOnlyKept([2, 3], keptSourceIds([source(3, 'file')]))).toBe(false);
  });
});
