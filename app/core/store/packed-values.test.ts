import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packStrings, unpackStrings } from './packed-values';

// Any UTF-16 text, NUL and lone surrogates included: messages come from logs.
const text = fc.string({ unit: 'binary', maxLength: 30 });

describe('packed values', () => {
  it('give back every string as it was, in order', () => {
    expect(unpackStrings(packStrings(['', 'ab', '\u0000', 'c']))).toEqual(['', 'ab', '\u0000', 'c']);
    fc.assert(
      fc.property(fc.array(text, { maxLength: 50 }), (values) => {
        expect(unpackStrings(packStrings(values))).toEqual(values);
      }),
    );
  });

  it('survive a structured clone (as between workers)', () => {
    const values = ['', 'Usage limit reached for 5 hour. Your limit will reset at 2026-11-23 06:00:01', '\ud800'];
    expect(unpackStrings(structuredClone(packStrings(values)))).toEqual(values);
  });
});
