import { describe, expect, it } from 'vitest';
import { graphemeBoundaryAtOrBefore } from './grapheme-boundary';

const FAMILY = '👩‍👩‍👧‍👦';

describe('graphemeBoundaryAtOrBefore', () => {
  it('cuts between ASCII characters where asked', () => {
    expect(graphemeBoundaryAtOrBefore('abcdef', 3)).toBe(3);
    expect(graphemeBoundaryAtOrBefore('abc', 0)).toBe(0);
    expect(graphemeBoundaryAtOrBefore('abc', 9)).toBe(3);
  });

  it('never inside CR LF, a surrogate pair, an emoji sequence or an accented letter', () => {
    expect(graphemeBoundaryAtOrBefore('a\r\nb', 2)).toBe(1);
    expect(graphemeBoundaryAtOrBefore('a😀b', 2)).toBe(1);
    for (let at = 3; at < 2 + FAMILY.length; at += 1) expect(graphemeBoundaryAtOrBefore(`ab${FAMILY}cd`, at)).toBe(2);
    expect(graphemeBoundaryAtOrBefore(`ab${FAMILY}cd`, 2 + FAMILY.length)).toBe(2 + FAMILY.length);
    expect(graphemeBoundaryAtOrBefore('abe\u0301\u0302x', 4)).toBe(2);
    expect(graphemeBoundaryAtOrBefore('abe\u0301\u0302x', 5)).toBe(5);
  });

  it('agrees with the segmenter at every position of a mixed text', () => {
    const text = `Zalgo Z\u0351\u0363a\u0300l\u0489 ${FAMILY} 限额 שלום مرحبا 😀\r\nok`;
    const boundaries = new Set([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.index).concat(text.length));
    for (let at = 0; at <= text.length; at += 1) {
      const cut = graphemeBoundaryAtOrBefore(text, at);
      expect(boundaries.has(cut)).toBe(true);
      expect([...boundaries].filter((b) => b > cut && b <= at)).toEqual([]);
    }
  });
});
