import { describe, expect, it } from 'vitest';
import { sourcesNotLoaded, withSourceIds } from './source-names';
import { DEFAULT_VIEW } from './view-state';

const loaded = [
  { id: 2, name: 'claude-session.jsonl' },
  { id: 3, name: 'mixed.log' },
  { id: 4, name: 'app.log' },
  { id: 5, name: 'app.log' },
];
const view = (sources: string[]) => ({ ...DEFAULT_VIEW, sources });

describe('withSourceIds', () => {
  it('reads a link by the names of its sources, whatever order the files were loaded in', () => {
    expect(withSourceIds(view(['mixed.log']), loaded).sources).toEqual(['3']);
    expect(withSourceIds(view(['mixed.log']), [{ id: 7, name: 'mixed.log' }, { id: 8, name: 'claude-session.jsonl' }]).sources).toEqual(['7']);
  });

  it('means every source of a name', () => expect(withSourceIds(view(['app.log']), loaded).sources).toEqual(['4', '5']));

  it('reads a number as a name: a link that numbered its sources by load order names none loaded', () => {
    expect(withSourceIds(view(['3']), loaded).sources).toEqual(['none']);
    expect(sourcesNotLoaded(view(['3']), loaded)).toEqual(['3']);
    expect(withSourceIds(view(['3']), [...loaded, { id: 9, name: '3' }]).sources).toEqual(['9']);
  });

  it('shows no event for a source not loaded, not every event', () => {
    expect(withSourceIds(view(['gone.log']), loaded).sources).toEqual(['none']);
    expect(sourcesNotLoaded(view(['gone.log', 'mixed.log']), loaded)).toEqual(['gone.log']);
  });

  it('leaves a view of all sources as it is', () => {
    const all = view([]);
    expect(withSourceIds(all, loaded)).toBe(all);
  });
});
