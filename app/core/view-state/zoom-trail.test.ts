import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextZoomTrail, readZoomTrail, toZoomState, type ZoomTrail } from './zoom-trail';

const ALL = '';
const DAY = 'v=1&from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z';
const HOUR = 'v=1&from=2026-11-24T22:00:00Z&to=2026-11-24T23:00:00Z';

describe('nextZoomTrail', () => {
  it.each<[string, ZoomTrail | null, string, ZoomTrail]>([
    ['the first zoom of all data: Back and the origin are all data', null, ALL, { back: ALL, origin: ALL, depth: 1 }],
    ['the query string is kept without its ?', null, `?${DAY}`, { back: DAY, origin: DAY, depth: 1 }],
    ['a zoom from a zoom: Back is the day, the origin still all data', { back: ALL, origin: ALL, depth: 1 }, DAY, { back: DAY, origin: ALL, depth: 2 }],
    ['a third one', { back: DAY, origin: ALL, depth: 2 }, `?${HOUR}`, { back: HOUR, origin: ALL, depth: 3 }],
  ])('%s', (_name, current, search, next) => {
    expect(nextZoomTrail(current, search)).toEqual(next);
  });
});

describe('readZoomTrail (never trusts what history.state holds)', () => {
  const trail = { back: DAY, origin: ALL, depth: 2 };
  it.each<[string, unknown, ZoomTrail | null]>([
    ['a trail this page wrote', toZoomState(trail), trail],
    ['no state (an entry pushed by a filter, a link opened afresh)', null, null],
    ['another kind of state', { scrollY: 300 }, null],
    ['a string', 'quotalensZoom', null],
    ['an inherited key', Object.create(toZoomState(trail)), null],
    ['no depth', { quotalensZoom: { back: DAY, origin: ALL } }, null],
    ['a depth of 0', { quotalensZoom: { ...trail, depth: 0 } }, null],
    ['a fractional depth', { quotalensZoom: { ...trail, depth: 1.5 } }, null],
    ['a depth beyond any run of zooms', { quotalensZoom: { ...trail, depth: 1e9 } }, null],
    ['a query string that is not a string', { quotalensZoom: { ...trail, back: 1 } }, null],
    ['a query string written with its ?', { quotalensZoom: { ...trail, back: `?${DAY}` } }, trail],
  ])('%s', (_name, state, read) => {
    expect(readZoomTrail(state)).toEqual(read);
  });

  it('reads back every trail it writes, through the structured clone history.state is kept as', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.startsWith('?')), fc.string().filter((s) => !s.startsWith('?')), fc.integer({ min: 1, max: 1000 }), (back, origin, depth) => {
        const written = { back, origin, depth };
        expect(readZoomTrail(structuredClone(toZoomState(written)))).toEqual(written);
      }),
    );
  });
});
