import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkLedger } from '../ledger/ledger';
import type { Ledger } from '../ledger/types';
import { concatBytes } from './bytes';
import { fakeClassify, runIngest, utf8 } from './fake-classifier';
import { createIngestPipeline } from './pipeline';

/**
 * RELIABILITY 2.2: a gzip source has two byte ledgers, each in one unit. The line ledger counts the text that came
 * out of the decompressor (bytesRead = bytesInLines + Σ bytesUnsplittable); the compressed ledger counts the file's
 * own bytes (bytesRead = bytesInflated + Σ bytesUnsplittable) and, at the end of a read, equals the file's size:
 * after a Cancel, a failure, trailing junk, a cut member, a corrupt stream or a stop at the decompression cap.
 */

const ndjson = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `{"ts":"2026-11-27T10:00:${String((from + i) % 60).padStart(2, '0')}Z","error":{"code":"1302","message":"Rate limit ${(from + i) * 7919}"}}\n`).join('');

/** How a read ends: read to the end, cancelled or failed once `at` bytes are pushed. */
type End = { readonly kind: 'finish' } | { readonly kind: 'cancel' | 'fail'; readonly at: number };

/** Reads `file` in chunks cut at `cuts` (sorted), as the page and the command line do, knowing its size. */
function read(file: Uint8Array, cuts: readonly number[], end: End, options: { maxDecompressedBytes?: number } = {}): Ledger {
  const pipeline = createIngestPipeline({ classify: fakeClassify, sourceBytes: file.length, ...options });
  const stopAt = end.kind === 'finish' ? file.length : end.at;
  let at = 0;
  for (const cut of [...cuts.filter((c) => c < stopAt), stopAt]) {
    pipeline.push(file.slice(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  if (end.kind === 'cancel') return pipeline.cancel();
  if (end.kind === 'fail') return pipeline.fail('file_unreadable');
  return pipeline.finish();
}

function expectBothLedgers(ledger: Ledger, file: Uint8Array): void {
  expect(checkLedger(ledger)).toEqual([]);
  expect(ledger.sourceBytes).toBe(file.length);
  expect(ledger.compressed?.bytesRead).toBe(file.length);
}

describe('the two byte ledgers of a gzip source', () => {
  const text = utf8(ndjson(3000));
  const file = gzipSync(text, { level: 6 });

  it('read to its end: the text unpacked in the line ledger, the file in the compressed ledger', () => {
    const ledger = read(file, [100, 5000], { kind: 'finish' });
    expectBothLedgers(ledger, file);
    expect(ledger).toMatchObject({ bytesRead: text.length, bytesInLines: text.length, bytesUnsplittable: {} });
    expect(ledger.compressed).toEqual({ bytesRead: file.length, bytesInflated: file.length, bytesUnsplittable: {} });
  });

  it('Cancel: the unread rest of the file is counted in the compressed ledger, never in the text', () => {
    const at = Math.floor(file.length / 2);
    const ledger = read(file, [1024, 4096, 10_000], { kind: 'cancel', at });
    expectBothLedgers(ledger, file);
    // The text: what came out of the half read, in lines but for the last line begun (text bytes, cancelled).
    expect(ledger.lines).toBeGreaterThan(0);
    expect(ledger.bytesRead).toBeLessThan(text.length);
    expect(ledger.bytesUnsplittable.cancelled ?? 0).toBeLessThan(200);
    expect(ledger.bytesRead).toBe(ledger.bytesInLines + (ledger.bytesUnsplittable.cancelled ?? 0));
    // The file: the half read went through the decompressor, the rest was not read.
    expect(ledger.compressed).toEqual({ bytesRead: file.length, bytesInflated: at, bytesUnsplittable: { cancelled: file.length - at } });
  });

  it('a failure (file_unreadable, A24) counts the rest of the file in the compressed ledger', () => {
    const at = 3000;
    const ledger = read(file, [1024], { kind: 'fail', at });
    expectBothLedgers(ledger, file);
    expect(ledger.compressed?.bytesUnsplittable).toEqual({ file_unreadable: file.length - at });
    expect(ledger.bytesUnsplittable.file_unreadable ?? 0).toBeLessThan(200);
  });

  it('Cancel inside a member header: its bytes begun are cancelled too, in the compressed ledger', () => {
    const ledger = read(file, [], { kind: 'cancel', at: 5 });
    expectBothLedgers(ledger, file);
    expect(ledger).toMatchObject({ lines: 0, bytesRead: 0, bytesUnsplittable: {} });
    expect(ledger.compressed).toEqual({ bytesRead: file.length, bytesInflated: 0, bytesUnsplittable: { cancelled: file.length } });
  });

  it('Cancel before any byte: nothing says the file is gzip, so its bytes are counted as a plain file\'s', () => {
    const ledger = read(file, [], { kind: 'cancel', at: 0 });
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger.compressed).toBeUndefined();
    expect(ledger.bytesUnsplittable).toEqual({ cancelled: file.length });
  });

  it('Cancel before any byte of a file the caller found to be gzip: the file is counted as the gzip file\'s own bytes', () => {
    const pipeline = createIngestPipeline({ classify: fakeClassify, sourceBytes: file.length });
    pipeline.sourceIsGzip();
    const ledger = pipeline.cancel();
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger).toMatchObject({ bytesRead: 0, bytesUnsplittable: {}, sourceBytes: file.length });
    expect(ledger.compressed).toEqual({ bytesRead: file.length, bytesInflated: 0, bytesUnsplittable: { cancelled: file.length } });
  });

  it('a snapshot while reading reconciles in both units', () => {
    const pipeline = createIngestPipeline({ classify: fakeClassify, sourceBytes: file.length });
    pipeline.push(file.slice(0, 3001));
    const mid = pipeline.ledger();
    expect(checkLedger(mid)).toEqual([]);
    expect(mid.compressed?.bytesRead).toBe(3001);
  });
});

/** A gzip file as found in the wild: members of text, maybe trailing junk or zeros, maybe cut short. */
const fileArb = fc
  .record({
    members: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 3 }),
    tail: fc.constantFrom('none', 'junk', 'zeros'),
    cutBy: fc.constantFrom(0, 0, 1, 3, 9, 100),
  })
  .map(({ members, tail, cutBy }) => {
    const texts = members.map((n, i) => utf8(ndjson(n, i * 1000)));
    const whole = concatBytes([...texts.map((t) => gzipSync(t)), tail === 'junk' ? utf8('not gzip at all') : tail === 'zeros' ? new Uint8Array(64) : new Uint8Array(0)]);
    const file = whole.subarray(0, Math.max(1, whole.length - cutBy));
    return { file, text: concatBytes(texts), cut: cutBy > 0 };
  });

