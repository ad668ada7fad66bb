import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLedger, checkLedger, createEmptyLedger, exampleReasons, fairShares, flagLinesText, isFileLevelExample, mergeLedgers, shareExamples } from './ledger';
import { addExample, countCompressed, countFlag, countRecord, countUnsplittable, toExampleText } from './ledger-count';
import type { Ledger } from './types';

describe('checkLedger', () => {
  it('accepts an empty ledger', () => expect(checkLedger(createEmptyLedger())).toEqual([]));

  it.each([
    ['lines', { lines: 1 }, /^lines 1 != /],
    ['bytes', { bytesRead: 5 }, /^bytesRead 5 != /],
    ['negative', { events: -1 }, /events is not a non-negative integer/],
    ['compressed bytes', { sourceBytes: 9, compressed: { bytesRead: 9, bytesInflated: 5, bytesUnsplittable: { cancelled: 3 } } }, /^compressed bytesRead 9 != bytesInflated \+ bytesUnsplittable = 8$/],
    ['compressed past the source', { sourceBytes: 4, compressed: { bytesRead: 5, bytesInflated: 5, bytesUnsplittable: {} } }, /^compressed bytesRead 5 > sourceBytes 4$/],
  ])('reports a broken %s invariant', (_name, patch, message) => {
    const problems = checkLedger({ ...createEmptyLedger(), ...patch });
    expect(problems.some((p) => message.test(p))).toBe(true);
  });
});

describe('counting', () => {
  it('counts a record under one outcome, with an example for rejections', () => {
    const ledger = createEmptyLedger();
    countRecord(ledger, { firstLine: 3, lineCount: 2, byteLength: 10, firstLineBytes: 4, text: 'ab\u0000' }, { kind: 'rejected', reason: 'binary_data' });
    countRecord(ledger, { firstLine: 5, lineCount: 1, byteLength: 3, firstLineBytes: 2, text: 'ok' }, { kind: 'non-error' });
    countUnsplittable(ledger, 'cancelled', 7);
    expect(ledger).toMatchObject({ lines: 3, nonError: 1, rejected: { binary_data: 2 }, records: 2, bytesRead: 20, bytesInLines: 13 });
    expect(ledger.examples.binary_data).toEqual([{ line: 3, text: 'ab␀', bytes: 4 }]);
    expect(checkLedger(ledger)).toEqual([]);
  });

  it('keeps at most 20 examples per reason, text capped at 300 characters', () => {
    const ledger = createEmptyLedger();
    for (let i = 0; i < 25; i += 1) addExample(ledger, 'line_too_long', { line: i, text: 'x'.repeat(1000), bytes: 1000 });
    expect(ledger.examples.line_too_long).toHaveLength(20);
    expect(ledger.examples.line_too_long?.[0]?.text).toHaveLength(300);
  });

  it('shows control characters as control pictures', () => expect(toExampleText('a\u001b[31m\tb\u007f')).toBe('a␛[31m\tb␡'));
});

describe('mergeLedgers', () => {
  it('sums two ledgers and keeps both invariants (property)', () => {
    const part = fc.record({ lines: fc.nat(100), rejectedLines: fc.nat(100), bytes: fc.nat(1000), cancelled: fc.nat(1000) });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
        const ledgers = parts.map((p) => {
          const ledger = createEmptyLedger();
          // A record always has at least one line: zero means "no such record" here.
          if (p.lines > 0) countRecord(ledger, { firstLine: 1, lineCount: p.lines, byteLength: p.bytes, firstLineBytes: 1, text: '' }, { kind: 'non-error' });
          if (p.rejectedLines > 0) countRecord(ledger, { firstLine: 1, lineCount: p.rejectedLines, byteLength: 0, firstLineBytes: 1, text: '' }, { kind: 'rejected', reason: 'malformed_json' });
          countUnsplittable(ledger, 'cancelled', p.cancelled);
          ledger.notices.push('n');
          return ledger;
        });
        const total = mergeLedgers(ledgers);
        expect(checkLedger(total)).toEqual([]);
        expect(total.lines).toBe(parts.reduce((n, p) => n + p.lines + p.rejectedLines, 0));
        expect(total.bytesRead).toBe(parts.reduce((n, p) => n + (p.lines > 0 ? p.bytes : 0) + p.cancelled, 0));
        expect(total.notices).toHaveLength(parts.length);
        expect((total.examples.malformed_json ?? []).length).toBeLessThanOrEqual(20);
      }),
    );
  });

  it('totals gzip and plain sources: the text of all in the line ledger, the gzip files\' own bytes apart', () => {
    const plain = createEmptyLedger();
    countRecord(plain, { firstLine: 1, lineCount: 1, byteLength: 100, firstLineBytes: 99, text: 'a' }, { kind: 'non-error' });
    countUnsplittable(plain, 'cancelled', 900);
    plain.sourceBytes = 1000;
    const gzip = createEmptyLedger();
    countRecord(gzip, { firstLine: 1, lineCount: 1, byteLength: 400, firstLineBytes: 399, text: 'b' }, { kind: 'non-error' });
    countCompressed(gzip, 'inflated', 40);
    countCompressed(gzip, 'cancelled', 60);
    gzip.sourceBytes = 100;
    const total = mergeLedgers([plain, gzip, gzip]);
    expect(checkLedger(total)).toEqual([]);
    expect(total).toMatchObject({ bytesRead: 1800, bytesInLines: 900, bytesUnsplittable: { cancelled: 900 }, sourceBytes: 1200 });
    expect(total.compressed).toEqual({ bytesRead: 200, bytesInflated: 80, bytesUnsplittable: { cancelled: 120 } });
    expect(mergeLedgers([plain]).compressed).toBeUndefined();
    // A copy: counting on in the total leaves the source's own as it was.
    total.compressed!.bytesInflated += 1;
    expect(gzip.compressed).toEqual({ bytesRead: 100, bytesInflated: 40, bytesUnsplittable: { cancelled: 60 } });
  });

  it('does not change its inputs', () => {
    const a = createEmptyLedger();
    a.rejected.binary_data = 1;
    a.lines = 1;
    mergeLedgers([a, a]).rejected.binary_data = 99;
    expect(a.rejected.binary_data).toBe(1);
  });
});

