import { describe, expect, it } from 'vitest';
import { createEmptyLedger } from '../../core/ledger/ledger';
import { readRate } from './read-rate';

const startedAt = Date.UTC(2026, 10, 27, 10);
const ledgerOf = (bytesRead: number) => ({ ...createEmptyLedger(), bytesRead });

describe('readRate', () => {
  it('gives a file read so far its bytes over the time since it started', () => {
    const rate = readRate({ kind: 'file', sizeBytes: 100e6, bytesDone: 50e6, ledger: ledgerOf(50e6), startedAt, finishedAt: null, updatedAt: startedAt + 500 });
    expect(rate).toBeCloseTo(100);
  });

  it('counts only the bytes read of a cancelled file, not those its ledger counts as never read', () => {
    const cancelled = { kind: 'file' as const, sizeBytes: 157_483_272, bytesDone: 0, ledger: ledgerOf(157_483_272), startedAt, finishedAt: startedAt + 80, updatedAt: startedAt + 80 };
    expect(readRate(cancelled)).toBe(0);
    expect(readRate({ ...cancelled, bytesDone: 8e6 })).toBeCloseTo(100);
  });

  it('gives a stream, which has no size, the bytes it sent', () => {
    expect(readRate({ kind: 'stream', sizeBytes: null, bytesDone: 0, ledger: ledgerOf(2e6), startedAt, finishedAt: null, updatedAt: startedAt + 2000 })).toBeCloseTo(1);
  });

  it('says nothing in the first 50 ms, when a rate would be noise', () => {
    expect(readRate({ kind: 'file', sizeBytes: 10, bytesDone: 10, ledger: ledgerOf(10), startedAt, finishedAt: startedAt + 50, updatedAt: startedAt + 50 })).toBeNull();
  });
});