const readArb = fileArb.chain((f) =>
  fc.record({
    f: fc.constant(f),
    cuts: fc.array(fc.integer({ min: 0, max: f.file.length }), { maxLength: 8 }).map((c) => [...c].sort((a, b) => a - b)),
    end: fc.oneof(
      fc.constant<End>({ kind: 'finish' }),
      fc.record({ kind: fc.constantFrom('cancel' as const, 'fail' as const), at: fc.integer({ min: 1, max: f.file.length }) }),
    ),
  }),
);

describe('the two byte ledgers, for any gzip file, chunking and end (property)', () => {
  it('both reconcile; the compressed one to the file size; the line one counts no compressed byte', () => {
    fc.assert(
      fc.property(readArb, ({ f, cuts, end }) => {
        const ledger = read(f.file, cuts, end);
        if ((end.kind === 'finish' ? f.file.length : end.at) < 3) {
          // Stopped before the 3 bytes of the gzip magic were in: not known to be gzip, counted as a plain file.
          expect(checkLedger(ledger)).toEqual([]);
          expect(ledger.compressed).toBeUndefined();
          expect(ledger.bytesRead).toBe(f.file.length);
          return;
        }
        expectBothLedgers(ledger, f.file);
        // Text bytes only: never more than the text the file holds.
        expect(ledger.bytesRead).toBeLessThanOrEqual(f.text.length);
        // Read to its end and not cut: all its text, whatever junk follows its members.
        if (end.kind === 'finish' && !f.cut) expect(ledger.bytesRead).toBe(f.text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('read to its end, the compressed ledger does not depend on how the file arrives in chunks', () => {
    fc.assert(
      fc.property(readArb, ({ f, cuts }) => {
        expect(read(f.file, cuts, { kind: 'finish' })).toEqual(runIngest(f.file, [], { sourceBytes: f.file.length }).ledger);
      }),
      { numRuns: 200 },
    );
  });
});
