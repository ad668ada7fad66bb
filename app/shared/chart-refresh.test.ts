import { describe, expect, it } from 'vitest';
import { createEmptyLedger } from '../core/ledger/ledger';
import type { SourceStatus } from '../ingest/protocol';
import { chartRefreshMs } from './chart-refresh';

const T0 = Date.UTC(2026, 10, 27, 10, 0, 0);

function source(kind: SourceStatus['kind'], state: SourceStatus['state'], readingForMs: number): SourceStatus {
  return {
    id: 1, name: 'app.log', kind, state, sizeBytes: null, bytesDone: 0, startedAt: T0, finishedAt: null, error: null,
    ledger: createEmptyLedger(), updatedAt: T0 + readingForMs,
  };
}

describe('chartRefreshMs', () => {
  it('lets the charts follow at once when nothing is read', () => {
    expect(chartRefreshMs([])).toBe(0);
    expect(chartRefreshMs([source('file', 'done', 20_000), source('stream', 'cancelled', 5000)])).toBe(0);
  });

  it('redraws each second through a short file read, every 3 s once a read lasts longer than 3 s', () => {
    expect(chartRefreshMs([source('file', 'reading', 0)])).toBe(1000);
    expect(chartRefreshMs([source('file', 'reading', 3000)])).toBe(1000);
    expect(chartRefreshMs([source('file', 'reading', 3001)])).toBe(3000);
    expect(chartRefreshMs([source('paste', 'reading', 500), source('file', 'reading', 12_000)])).toBe(3000);
  });

  it('keeps a live stream at one redraw a second, even beside a long file read', () => {
    expect(chartRefreshMs([source('stream', 'reading', 60_000)])).toBe(1000);
    expect(chartRefreshMs([source('file', 'reading', 12_000), source('stream', 'reading', 1000)])).toBe(1000);
  });
});
