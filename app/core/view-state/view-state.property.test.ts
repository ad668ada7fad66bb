import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, VERDICTS } from '../catalog/types';
import { LATEST_INSTANT } from './limits';
import { normalizeViewState } from './normalize-view';
import { parseViewState } from './parse-view-state';
import { RANGE_PRESETS } from './presets';
import { serializeViewState } from './serialize-view-state';
import { TIME_ZONES } from './time-zones';
import { NO_CODE, type EventOrder, type StreamRead, type ViewState } from './view-state';

const instant = fc.integer({ min: 0, max: LATEST_INSTANT - 1 });

const anyRange = fc.oneof(
  fc.constantFrom(...RANGE_PRESETS.map((p) => p.id)),
  fc.tuple(instant, instant).filter(([a, b]) => a !== b).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) })),
);

const rawView: fc.Arbitrary<ViewState> = fc.record({
  range: anyRange,
  categories: fc.subarray([...CATEGORIES]),
  codes: fc.array(fc.oneof(fc.stringMatching(/^\d{1,10}$/), fc.constant(NO_CODE)), { maxLength: 8 }),
  verdicts: fc.subarray([...VERDICTS]),
  // File and stream names: dots, spaces, commas, digits, controls, any script; not lone surrogates or edge spaces.
  sources: fc.array(
    fc
      .oneof(fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/), fc.stringMatching(/^[0-9,]{1,8}$/), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 6 }))
      .filter((name) => name === name.trim() && name !== ''),
    { maxLength: 5 },
  ),
  q: fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 40 })),
  tz: fc.constantFrom(...TIME_ZONES.map((z) => z.id)),
  stream: fc.oneof(
    fc.constant(null),
    fc.constant('demo'),
    fc.webUrl({ validSchemes: ['http', 'https', 'ws', 'wss'], withQueryParameters: true, withFragments: true }),
  ),
  // 'ws' and 'x' are what a careless caller could pass: normalisation must drop them.
  streamRead: fc.constantFrom(null, 'sse', 'ndjson', 'ws', 'x') as fc.Arbitrary<StreamRead | null>,
  resetOffsetMinutes: fc.integer({ min: -24, max: 28 }).map((halfHours) => halfHours * 30),
  order: fc.constantFrom('oldest', 'newest', 'x') as fc.Arbitrary<EventOrder>,
});

/** Valid views are canonical ones: whatever the UI builds, normalised. */
const validView = rawView.map(normalizeViewState);

/** Strings that look like query strings, plus arbitrary text. */
const queryLike = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.tuple(
        fc.constantFrom('v', 'range', 'from', 'to', 'cat', 'code', 'verdict', 'src', 'q', 'tz', 'stream', 'read', '__proto__', 'x'),
        fc.oneof(fc.string(), fc.constantFrom('1', '24h', 'last-1h', '1308,abc', 'utc+8', '%', '%E0%A4%A', 'demo', 'https://u:p@h/x', '2026-03-01T08:00:00Z')),
      ),
      { maxLength: 12 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
);

describe('view-state codec properties', () => {
  it('parse(serialize(s)) equals s for valid views, with nothing dropped', () => {
    fc.assert(
      fc.property(validView, (view) => {
        expect(parseViewState(serializeViewState(view))).toEqual({ view, dropped: [], heldSecrets: false });
      }),
      { numRuns: 500 },
    );
  });

  it('serialize(parse(q)) is a fixed point for any string', () => {
    fc.assert(
      fc.property(queryLike, (search) => {
        const once = serializeViewState(parseViewState(search).view);
        const again = parseViewState(once);
        expect(again.dropped).toEqual([]);
        expect(serializeViewState(again.view)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('parse never throws and always returns a canonical view', () => {
    fc.assert(
      fc.property(queryLike, (search) => {
        const { view } = parseViewState(search);
        expect(normalizeViewState(view)).toEqual(view);
      }),
      { numRuns: 1000 },
    );
  });
});
