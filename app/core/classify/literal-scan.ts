/**
 * Whether `text.toLowerCase()` contains one of a fixed set of lowercase literals, answered in one pass
 * over the text's char codes without the lowercased copy. A big alternation of words has no literal
 * prefix, so irregexp tries every alternative at every position; here a position costs a table lookup.
 *
 * Every character is reduced to one of 32 classes (ASCII letters case-folded, the other characters in a
 * few groups). Each literal is indexed under one run of four classes in it (the one of rarest letters);
 * where the last four classes of the text form an indexed run, its literals are compared in place.
 * That is exact because, outside U+0130 (İ, which lowercases to two characters and so shifts positions)
 * and U+212A (the Kelvin sign, which lowercases to `k`), lowercasing maps each code unit to one code
 * unit, and a code unit lowercases to a literal character only when it is that character or, for
 * `a`–`z`, its capital. A text holding either exception is answered on its lowercased copy. A literal
 * character with case outside ASCII (whose capitals would have to be listed) or half of a surrogate
 * pair makes the set unscannable.
 */

const CLASS_BITS = 5;
const RUN = 4;
const RUN_MASK = (1 << (RUN * CLASS_BITS)) - 1;
const DIGIT = 27;
const SPACE = 28;
const QUOTE = 29;
const PUNCTUATION = 30;
const NON_ASCII = 31;
/** Flags above the class bits: the character is a one-character literal / needs the lowercased copy. */
const SINGLE = 1 << 5;
const LOWERCASE_COPY = 1 << 6;

/** English letters from most to least frequent: a run of rarer letters is a more selective key. */
const LETTER_ORDER = 'etaoinsrhldcumfpgwybvkxjqz';

function classOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 65 && code <= 90) return code - 64;
  if (code >= 48 && code <= 57) return DIGIT;
  if (code === 32) return SPACE;
  if (code === 34 || code === 39 || code === 92) return QUOTE;
  if (code >= 128) return NON_ASCII;
  return code === 45 || code === 46 || code === 47 || code === 58 || code === 95 ? PUNCTUATION : 0;
}

/** How common a class is in ordinary log text (higher makes a worse key). */
function commonness(cls: number): number {
  if (cls >= 1 && cls <= 26) return LETTER_ORDER.length - LETTER_ORDER.indexOf(String.fromCharCode(96 + cls));
  if (cls === DIGIT) return 30;
  return cls === SPACE || cls === 0 ? 20 : 10;
}

/** A literal character compared in place: ASCII without capitals, or a character without case. */
export function isScannableChar(code: number): boolean {
  if (code < 128) return code < 65 || code > 90;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  const c = String.fromCharCode(code);
  return c.toLowerCase() === c && c.toUpperCase() === c;
}

interface Candidate {
  readonly literal: string;
  /** Distance from the last character of the key run back to the literal's first character. */
  readonly back: number;
}

interface ScanTables {
  readonly flags: Uint8Array;
  /** One bit per run of four classes: some literal is indexed under it. */
  readonly keyed: Uint32Array;
  readonly candidates: ReadonlyMap<number, readonly Candidate[]>;
  readonly literals: readonly string[];
}

/**
 * The runs of four classes a literal is found under: its rarest run, or for a literal shorter than
 * four, every run ending with it (any classes before it; the start of the text reads as class 0).
 */
function keysOf(literal: string): { runs: number[]; back: number } {
  const classes = [...literal].map((_, i) => classOf(literal.charCodeAt(i)));
  const runOf = (cs: readonly number[]): number => cs.reduce((run, c) => (run << CLASS_BITS) | c, 0);
  if (classes.length < RUN) {
    const missing = RUN - classes.length;
    const tail = runOf(classes);
    const runs = Array.from({ length: 1 << (missing * CLASS_BITS) }, (_, before) => (before << (classes.length * CLASS_BITS)) | tail);
    return { runs, back: classes.length - 1 };
  }
  let best = 0;
  let bestCost = Infinity;
  for (let at = 0; at + RUN <= classes.length; at++) {
    const cost = classes.slice(at, at + RUN).reduce((sum, c) => sum + commonness(c), 0);
    if (cost < bestCost) [best, bestCost] = [at, cost];
  }
  return { runs: [runOf(classes.slice(best, best + RUN))], back: best + RUN - 1 };
}

