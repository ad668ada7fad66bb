import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUtf8LineSplitter } from './utf8-line-splitter';

const CAP = 64;
const encoder = new TextEncoder();

interface Line {
  readonly text: string;
  readonly contentBytes: number;
  readonly termBytes: number;
  readonly kind: string;
}

function split(bytes: Uint8Array, cuts: readonly number[], batchBytes = 1 << 20): Line[] {
  const lines: Line[] = [];
  const splitter = createUtf8LineSplitter({ maxLineBytes: CAP, batchBytes, onLine: (text, contentBytes, termBytes, kind) => lines.push({ text, contentBytes, termBytes, kind }) });
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    splitter.push(bytes.subarray(from, cut));
    from = cut;
  }
  splitter.finish(null);
  return lines;
}

/** What every line of LF-terminated text must come out as, whatever the chunking (an over-long line keeps only some start). */
function expected(lines: readonly string[]): Line[] {
  return lines.map((text) => {
    const contentBytes = encoder.encode(text).length;
    return contentBytes > CAP ? { text: '', contentBytes, termBytes: 1, kind: 'line_too_long' } : { text, contentBytes, termBytes: 1, kind: 'ok' };
  });
}

describe('createUtf8LineSplitter on valid UTF-8 with LF only', () => {
  it('gives each line its text and exact byte counts, ASCII or not, for any chunking', () => {
    const piece = fc.constantFrom('a', 'INFO ok', ' ', '已达到', '😀', 'é', '{"code":"1308"}', 'x'.repeat(40), '限'.repeat(30));
    const lineArb = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    const input = fc.array(lineArb, { minLength: 1, maxLength: 20 }).chain((lines) => {
      const bytes = encoder.encode(lines.map((l) => `${l}\n`).join(''));
      const cuts = fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 8 }).map((c) => [...c].sort((a, b) => a - b));
      return fc.tuple(fc.constant(lines), fc.constant(bytes), cuts);
    });
    fc.assert(fc.property(input, ([lines, bytes, cuts]) => {
      const got = split(bytes, cuts).map((l) => (l.kind === 'ok' ? l : { ...l, text: '' }));
      expect(got).toEqual(expected(lines));
    }), { numRuns: 500 });
  });
});

describe('createUtf8LineSplitter on a line over the cap', () => {
  it('keeps the start of that line as its example, not the lines after it', () => {
    for (const next of ['next line', '下一行', 'next\r']) {
      const lines = split(encoder.encode(`${'x'.repeat(70)}\n${next}\n`), []);
      expect(lines[0]).toEqual({ text: 'x'.repeat(70), contentBytes: 70, termBytes: 1, kind: 'line_too_long' });
    }
  });
});

describe('createUtf8LineSplitter with small decode batches', () => {
  it('gives the same lines as one batch, whatever the terminators, bytes and chunking', () => {
    const piece = fc.constantFrom<readonly number[]>(
      [...encoder.encode('INFO ok')], [...encoder.encode('已达到')], [...encoder.encode('😀')], [10], [13], [13, 10],
      [0], [0xff], [0xe5, 0xb7], [...encoder.encode('x'.repeat(40))],
    );
    const input = fc.array(piece, { maxLength: 40 }).chain((pieces) => {
      const bytes = Uint8Array.from(pieces.flat());
      const cuts = fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 4 }).map((c) => [...c].sort((a, b) => a - b));
      return fc.tuple(fc.constant(bytes), cuts, fc.integer({ min: 1, max: 24 }));
    });
    fc.assert(fc.property(input, ([bytes, cuts, batchBytes]) => {
      expect(split(bytes, cuts, batchBytes)).toEqual(split(bytes, []));
    }), { numRuns: 500 });
  });
});
