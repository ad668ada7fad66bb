import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLiteralScanner, isScannableChar } from './literal-scan';
import { TRIGGER_LITERALS } from './pre-check';

const reference = (literals: readonly string[]) => (text: string) => {
  const lower = text.toLowerCase();
  return literals.some((l) => lower.includes(l));
};

/** Pieces that exercise case, the two exceptions, CJK, surrogates and partial overlaps. */
const PIECES = ['a', 'B', 'K', '\u212A', '\u0130', 'i', 'İ', ' ', '[', '"', '“', '’', '\\', '内', '\uD83D', '\uDE00', 'Σ', 'ς', 'σ', '\n',
  'err', 'ERROR', 'eRRoR', 'api', 'APİ', 'zai', 'ZaI', 'code', 'CODE"', 'type\\', 'status', 'Stat', 'us', 'request id', 'REQUEST  ID', 'ab', 'AB', 'xyz'];
const textArb = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 }), fc.string({ maxLength: 3, unit: 'binary' })), { maxLength: 12 }).map((p) => p.join(''));

describe('createLiteralScanner', () => {
  it('answers as lowercasing and searching does', () => {
    const sets = [TRIGGER_LITERALS, ['ab', 'xyz', 'k', '内', 'code"'], ['error', 'erro', 'rror'], ['a'], ['zai', 'us']];
    for (const literals of sets) {
      const scan = createLiteralScanner(literals);
      const expected = reference(literals);
      expect(scan).not.toBeNull();
      fc.assert(fc.property(textArb, (text) => {
        expect(scan?.(text)).toBe(expected(text));
      }), { numRuns: 3000 });
    }
  });

  it('finds literals of every length at the start, the end and across case', () => {
    const scan = createLiteralScanner(['x', 'ab', 'zai', 'status', 'request id']);
    for (const text of ['X', 'ab', '..AB', 'ZAI', 'Zai!', 'upstream_STATUS', 'the Request id', 'İx']) expect(scan?.(text)).toBe(true);
    for (const text of ['', 'a b', 'za i', 'statu s', 'request  id', 'İ', 'requestid']) expect(scan?.(text)).toBe(false);
  });

  it('leaves a set with a literal it cannot compare in place to the caller', () => {
    for (const literal of ['É', 'é', 'A', 'σ', '\uD83D', 'k\u212A']) expect(createLiteralScanner(['ok', literal])).toBeNull();
    expect(createLiteralScanner(['ok', ''])?.('anything')).toBe(true);
  });

  // The scanner compares code units in place; that is exact only if lowercasing keeps every position and
  // turns a code unit into a scannable character only from itself or from its ASCII capital.
  it('relies on what lowercasing does to each code unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      if (code === 0x130 || code === 0x212a) continue;
      const c = String.fromCharCode(code);
      const lower = c.toLowerCase();
      const fromCapital = code >= 65 && code <= 90 && lower.charCodeAt(0) === code + 32;
      expect(lower.length, `U+${code.toString(16)}`).toBe(1);
      if (lower !== c && !fromCapital) expect(isScannableChar(lower.charCodeAt(0)), `U+${code.toString(16)}`).toBe(false);
    }
    for (let cp = 0x10000; cp < 0x110000; cp += 1) {
      const pair = String.fromCodePoint(cp);
      const lower = pair.toLowerCase();
      if (lower !== pair) expect(lower.length).toBe(2);
    }
    expect('ΑΣ'.toLowerCase().length).toBe(2);
  });
});