/** A ledger with `n` lines rejected for `reason`, one record each from line `from` (its examples as counting keeps them). */
function rejecting(reason: 'malformed_json' | 'binary_data', n: number, from = 1): Ledger {
  const ledger = createEmptyLedger();
  for (let i = 0; i < n; i += 1) countRecord(ledger, { firstLine: from + i, lineCount: 1, byteLength: 5, firstLineBytes: 4, text: `{bad${i}` }, { kind: 'rejected', reason });
  return ledger;
}

/** A source refused whole, as the byte stages count it: its bytes in no line, one example at line 0. */
function refusedWhole(bytes: number): Ledger {
  const ledger = createEmptyLedger();
  countUnsplittable(ledger, 'binary_data', bytes);
  ledger.notices.push('binary data (PNG image): not read as text');
  addExample(ledger, 'binary_data', { line: 0, text: 'binary data (PNG image): not read as text', bytes });
  return ledger;
}

describe('lines of records read with a caveat', () => {
  it('keeps the first five lines of each flag, all of them counted', () => {
    const ledger = createEmptyLedger();
    for (const line of [3, 9, 12, 40, 41, 77, 90]) countFlag(ledger, 'timestamp_zone_assumed', line);
    countFlag(ledger, 'timestamp_missing', 5);
    expect(ledger.flags).toEqual({ timestamp_zone_assumed: 7, timestamp_missing: 1 });
    expect(ledger.flagLines).toEqual({ timestamp_zone_assumed: [3, 9, 12, 40, 41], timestamp_missing: [5] });
  });

  it('moves a later part\'s lines by the lines before it, after the first part\'s, as one reading keeps them', () => {
    const first = createEmptyLedger();
    const later = createEmptyLedger();
    for (const line of [2, 8]) countFlag(first, 'timestamp_zone_assumed', line);
    for (const line of [1, 4, 6, 7]) countFlag(later, 'timestamp_zone_assumed', line);
    addLedger(first, later, 100);
    expect(first.flags.timestamp_zone_assumed).toBe(6);
    expect(first.flagLines.timestamp_zone_assumed).toEqual([2, 8, 101, 104, 106]);
  });
});

describe('the longest line too long', () => {
  it('is the longest of all, past the 20 examples kept, and the longest of either part of a source', () => {
    const ledger = createEmptyLedger();
    const tooLong = (line: number, bytes: number) => countRecord(ledger, { firstLine: line, lineCount: 1, byteLength: bytes + 1, firstLineBytes: bytes, text: 'x' }, { kind: 'rejected', reason: 'line_too_long' });
    for (let line = 1; line <= 25; line += 1) tooLong(line, line === 23 ? 100 * 2 ** 20 : 5 * 2 ** 20);
    expect(ledger.examples.line_too_long).toHaveLength(20);
    expect(ledger.longestLineTooLong).toBe(100 * 2 ** 20);
    const later = createEmptyLedger();
    countRecord(later, { firstLine: 1, lineCount: 1, byteLength: 10, firstLineBytes: 9, text: '{' }, { kind: 'rejected', reason: 'malformed_json' });
    addLedger(later, ledger, 1);
    expect(later.longestLineTooLong).toBe(100 * 2 ** 20);
  });
});

