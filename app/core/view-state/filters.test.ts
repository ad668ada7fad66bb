import { describe, expect, it } from 'vitest';
import { clearFilters, hasFilters, resetsScope, resetsWiderThanView } from './filters';
import { DEFAULT_VIEW } from './view-state';

describe('clearFilters', () => {
  const view = { ...DEFAULT_VIEW, range: '24h' as const, codes: ['1302'], categories: ['api-call' as const], verdicts: [], sources: ['a.log'], q: 'limit' };

  it('takes every filter back to its default', () => {
    const cleared = clearFilters(view);
    expect(cleared).toEqual(DEFAULT_VIEW);
    expect(hasFilters(view)).toBe(true);
    expect(hasFilters(cleared)).toBe(false);
  });

  it('keeps the connected stream, the display zone, the order and the zone of the provider\'s reset stamps', () => {
    const shown = { ...view, tz: 'utc' as const, order: 'oldest' as const, stream: 'demo', streamRead: 'sse' as const, resetOffsetMinutes: 0 };
    const cleared = clearFilters(shown);
    expect(cleared).toEqual({ ...DEFAULT_VIEW, tz: 'utc', order: 'oldest', stream: 'demo', streamRead: 'sse', resetOffsetMinutes: 0 });
    // None of them is a filter: with only them set, there is nothing to clear.
    expect(hasFilters(cleared)).toBe(false);
  });
});

describe('resetsScope', () => {
  it('takes the resets from every error of the sources chosen, whatever the range and other filters', () => {
    const view = { ...DEFAULT_VIEW, range: { from: 1, to: 2 }, codes: ['1302'], q: 'x', sources: ['a.log'], resetOffsetMinutes: 0 };
    expect(resetsScope(view)).toEqual({ ...DEFAULT_VIEW, sources: ['a.log'], resetOffsetMinutes: 0 });
    expect(resetsWiderThanView(view)).toBe(true);
    expect(resetsWiderThanView({ ...DEFAULT_VIEW, sources: ['a.log'] })).toBe(false);
    expect(resetsWiderThanView(DEFAULT_VIEW)).toBe(false);
  });
});
