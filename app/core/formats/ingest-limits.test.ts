import { describe, expect, it } from 'vitest';
import { INGEST_LIMITS, LINE_CAP_CHOICES, parseSize, sizeText } from './ingest-limits';

describe('parseSize: a size as a person writes it', () => {
  it.each([
    ['16MiB', 16 * 2 ** 20],
    ['16 MiB', 16 * 2 ** 20],
    ['64M', 64 * 2 ** 20],
    ['64mb', 64 * 2 ** 20],
    ['2KB', 2048],
    ['1.5k', 1536],
    ['1g', 2 ** 30],
    ['500000', 500_000],
    ['500000b', 500_000],
  ])('%s is %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes));

  it.each(['', 'MiB', 'sixteen', '16 MiB extra', '-4M', '1e6', '16TiB'])('%j is no size', (text) => expect(parseSize(text)).toBeNull());
});

describe('line cap choices', () => {
  it('start at the default cap and grow, each written as a whole unit', () => {
    expect(LINE_CAP_CHOICES[0]).toBe(INGEST_LIMITS.maxLineBytes);
    expect([...LINE_CAP_CHOICES].sort((a, b) => a - b)).toEqual(LINE_CAP_CHOICES);
    expect(LINE_CAP_CHOICES.map(sizeText)).toEqual(['4 MiB', '16 MiB', '64 MiB']);
  });
});