/** Class and flags of every code unit before any one-character literal is marked; copied per scanner. */
let baseFlags: Uint8Array | null = null;

function buildTables(literals: readonly string[]): ScanTables {
  if (baseFlags === null) {
    // Every code unit from 128 up is of one class: filled at once rather than by a loop over all 65,536, which
    // each reader (every thread or worker) runs at start-up.
    baseFlags = new Uint8Array(65536).fill(NON_ASCII, 128);
    for (let code = 0; code < 128; code++) baseFlags[code] = classOf(code);
    setBits(baseFlags, 0x130, LOWERCASE_COPY);
    setBits(baseFlags, 0x212a, LOWERCASE_COPY);
  }
  const flags = baseFlags.slice();
  const keyed = new Uint32Array((RUN_MASK + 1) / 32);
  const candidates = new Map<number, Candidate[]>();
  for (const literal of new Set(literals)) {
    if (literal.length === 1) {
      const code = literal.charCodeAt(0);
      setBits(flags, code, SINGLE);
      if (code >= 97 && code <= 122) setBits(flags, code - 32, SINGLE);
      continue;
    }
    const { runs, back } = keysOf(literal);
    for (const run of runs) {
      setBits(keyed, run >>> 5, 1 << (run & 31));
      candidates.set(run, [...(candidates.get(run) ?? []), { literal, back }]);
    }
  }
  return { flags, keyed, candidates, literals };
}

function setBits(table: Uint8Array | Uint32Array, at: number, bits: number): void {
  table[at] = (table[at] as number) | bits;
}

/**
 * createLiteralScanner(['error', 'zai'])?.('Upstream ERROR') -> true. Null when some literal is not
 * scannable (see above): the caller then lowercases and searches.
 */
export function createLiteralScanner(literals: readonly string[]): ((text: string) => boolean) | null {
  if (!literals.every((l) => [...l].every((_, i) => isScannableChar(l.charCodeAt(i))))) return null;
  if (literals.includes('')) return () => true;
  const tables = buildTables(literals);
  return (text: string): boolean => scan(tables, text);
}

// The tables are a parameter and the comparison is written out: with a call in the loop, or tables
// read from a closure, V8 reloads them at every character, which doubles the time of a scan.
function scan(tables: ScanTables, text: string): boolean {
  const { flags, keyed } = tables;
  const n = text.length;
  let run = 0;
  for (let i = 0; i < n; i++) {
    const f = flags[text.charCodeAt(i)] as number;
    if (f > NON_ASCII) {
      if ((f & SINGLE) !== 0) return true;
      if ((f & LOWERCASE_COPY) !== 0) return scanLowercased(tables, text);
    }
    run = ((run << CLASS_BITS) | (f & NON_ASCII)) & RUN_MASK;
    if (((keyed[run >>> 5] as number) & (1 << (run & 31))) === 0) continue;
    for (const { literal, back } of tables.candidates.get(run) ?? []) {
      const start = i - back;
      if (start < 0 || start + literal.length > n) continue;
      let j = 0;
      for (; j < literal.length; j++) {
        const l = literal.charCodeAt(j);
        const t = text.charCodeAt(start + j);
        if (t !== l && (t !== l - 32 || l < 97 || l > 122)) break;
      }
      if (j === literal.length) return true;
    }
  }
  return false;
}

function scanLowercased(tables: ScanTables, text: string): boolean {
  const lower = text.toLowerCase();
  return tables.literals.some((l) => lower.includes(l));
}