describe('flagLinesText', () => {
  it.each([
    [[], 0, ''],
    [[3], 1, 'line 3'],
    [[3, 9], 2, 'lines 3 and 9'],
    [[3, 9, 12], 3, 'lines 3, 9 and 12'],
    [[3, 9, 12, 40, 41], 7, 'lines 3, 9, 12, 40, 41 and 2 more'],
    [[12_000], 4, 'line 12,000 and 3 more'],
  ])('%j of %i records -> %j', (lines, records, text) => expect(flagLinesText(lines, records)).toBe(text));
});

describe('file-level examples', () => {
  it('tells a source refused whole (line 0) from a rejected line', () => {
    expect(isFileLevelExample({ line: 0, text: 'zip file: not read', bytes: 64 })).toBe(true);
    expect(isFileLevelExample({ line: 1, text: '{', bytes: 1 })).toBe(false);
  });

  it('keeps a file-level example at line 0 when a later part of a source is added with a line shift', () => {
    const into = rejecting('malformed_json', 1);
    const rest = refusedWhole(10);
    countRecord(rest, { firstLine: 2, lineCount: 1, byteLength: 3, firstLineBytes: 2, text: '\u0000' }, { kind: 'rejected', reason: 'binary_data' });
    addLedger(into, rest, 100);
    expect(into.examples.binary_data?.map((e) => e.line)).toEqual([0, 102]);
    expect(checkLedger(into)).toEqual([]);
  });
});

describe('fairShares', () => {
  it.each([
    [[20, 5], 20, [15, 5]],
    [[20, 20], 20, [10, 10]],
    [[20, 20, 20], 20, [7, 7, 6]],
    [[3, 0, 4], 20, [3, 0, 4]],
    [[1, 1, 1], 2, [1, 1, 0]],
    [[], 20, []],
  ])('shares %j in %i places as %j', (sizes, cap, shares) => expect(fairShares(sizes, cap)).toEqual(shares));

  it('fills the places, gives no source more than it has, and no source fewer than another unless it has no more (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { maxLength: 30 }), fc.nat(40), (sizes, cap) => {
        const shares = fairShares(sizes, cap);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(Math.min(cap, sizes.reduce((a, b) => a + b, 0)));
        shares.forEach((share, i) => {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(sizes[i] ?? 0);
          if (share < (sizes[i] ?? 0)) for (const other of shares) expect(other).toBeLessThanOrEqual(share + 1);
        });
      }),
    );
  });
});

describe('shareExamples', () => {
  it('gives b.log its malformed examples beside a.log\'s 30, and each example stays with its source', () => {
    const a = { id: 1, name: 'a.log', ledger: rejecting('malformed_json', 30) };
    const b = { id: 2, name: 'b.log', ledger: rejecting('malformed_json', 5, 2) };
    const shared = shareExamples([a, b], 'malformed_json');
    expect(shared.map((s) => [s.source.name, s.examples.length, s.rejectedLines])).toEqual([
      ['a.log', 15, 30],
      ['b.log', 5, 5],
    ]);
    expect(shared[0]?.examples.map((e) => e.line)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(shared[1]?.examples.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
    // The merged total's counts are unchanged by how its examples are shown.
    expect(mergeLedgers([a.ledger, b.ledger]).rejected).toEqual({ malformed_json: 35 });
  });

  it('lists a source refused whole under its reason, with no rejected line, and leaves out sources with no example', () => {
    const png = { name: 'shot.png', ledger: refusedWhole(526) };
    const b = { name: 'b.log', ledger: rejecting('binary_data', 1, 6) };
    const clean = { name: 'clean.log', ledger: createEmptyLedger() };
    const shared = shareExamples([b, clean, png], 'binary_data');
    expect(shared.map((s) => s.source.name)).toEqual(['b.log', 'shot.png']);
    expect(shared[1]).toMatchObject({ examples: [{ line: 0, bytes: 526 }], rejectedLines: 0 });
    expect(exampleReasons([rejecting('malformed_json', 1), png.ledger])).toEqual(['malformed_json', 'binary_data']);
    expect(exampleReasons([createEmptyLedger()])).toEqual([]);
  });

  it('keeps a source the cap left without a place, with no example shown', () => {
    const sources = Array.from({ length: 3 }, (_, i) => ({ ledger: rejecting('malformed_json', 2, i * 10 + 1) }));
    expect(shareExamples(sources, 'malformed_json', 2).map((s) => s.examples.length)).toEqual([1, 1, 0]);
  });

  it('does not change the ledgers it reads', () => {
    const a = { ledger: rejecting('malformed_json', 3) };
    const before = structuredClone(a.ledger);
    shareExamples([a], 'malformed_json', 1);
    expect(a.ledger).toEqual(before);
  });
});
