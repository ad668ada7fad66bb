/**
 * The form in which messages are compared with catalog templates: ASCII letters lowercased, fullwidth
 * punctuation mapped to ASCII, whitespace runs collapsed to one space and dropped next to CJK characters
 * (`5 小时的` and `5小时的` compare equal). Zero-width characters are kept, so `Usa\u200Bge` never matches.
 * One pass over char codes, linear; `origin[i]` is the index in the input of output character i.
 */

/** Fullwidth / CJK punctuation -> ASCII; 0 drops the character (backticks around placeholders). */
const PUNCTUATION: ReadonlyMap<number, number> = new Map(
  [
    ['，', ','], ['。', '.'], ['：', ':'], ['；', ';'], ['（', '('], ['）', ')'], ['！', '!'], ['？', '?'], ['、', ','],
    ['“', '"'], ['”', '"'], ['‘', "'"], ['’', "'"], ['【', '['], ['】', ']'], ['`', ''],
  ].map(([from, to]) => [(from ?? '').charCodeAt(0), to === '' ? 0 : (to ?? '').charCodeAt(0)]),
);

export interface NormalizedText {
  readonly text: string;
  readonly origin: ArrayLike<number>;
}

/** isWide('小'.charCodeAt(0)) -> true: CJK ideographs, kana, hangul, CJK and fullwidth punctuation. */
export function isWide(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xffef);
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000;
}

function mapCode(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code < 0x60 || (code > 0x60 && code < 0x2018)) return code;
  return PUNCTUATION.get(code) ?? code;
}

/** normalizeText('已达到 5 小时 的使用上限。') -> { text: '已达到5小时的使用上限.', ... } */
export function normalizeText(input: string): NormalizedText {
  const out: number[] = [];
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
      out.push(32);
      origin.push(pendingSpace);
    }
    pendingSpace = -1;
    prevWide = wide;
    const mapped = mapCode(code);
    if (mapped === 0) continue;
    out.push(mapped);
    origin.push(i);
  }
  return { text: fromCodes(out), origin };
}

const CHUNK = 8192;

function fromCodes(codes: number[]): string {
  if (codes.length <= CHUNK) return String.fromCharCode.apply(null, codes);
  let text = '';
  for (let start = 0; start < codes.length; start += CHUNK) text += String.fromCharCode.apply(null, codes.slice(start, start + CHUNK));
  return text;
}

/** Literal weight of template text: a CJK character says about as much as three Latin ones. */
export function literalWeight(text: string): number {
  let weight = 0;
  for (let i = 0; i < text.length; i++) weight += isWide(text.charCodeAt(i)) ? 3 : 1;
  return weight;
}
