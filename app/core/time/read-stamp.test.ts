import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readStamp } from './read-stamp';

describe('readStamp', () => {
  it('reads the common `YYYY-MM-DD HH:mm:ss` stamp as its pattern reads it', () => {
    expect(readStamp('2026-09-06 09:04:58')).toEqual({ civil: { year: 2026, month: 9, day: 6, hour: 9, minute: 4, second: 58, millisecond: 0 }, offsetMinutes: null, dateOnly: false });
    // Any 19 characters of a stamp's alphabet: the digit-by-digit reading (19 characters) agrees with the
    // pattern, which reads the same text with a leading space (trimmed, 20 characters).
    const char = fc.constantFrom(...'0123456789-: Tt/x+Z');
    const nearStamp = fc.oneof(
      fc.array(char, { minLength: 19, maxLength: 19 }).map((cs) => cs.join('')),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(' ', 'T', 't', '_'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
        .map(([y, mo, d, sep, h, mi, s]) => `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}${sep}${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(nearStamp, (raw) => {
        expect(readStamp(raw)).toEqual(readStamp(` ${raw}`));
      }),
      { numRuns: 2000 },
    );
  });
});
