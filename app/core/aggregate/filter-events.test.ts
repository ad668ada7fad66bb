import { describe, expect, it } from 'vitest';
import type { ViewState } from '../view-state/view-state';
import { filterEvents } from './filter-events';
import { storeOf, viewOf, type TestRow } from './test-store';

const T = Date.UTC(2026, 2, 1, 8);
const H = 3_600_000;
const NOW = T + 10 * H;

// index: 0..7
const ROWS: TestRow[] = [
  [T + 3 * H, '1308', { message: 'Usage limit reached', requestId: 'req-AAA' }, 1],
  [T, '1302', { message: 'High concurrency' }, 1],
  [null, '1310', { message: 'Weekly limit' }, 2],
  [T + H, null, { message: 'Upstream failed' }, 2],
  [T + 2 * H, '9999', { message: 'Something new' }, 3],
  [T + 9 * H, '1001', { message: 'Invalid API key', requestId: 'req-bbb' }, 1],
  [T + H, '1302', { message: 'High concurrency' }, 3],
  [T - 48 * H, '500', { message: '__proto__' }, 1],
];

describe('filterEvents', () => {
  const store = storeOf(ROWS);
  const ctx = { now: NOW };

  it.each<[string, Partial<ViewState>, number[]]>([
    ['everything, time order, undated last', {}, [7, 1, 3, 6, 4, 0, 5, 2]],
    ['category', { categories: ['api-policy-block'] }, [1, 6, 0, 2]],
    ['two categories', { categories: ['authentication', 'basic'] }, [7, 5]],
    ['code', { codes: ['1302'] }, [1, 6]],
    ['no code', { codes: ['none'] }, [3]],
    ['code absent from the data', { codes: ['4242'] }, []],
    ['verdict', { verdicts: ['wait-for-reset'] }, [0, 2]],
    ['source', { sources: ['2'] }, [3, 2]],
    ['source written differently never matches', { sources: ['02'] }, []],
    ['text in message, case-insensitive', { q: 'CONCURRENCY' }, [1, 6]],
    ['text in request id', { q: 'req-b' }, [5]],
    ['text in code', { q: '999' }, [4]],
    ['text that is a prototype name', { q: '__proto__' }, [7]],
    ['category AND source', { categories: ['api-policy-block'], sources: ['3'] }, [6]],
    ['code AND text', { codes: ['1302', '1308'], q: 'usage' }, [0]],
    ['preset relative to now drops undated and older', { range: '24h' }, [1, 3, 6, 4, 0, 5]],
    ['short preset relative to now', { range: '6h' }, [5]],
    ['preset relative to the latest event', { range: 'last-1h' }, [5]],
    ['absolute range is half-open', { range: { from: T + H, to: T + 3 * H } }, [3, 6, 4]],
    ['range AND code', { range: { from: T, to: T + 2 * H }, codes: ['1302'] }, [1, 6]],
  ])('%s', (_name, patch, expected) => {
    expect([...filterEvents(store, viewOf(patch), ctx)]).toEqual(expected);
  });

  it('uses the given latestEventAt for data-relative presets', () => {
    expect([...filterEvents(store, viewOf({ range: 'last-1h' }), { now: NOW, latestEventAt: T + 30 * 60_000 })]).toEqual([1]);
  });

  it('is memoised per store version and view', () => {
    const a = filterEvents(store, viewOf({ codes: ['1302'] }), ctx);
    expect(filterEvents(store, viewOf({ codes: ['1302'] }), ctx)).toBe(a);
    expect(filterEvents(store, viewOf({ codes: ['1308'] }), ctx)).not.toBe(a);
  });

  it('handles an empty store', () => {
    expect(filterEvents(storeOf([]), viewOf({ range: 'last-24h', q: 'x' }), ctx)).toHaveLength(0);
  });
});
