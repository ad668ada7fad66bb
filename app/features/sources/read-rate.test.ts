import { describe, expect, it } from 'vitest';
import { createEmptyLedger } from '../../core/ledger/ledger';
import { readRate } from './read-rate';

const startedAt = Date.UTC(2026, 10, 27, 10);
const ledgerOf = (bytesRead: number) => ({ ...createEmptyLedger(), bytesRead });

describe('readRate', () => {
  it('gives a file read so far its bytes over the time since it started', () => {
    const rate = readRate({ kind: 'file', sizeBytes: 100e6, bytesDone: 60e6, ledger: ledgerOf(60e6), startedAt, finishedAt: null, updatedAt: startedAt + 600 });
    expect(rate).toBeCloseTo(100);
  });

  it('counts only the bytes read of a cancelled file, not those its ledger counts as never read', () => {
    const cancelled = { kind: 'file' as const, sizeBytes: 157_483_272, bytesDone: 0, ledger: ledgerOf(157_483_272), startedAt, finishedAt: startedAt + 80, updatedAt: startedAt + 80 };
    expect(readRate({ ...cancelled, bytesDone: 8e6 })).toBeCloseTo(100);
    expect(readRate({ ...cancelled, finishedAt: startedAt + 1000, updatedAt: startedAt + 1000 })).toBe(0);
    // Cancelled before its first chunk, at once: no rate at all.
    expect(readRate(cancelled)).toBeNull();
  });

  it('gives a stream, which has no size, the bytes it sent', () => {
    expect(readRate({ kind: 'stream', sizeBytes: null, bytesDone: 0, ledger: ledgerOf(2e6), startedAt, finishedAt: null, updatedAt: startedAt + 2000 })).toBeCloseTo(1);
  });

  it('gives a file being read no rate in its first half second, which its start dominates', () => {
    const reading = { kind: 'file' as const, sizeBytes: 100e6, bytesDone: 65_536, ledger: ledgerOf(65_536), startedAt, finishedAt: null, updatedAt: startedAt + 50 };
    expect(readRate(reading)).toBeNull();
    expect(readRate({ ...reading, bytesDone: 50e6, updatedAt: startedAt + 500 })).toBeCloseTo(100);
    // A file read whole in less has its rate at the end.
    expect(readRate({ ...reading, bytesDone: 10e6, finishedAt: startedAt + 100, updatedAt: startedAt + 100 })).toBeCloseTo(100);
  });

  it('gives a small file read quickly no rate: it would be the reader\'s start, "0.0 MB/s" for 2 KiB', () => {
    const small = { kind: 'file' as const, sizeBytes: 2048, bytesDone: 2048, ledger: ledgerOf(2048), startedAt, finishedAt: startedAt + 120, updatedAt: startedAt + 120 };
    expect(readRate(small)).toBeNull();
    // A slow read of a small file (a disk that stalls) still says how slow.
    expect(readRate({ ...small, finishedAt: startedAt + 2048, updatedAt: startedAt + 2048 })).toBeCloseTo(0.001);
  });

  it('says nothing in the first 50 ms, when a rate would be noise', () => {
    expect(readRate({ kind: 'file', sizeBytes: 10, bytesDone: 10, ledger: ledgerOf(10), startedAt, finishedAt: startedAt + 50, updatedAt: startedAt + 50 })).toBeNull();
  });

  it('gives a compressed file the rate of the text it held, not of its compressed bytes', () => {
    const gzip = { kind: 'file' as const, sizeBytes: 3e6, bytesDone: 3e6, ledger: ledgerOf(100e6), startedAt, finishedAt: startedAt + 2000, updatedAt: startedAt + 2000, compressed: 'gzip' as const };
    expect(readRate(gzip)).toBeCloseTo(50);
    // Cancelled half-way: the unread compressed bytes are in its compressed ledger, not in its text.
    const cancelled = { ...createEmptyLedger(), bytesRead: 50e6, compressed: { bytesRead: 3e6, bytesInflated: 1.5e6, bytesUnsplittable: { cancelled: 1.5e6 } } };
    expect(readRate({ ...gzip, bytesDone: 1.5e6, ledger: cancelled, finishedAt: startedAt + 1000, updatedAt: startedAt + 1000 })).toBeCloseTo(50);
  });
});
