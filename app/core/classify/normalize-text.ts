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
  /** Valid until the next normalizeText call (a view of a reused buffer). */
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
  // The output is never longer than the input: typed arrays sized once, no per-character push.
  ensureScratch(input.length);
  const out = scratchCodes;
  const origin = scratchOrigin;
  let n = 0;
  let pendingSpace = -1;
  let prevWide = true;
  let surrogates = false;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code > 32 && code < 127) {
      // Printable ASCII, the bulk of most messages: the general steps below reduced to what applies.
      if (pendingSpace >= 0 && !prevWide) {
        out[n] = 32;
        origin[n++] = pendingSpace;
      }
      pendingSpace = -1;
      prevWide = false;
      if (code === 96) continue;
      out[n] = code >= 65 && code <= 90 ? code + 32 : code;
      origin[n++] = i;
      continue;
    }
    if (isSpace(code)) {
      if (n > 0 && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    const wide = isWide(code);
    if (pendingSpace >= 0 && !prevWide && !wide) {
      out[n] = 32;
      origin[n++] = pendingSpace;
    }
    pendingSpace = -1;
    prevWide = wide;
    const mapped = mapCode(code);
    if (mapped === 0) continue;
    out[n] = mapped;
    origin[n++] = i;
    if (mapped >= 0xd800 && mapped <= 0xdfff) surrogates = true;
  }
  return { text: surrogates || !LITTLE_ENDIAN ? fromCodes(out, n) : UTF16.decode(out.subarray(0, n)), origin: origin.subarray(0, n) };
}

/**
 * Decodes the scratch codes in one native call (fromCharCode.apply on a typed array is 3× slower).
 * Exact without surrogates: UTF-16LE decoding maps every other unit to itself (BOM kept by ignoreBOM);
 * a lone surrogate would become U+FFFD, so a text with any surrogate takes fromCodes.
 */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
/** The typed array holds units in platform byte order; the decoder reads little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Reused buffers: allocating typed arrays per call cost more than the loop. The codes are copied into
 * the returned string; `origin` is a view of the scratch buffer, so it is valid until the next call
 * (every caller reads it before normalising again: matching is synchronous and never re-entered).
 */
let scratchCodes = new Uint16Array(1024);
let scratchOrigin = new Int32Array(1024);

function ensureScratch(length: number): void {
  if (scratchCodes.length >= length) return;
  const size = Math.max(length, scratchCodes.length * 2);
  scratchCodes = new Uint16Array(size);
  scratchOrigin = new Int32Array(size);
}

const CHUNK = 8192;

function fromCodes(codes: Uint16Array, length: number): string {
  if (length <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
  let text = '';
  for (let start = 0; start < length; start += CHUNK) {
    text += String.fromCharCode.apply(null, codes.subarray(start, Math.min(length, start + CHUNK)) as unknown as number[]);
  }
  return text;
}

/** Literal weight of template text: a CJK character says about as much as three Latin ones. */
export function literalWeight(text: string): number {
  let weight = 0;
  for (let i = 0; i < text.length; i++) weight += isWide(text.charCodeAt(i)) ? 3 : 1;
  return weight;
}
