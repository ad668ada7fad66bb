/**
 * Make untrusted text safe to show as one line: control, bidi and zero-width characters become visible
 * escapes, and long text is cut at a grapheme boundary.
 * Example: toDisplayText('a\u202Eb\nc', 10).shown === 'a⟨U+202E⟩b⏎c'
 */
export function toDisplayText(text: string, max: number, keepNewlines = false): { shown: string; truncated: boolean } {
  const visible = makeControlsVisible(text.length > max * 8 ? text.slice(0, max * 8) : text, keepNewlines);
  // A text has no more graphemes than UTF-16 units: a short one is not segmented.
  if (visible.length <= max) return { shown: visible, truncated: text.length > max * 8 };
  const graphemes = splitGraphemes(visible, max + 1);
  if (graphemes.length <= max) return { shown: visible, truncated: text.length > max * 8 };
  return { shown: graphemes.slice(0, max).join(''), truncated: true };
}

// Bidi controls, zero-width spaces (but not the joiners U+200C/U+200D that emoji and scripts need), BOM, C0/C1 controls (except tab) and line breaks.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;

/** Half of a surrogate pair alone (a log's `"\ud800"` escape): not a character, shown as U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * One line: every line break is a visible mark. Several lines (keepNewlines, a raw record): a line ends as the
 * reader ends it, at LF, CRLF or a lone CR, and a CR is shown only where it alone ends a line: every line of a
 * Windows log marked with ␍ was noise, and a font without the mark drew it as a box.
 */
export function makeControlsVisible(text: string, keepNewlines = false): string {
  return (keepNewlines ? text.replace(/\r\n/g, '\n') : text).replace(LONE_SURROGATE, '\uFFFD').replace(INVISIBLE, (ch, at: number, whole: string) => {
    if (ch === '\n') return keepNewlines ? '\n' : '⏎';
    // The CR that ends the last line ends the text: no empty line after it.
    if (ch === '\r') return keepNewlines && at < whole.length - 1 ? '␍\n' : '␍';
    if (ch === '\u001B') return '␛';
    return `⟨U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`;
  });
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

function splitGraphemes(text: string, limit: number): string[] {
  if (!segmenter) return Array.from(text).slice(0, limit);
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    out.push(segment);
    if (out.length >= limit) break;
  }
  return out;
}
