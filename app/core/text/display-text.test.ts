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
    // D8: every bidi control, not only the override: isolates, marks, the Arabic letter mark.
    ['a\u2066b\u2067c\u2068d\u2069e', 'a⟨U+2066⟩b⟨U+2067⟩c⟨U+2068⟩d⟨U+2069⟩e'],
    ['a\u200Eb\u200Fc\u061Cd\u202Ae\u202Bf\u202Cg\u202Dh', 'a⟨U+200E⟩b⟨U+200F⟩c⟨U+061C⟩d⟨U+202A⟩e⟨U+202B⟩f⟨U+202C⟩g⟨U+202D⟩h'],
    // D9: a zero-width no-break space inside a code; D10: an OSC title sequence and C1 controls.
    ['13\uFEFF08', '13⟨U+FEFF⟩08'],
    ['\u001B]0;owned\u0007x', '␛]0;owned⟨U+0007⟩x'],
    ['a\u0085b\u009Bc', 'a⟨U+0085⟩b⟨U+009B⟩c'],
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

  it.each([
    ['a\nb\n', 'a\nb\n'],
    // A Windows log's CRLF ends a line like LF: no mark on every line.
    ['a\r\nb\r\n', 'a\nb\n'],
    // A lone CR ends a line too, as the reader splits there; it is shown, being unusual.
    ['a\rb', 'a␍\nb'],
    ['a\r\r\nb', 'a␍\n\nb'],
    // A record of a file with CR line ends ends with its CR: shown, with no empty line after it.
    ['a\rb\r', 'a␍\nb␍'],
    ['\u001B[31mred\r\n', '␛[31mred\n'],
  ])('several lines: %j -> %j', (input, expected) => {
    expect(makeControlsVisible(input, true)).toBe(expected);
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
