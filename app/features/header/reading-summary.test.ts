import { describe, expect, it } from 'vitest';
import { createEmptyLedger } from '../../core/ledger/ledger';
import type { SourceStatus } from '../../ingest/protocol';
import { formatPercent, readingSummary } from './reading-summary';

const source = (id: number, patch: Partial<SourceStatus>): SourceStatus => ({
  id, name: `file-${id}.log`, kind: 'file', state: 'reading', sizeBytes: 1000, bytesDone: 0, startedAt: 0, finishedAt: null, error: null,
  ledger: createEmptyLedger(), ...patch,
});

describe('readingSummary', () => {
  it('says nothing when no file is being read', () => {
    expect(readingSummary([])).toBeNull();
    expect(readingSummary([source(1, { state: 'done', bytesDone: 1000 }), source(2, { state: 'cancelled' })])).toBeNull();
  });

  it('names the one file being read, with how far it is', () => {
    const summary = readingSummary([source(1, { state: 'done', bytesDone: 1000 }), source(2, { bytesDone: 250 })]);
    expect(summary).toEqual({ name: 'file-2.log', files: 1, fraction: 0.25 });
  });

  it('counts several files together, by bytes', () => {
    const summary = readingSummary([source(1, { bytesDone: 1000, sizeBytes: 4000 }), source(2, { bytesDone: 1000 })]);
    expect(summary).toEqual({ name: null, files: 2, fraction: 0.4 });
  });

  it('leaves out live streams (their own panel tells) and the demo that opens the page', () => {
    expect(readingSummary([source(1, { kind: 'stream', sizeBytes: null }), source(2, { kind: 'demo' })])).toBeNull();
  });

  it('never goes past the whole, nor divides by a zero size', () => {
    expect(readingSummary([source(1, { bytesDone: 1500 })])?.fraction).toBe(1);
    expect(readingSummary([source(1, { sizeBytes: 0 })])?.fraction).toBe(0);
  });
});

describe('formatPercent', () => {
  it('rounds down, so 100% means read to the end', () => {
    expect(formatPercent(0.437)).toBe('43%');
    expect(formatPercent(0.999)).toBe('99%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(-0.1)).toBe('0%');
  });
});
