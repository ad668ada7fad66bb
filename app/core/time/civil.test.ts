import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isWallClockText, wallClockText } from './civil';

const AT = Date.parse('2026-08-31T10:19:41Z');

describe('wall-clock texts', () => {
  it('write an instant as its wall time at an offset', () => {
    expect(wallClockText(AT, 480)).toBe('2026-08-31 18:19:41');
    expect(wallClockText(AT, -300)).toBe('2026-08-31 05:19:41');
  });

  it.each([
    ['2026-08-31 18:19:41', AT, 480, true],
    ['2026-08-31 18:19:41', AT, 0, false],
    ['2026-08-31 18:19:42', AT, 480, false],
    ['2026-08-31T18:19:41', AT, 480, false],
    ['2026-8-31 18:19:41 ', AT, 480, false],
    ['2026-08-31 18:19:4x', AT, 480, false],
    ['2025-02-29 00:00:00', Date.parse('2025-03-01T00:00:00Z'), 0, false],
    ['2024-02-29 00:00:00', Date.parse('2024-02-29T00:00:00Z'), 0, true],
    ['2026-08-31 24:00:00', Date.parse('2026-09-01T00:00:00Z'), 0, false],
  ])('tell %s at %d%+d min: %s', (text, at, offset, expected) => {
    expect(isWallClockText(text, at, offset)).toBe(expected);
  });

  it('recognise what wallClockText writes, and only at its own instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000, max: 253_000_000_000 }), fc.integer({ min: -840, max: 840 }), fc.integer({ min: 1, max: 86_400_000 }), (seconds, offset, shift) => {
        const at = seconds * 1000;
        const text = wallClockText(at, offset);
        expect(isWallClockText(text, at, offset)).toBe(true);
        expect(isWallClockText(text, at + shift, offset)).toBe(false);
      }),
    );
  });
});
