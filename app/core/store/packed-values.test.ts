import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ResetInfo } from '../classify/outcome';
import { packResets, packStrings, unpackResets, unpackStrings } from './packed-values';

// Any UTF-16 text, NUL and lone surrogates included: messages come from logs.
const text = fc.string({ unit: 'binary', maxLength: 30 });
const reset: fc.Arbitrary<ResetInfo | null> = fc.option(
  fc.record({
    raw: text,
    at: fc.option(fc.integer({ min: -8.64e15, max: 8.64e15 }), { nil: null }),
    dateOnly: fc.boolean(),
    assumedOffsetMinutes: fc.option(fc.integer({ min: -840, max: 840 }), { nil: null }),
    plausible: fc.boolean(),
    implausibleReason: fc.option(fc.constantFrom('before its event', 'beyond its window', 'not a valid date'), { nil: null }),
  }),
  { nil: null },
);

describe('packed values', () => {
  it('give back every string as it was, in order', () => {
    expect(unpackStrings(packStrings(['', 'ab', '\u0000', 'c']))).toEqual(['', 'ab', '\u0000', 'c']);
    fc.assert(
      fc.property(fc.array(text, { maxLength: 50 }), (values) => {
        expect(unpackStrings(packStrings(values))).toEqual(values);
      }),
    );
  });

  it('give back every reset as it was, nulls included', () => {
    fc.assert(
      fc.property(fc.array(reset, { maxLength: 50 }), (values) => {
        expect(unpackResets(packResets(values))).toEqual(values);
      }),
    );
  });

  it('survive a structured clone (as between workers)', () => {
    const values: (ResetInfo | null)[] = [null, { raw: '2026-11-23 06:00:01', at: Date.UTC(2026, 10, 22, 22, 0, 1), dateOnly: false, assumedOffsetMinutes: 480, plausible: true, implausibleReason: null }];
    expect(unpackResets(structuredClone(packResets(values)))).toEqual(values);
  });
});
