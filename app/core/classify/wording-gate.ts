import { createLiteralScanner } from './literal-scan';
import { TEMPLATES, type CompiledTemplate } from './templates';

/**
 * A necessary condition for a template to match, tested on the raw text so most texts never reach
 * normalizeText. Every template gets "pieces": the maximal runs of ASCII letters of its segments and its
 * CJK ideographs. A piece of a normalised segment is also a substring of `input.toLowerCase()`, because
 * normalisation only lowercases ASCII letters, maps punctuation to ASCII punctuation, and drops
 * whitespace and backticks: it never makes a letter or an ideograph, and whitespace between two ASCII
 * letters stays a space, so a letter run is never joined. The one exception is a backtick inside a word
 * (`Rate lim`it`), so a text with a backtick is not gated. `toLowerCase` may lowercase more than ASCII
 * (the Kelvin sign becomes `k`): that only lets more texts through, never fewer. The pieces also occur
 * in the template's order, without overlapping: segments are located in order, and normalisation keeps
 * the order of what it does not drop (so `node:internal … ERROR` is no "Internal Error").
 */
interface Gate {
  readonly key: string;
  /** Every piece in the order of the template (repeats kept): the text must hold them in this order. */
  readonly sequence: readonly string[];
}

const IDEOGRAPH = /[\u3400-\u9fff]/g;
const LETTERS = /[a-z]+/g;
const PIECE = /[a-z]+|[\u3400-\u9fff]/g;
/** Ideographs frequent in ordinary Chinese log lines (已保存, 请求, 错误…): poor keys, still valid pieces. */
export const COMMON_IDEOGRAPHS = '已的是了在请您不有用到求误错时小无法';

function piecesOf(t: CompiledTemplate): string[] {
  const text = t.segments.join(' ');
  return [...new Set([...(text.match(LETTERS) ?? []), ...(text.match(IDEOGRAPH) ?? [])])];
}

/** The most selective piece: a long word, else an uncommon ideograph, else anything. */
function score(piece: string): number {
  if (/^[a-z]+$/.test(piece)) return piece.length >= 4 ? 10 + piece.length : piece.length;
  return COMMON_IDEOGRAPHS.includes(piece) ? 2 : 9;
}

function gateOf(t: CompiledTemplate): Gate {
  const pieces = piecesOf(t).sort((a, b) => score(b) - score(a));
  return { key: pieces[0] ?? '', sequence: t.segments.join(' ').match(PIECE) ?? [] };
}

const GATES: readonly Gate[] = TEMPLATES.map(gateOf);
/** Templates without any piece (punctuation only) can never be excluded. */
const UNGATED: readonly number[] = GATES.flatMap((g, i) => (g.key === '' ? [i] : []));

/** Distinct keys, longest first: at one position the regex then takes the longest key that matches there. */
const KEYS = [...new Set(GATES.map((g) => g.key).filter((k) => k !== ''))].sort((a, b) => b.length - a.length);
const KEY_PATTERN = new RegExp(KEYS.map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'g');
/** Most texts hold no key at all: answered by one scan, without lowercasing or the regex. */
const hasKey = createLiteralScanner(KEYS);
/** Templates by key; with each key, the keys that are its prefixes (they match at the same position). */
const BY_KEY: ReadonlyMap<string, readonly number[]> = new Map(
  KEYS.map((key) => [key, GATES.flatMap((g, i) => (g.key !== '' && key.startsWith(g.key) ? [i] : []))]),
);

/**
 * False when no template can match `capped` (the capped input, before normalisation), so the caller
 * skips normalisation altogether. Stops at the first template whose pieces are all present: past that
 * point the full matcher has to run anyway, and CJK texts hit many keys.
 * mayMatchWording('2026-11-20 INFO worker-3 finished job 64217') -> false
 */
export function mayMatchWording(capped: string): boolean {
  if (UNGATED.length > 0 || capped.indexOf('`') >= 0) return true;
  if (hasKey !== null && !hasKey(capped)) return false;
  const lower = capped.toLowerCase();
  KEY_PATTERN.lastIndex = 0;
  for (let m = KEY_PATTERN.exec(lower); m !== null; m = KEY_PATTERN.exec(lower)) {
    // Step one character, not past the match, so keys that overlap this one are found as well.
    KEY_PATTERN.lastIndex = m.index + 1;
    for (const i of BY_KEY.get(m[0]) ?? []) if (holdsInOrder(lower, (GATES[i] as Gate).sequence)) return true;
  }
  return false;
}

/** Leftmost occurrences, one after another: they exist in order exactly when this finds them. */
function holdsInOrder(lower: string, pieces: readonly string[]): boolean {
  let from = 0;
  for (const piece of pieces) {
    const at = lower.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}
