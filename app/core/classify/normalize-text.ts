/**
 * The form in which messages are compared with catalog templates: ASCII letters lowercased, fullwidth
 * punctuation mapped to ASCII, whitespace runs collapsed to one space and dropped next to CJK characters
 * (`5 小时的` and `5小时的` compare equal). Zero-width characters are kept, so `Usa\u200Bge` never matches.
 * One pass, linear; `origin[i]` is the index in the input of output character i.
 */

const PUNCTUATION: ReadonlyMap<string, string> = new Map([
  ['，', ','], ['。', '.'], ['：', ':'], ['；', ';'], ['（', '('], ['）', ')'], ['！', '!'], ['？', '?'], ['、', ','],
  ['“', '"'], ['”', '"'], ['‘', "'"], ['’', "'"], ['【', '['], ['】', ']'], ['`', ''],
]);

export interface NormalizedText {
  readonly text: string;
  readonly origin: readonly number[];
}

/** isWide('小') -> true: CJK ideographs, kana, hangul, CJK and fullwidth punctuation. */
export function isWide(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xffef);
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000;
}

/** normalizeText('已达到 5 小时 的使用上限。') -> { text: '已达到5小时的使用上限.', ... } */
export function normalizeText(input: string): NormalizedText {
  const out: string[] = [];
  const origin: number[] = [];
  let pendingSpace = -1;
  let prevWide = true;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (isSpace(code)) {
      if (out.length > 0 && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    const wide = isWide(code);
    if (pendingSpace >= 0 && !prevWide && !wide) {
      out.push(' ');
      origin.push(pendingSpace);
    }
    pendingSpace = -1;
    prevWide = wide;
    const ch = input[i] ?? '';
    const mapped = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : (PUNCTUATION.get(ch) ?? ch);
    if (mapped === '') continue;
    out.push(mapped);
    origin.push(i);
  }
  return { text: out.join(''), origin };
}

/** Literal weight of template text: a CJK character says about as much as three Latin ones. */
export function literalWeight(text: string): number {
  let weight = 0;
  for (let i = 0; i < text.length; i++) weight += isWide(text.charCodeAt(i)) ? 3 : 1;
  return weight;
}
