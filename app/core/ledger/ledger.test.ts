import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLedger, createEmptyLedger, mergeLedgers } from './ledger';
import { addExample, countRecord, countUnsplittable, toExampleText } from './ledger-count';

describe('checkLedger', () => {
  it('accepts an empty ledger', () => expect(checkLedger(createEmptyLedger())).toEqual([]));

  it.each([
    ['lines', { lines: 1 }, /^lines 1 != /],
    ['bytes', { bytesRead: 5 }, /^bytesRead 5 != /],
    ['negative', { events: -1 }, /events is not a non-negative integer/],
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

  it('does not change its inputs', () => {
    const a = createEmptyLedger();
    a.rejected.binary_data = 1;
    a.lines = 1;
    mergeLedgers([a, a]).rejected.binary_data = 99;
    expect(a.rejected.binary_data).toBe(1);
  });
});
