import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ResetInfo } from '../classify/outcome';
import { effectiveReset, effectiveResetOf } from '../aggregate/effective-reset';
import { wallClockText } from '../time/civil';
import { appendResetTable, compactResetTable, createResetTable, internReset, resetInfo, resetTableBuffers, type ResetTable } from './reset-table';

// Stamps, and any UTF-16 text (NUL and lone surrogates included): a reset's text can come from a log field.
const raw = fc.oneof(fc.constantFrom('2026-11-23 06:00:01', '2026-11-23', '${next_flush_time}', '2026-11-23T06:00:01+08:00'), fc.string({ unit: 'binary', maxLength: 30 }));
const reset: fc.Arbitrary<ResetInfo | null> = fc.option(
  fc.record({
    raw,
    at: fc.option(fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.double({ noNaN: true, min: -1e15, max: 1e15 })), { nil: null }),
    dateOnly: fc.boolean(),
    assumedOffsetMinutes: fc.option(fc.integer({ min: -840, max: 840 }), { nil: null }),
    plausible: fc.boolean(),
    // A reason can name a span ("the reset is 3 h before …"): many distinct ones.
    implausibleReason: fc.option(fc.oneof(fc.constantFrom('before its event', 'beyond its window', 'not a valid date'), fc.string({ maxLength: 12 })), { nil: null }),
  }),
  { nil: null },
);
// Resets whose text is their instant's wall time at their offset, as Z.ai writes them (kept without the text).
const wallClockReset: fc.Arbitrary<ResetInfo> = fc
  .record({ seconds: fc.integer({ min: -62_135_596_800, max: 253_402_300_799 }), offset: fc.integer({ min: -840, max: 840 }), plausible: fc.boolean() })
  .filter(({ seconds, offset }) => seconds * 1000 + offset * 60_000 >= -62_135_596_800_000 && seconds * 1000 + offset * 60_000 <= 253_402_300_799_000)
  .map(({ seconds, offset, plausible }) => ({ raw: wallClockText(seconds * 1000, offset), at: seconds * 1000, dateOnly: false, assumedOffsetMinutes: offset, plausible, implausibleReason: null }));
const resets = fc.array(fc.oneof(reset, wallClockReset), { maxLength: 60 });

function fill(values: readonly (ResetInfo | null)[]): { table: ResetTable; ids: number[] } {
  const table = createResetTable();
  return { table, ids: values.map((value) => internReset(table, value)) };
}

describe('the reset table', () => {
  it('reads back every reset as it was interned, nulls included, and gives equal resets one id', () => {
    fc.assert(
      fc.property(resets, (values) => {
        const { table, ids } = fill(values);
        values.forEach((value, i) => {
          expect(resetInfo(table, ids[i] ?? -1)).toEqual(value);
          const j = values.findIndex((other) => JSON.stringify(other) === JSON.stringify(value));
          expect(ids[i]).toBe(ids[j]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps no text for a reset written as its wall time at its offset, and reads it back the same', () => {
    const at = Date.parse('2026-11-20T03:00:02Z');
    const wall = { raw: '2026-11-20 11:00:02', at, dateOnly: false, assumedOffsetMinutes: 480, plausible: true, implausibleReason: null };
    // The same text that is not this instant's wall time (another offset, a second off, another layout) is kept.
    // And an offset that is not whole minutes, whose instant could not give the text back exactly, keeps its text.
    const fraction = { ...wall, at: at - 30_000, assumedOffsetMinutes: 480.5 };
    const others = [{ ...wall, assumedOffsetMinutes: 0 }, { ...wall, at: at + 1000 }, { ...wall, raw: '2026-11-20T11:00:02' }, { ...wall, at: null }, fraction];
    const { table, ids } = fill([wall, ...others, wall]);
    expect(new Set(ids).size).toBe(6);
    expect(ids[6]).toBe(ids[0]);
    expect([wall, ...others].map((_, i) => resetInfo(table, ids[i] ?? -1))).toEqual([wall, ...others]);
    expect(table.raw.length).toBe(5 * 19);
  });

  it('gives each of a thousand recent resets back its id when it comes again, and reads each back', () => {
    const values = Array.from({ length: 1000 }, (_, i) => ({ raw: `2026-11-${20 + (i % 5)} 06:${String(i % 60).padStart(2, '0')}:0${i % 7}`, at: 1e12 + i, dateOnly: false, assumedOffsetMinutes: 480, plausible: i % 3 > 0, implausibleReason: i % 3 > 0 ? null : 'before its event' }));
    const { table, ids } = fill([...values, ...values.slice().reverse()]);
    expect(table.size).toBe(1001);
    values.forEach((value, i) => {
      expect(ids[1999 - i]).toBe(ids[i]);
      expect(resetInfo(table, ids[i] ?? -1)).toEqual(value);
    });
  });

  it('keeps thousands of distinct reasons apart, and each reason once', () => {
    const values = Array.from({ length: 3000 }, (_, i) => ({ raw: '2026-11-23 06:00:01', at: 1e12 + i, dateOnly: false, assumedOffsetMinutes: 480, plausible: false, implausibleReason: `the reset is ${i % 1500} min before the error was logged` }));
    const { table, ids } = fill(values);
    values.forEach((value, i) => expect(resetInfo(table, ids[i] ?? -1)).toEqual(value));
    expect(table.reasons).toHaveLength(1500);
  });

  it('keeps its rows through a structured clone of the table with its buffers transferred (as between workers)', () => {
    fc.assert(
      fc.property(resets, (values) => {
        const { table, ids } = fill(values);
        const moved = structuredClone(table, { transfer: resetTableBuffers(table) });
        values.forEach((value, i) => expect(resetInfo(moved, ids[i] ?? -1)).toEqual(value));
      }),
      { numRuns: 100 },
    );
  });

  it('appends the rows of another table after its own, their ids moved by the returned shift', () => {
    fc.assert(
      fc.property(resets, resets, (first, second) => {
        const a = fill(first);
        const b = fill(second);
        const shift = appendResetTable(a.table, b.table);
        first.forEach((value, i) => expect(resetInfo(a.table, a.ids[i] ?? -1)).toEqual(value));
        second.forEach((value, i) => {
          const id = b.ids[i] ?? 0;
          expect(resetInfo(a.table, id === 0 ? 0 : id + shift)).toEqual(value);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps only the rows a column still uses when compacted, and rewrites the column', () => {
    fc.assert(
      fc.property(resets, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (values, keep) => {
        const { table, ids } = fill(values);
        const kept = ids.filter((_, i) => keep[i]);
        const expected = values.filter((_, i) => keep[i]);
        const column = Uint32Array.from(kept);
        const next = compactResetTable(table, column, column.length);
        expected.forEach((value, i) => expect(resetInfo(next, column[i] ?? -1)).toEqual(value));
        expect(next.size).toBe(new Set(kept.filter((id) => id !== 0)).size + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the effective reset of a row as of the reset itself', () => {
    fc.assert(
      fc.property(resets, fc.integer({ min: 0, max: 2e12 }), fc.constantFrom('5-hour', 'weekly', 'monthly', null), fc.integer({ min: -720, max: 840 }), (values, eventAt, window, offset) => {
        const { table, ids } = fill(values);
        values.forEach((value, i) => expect(effectiveResetOf(table, ids[i] ?? 0, eventAt, window, offset)).toBe(effectiveReset(value, eventAt, window, offset)));
      }),
      { numRuns: 200 },
    );
  });
});
