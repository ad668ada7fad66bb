import { describe, expect, it } from 'vitest';
import { makeControlsVisible, toDisplayText } from './display-text';

describe('makeControlsVisible', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a\nb', 'a⏎b'],
    ['a\r\nb', 'a␍⏎b'],
    ['\u001B[31mred', '␛[31mred'],
    ['report\u202Etxt.gz', 'report⟨U+202E⟩txt.gz'],
    ['13\u200B08', '13⟨U+200B⟩08'],
    ['tab\tkept', 'tab\tkept'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['中文 emoji 👩‍👩‍👧', '中文 emoji 👩‍👩‍👧'],
    // B12: a lone surrogate (JSON's "\ud800", valid JSON but no character) shows as U+FFFD; pairs stay.
    ['Usage \ud800 limit', 'Usage \uFFFD limit'],
    ['end \udc00', 'end \uFFFD'],
    ['\udc00\ud800', '\uFFFD\uFFFD'],
    ['pair \ud83d\ude00', 'pair 😀'],
  ])('%j -> %j', (input, expected) => {
    expect(makeControlsVisible(input)).toBe(expected);
  });
});

describe('toDisplayText', () => {
  it('keeps short text whole', () => {
    expect(toDisplayText('hello', 10)).toEqual({ shown: 'hello', truncated: false });
  });
  it('cuts long text at a grapheme boundary, never inside an emoji sequence', () => {
    const family = '👩‍👩‍👧';
    const { shown, truncated } = toDisplayText(family.repeat(5), 2);
    expect(truncated).toBe(true);
    expect(shown).toBe(family + family);
  });
  it('never leaves half a character, where a cut falls inside a pair or the text holds a lone one', () => {
    const { shown } = toDisplayText(`${'😀'.repeat(30)}\ud800`, 5);
    expect(shown).toBe('😀'.repeat(5));
    expect(toDisplayText('a\ud800', 5).shown).toBe('a\uFFFD');
  });

  it('bounds work on a megabyte line', () => {
    const { shown, truncated } = toDisplayText('x'.repeat(1_000_000), 100);
    expect(truncated).toBe(true);
    expect(shown.length).toBe(100);
  });
});

describe('multi-line display', () => {
  it('keeps line breaks when asked, still showing other controls', () => {
    expect(makeControlsVisible('HTTP/1.1 429\n\u202Ebody', true)).toBe('HTTP/1.1 429\n⟨U+202E⟩body');
  });
});
