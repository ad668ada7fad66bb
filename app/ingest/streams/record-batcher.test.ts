import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamReject } from '../protocol';
import { createRecordBatcher, FLUSH_EVERY_MS } from './record-batcher';

function harness(capacity: number) {
  const batches: { records: readonly string[]; rejects: readonly StreamReject[] }[] = [];
  const batcher = createRecordBatcher({ capacity, send: (records, rejects) => batches.push({ records, rejects }) });
  const sentRecords = () => batches.reduce((n, b) => n + b.records.length, 0);
  const sentOverflow = () => batches.reduce((n, b) => n + b.rejects.filter((r) => r.reason === 'buffer_overflow').reduce((m, r) => m + r.count, 0), 0);
  return { batcher, batches, sentRecords, sentOverflow };
}

describe('record batcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends records in one batch per 100 ms, not one message per record', () => {
    const { batcher, batches } = harness(1000);
    for (let i = 0; i < 500; i += 1) batcher.record(`line ${i}`);
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(FLUSH_EVERY_MS);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.records).toHaveLength(500);
  });

  it('holds records while paused, and counts those that fall out of the full buffer', () => {
    const { batcher, sentRecords, sentOverflow } = harness(10);
    batcher.pause();
    for (let i = 0; i < 25; i += 1) batcher.record(`line ${i}`);
    vi.advanceTimersByTime(10 * FLUSH_EVERY_MS);
    expect(sentRecords()).toBe(0);
    batcher.resume();
    vi.advanceTimersByTime(FLUSH_EVERY_MS);
    expect(sentRecords()).toBe(10);
    expect(sentOverflow()).toBe(15);
  });

  it('never loses a record: sent + overflow + waiting always equals what came in (property)', () => {
    const op = fc.oneof(
      fc.constant({ kind: 'record' as const }),
      fc.constant({ kind: 'pause' as const }),
      fc.constant({ kind: 'resume' as const }),
      fc.constant({ kind: 'flush' as const }),
      fc.integer({ min: 1, max: 250 }).map((ms) => ({ kind: 'wait' as const, ms })),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), fc.integer({ min: 1, max: 20 }), (ops, capacity) => {
        const { batcher, sentRecords, sentOverflow } = harness(capacity);
        let pushed = 0;
        for (const o of ops) {
          if (o.kind === 'record') {
            batcher.record(`r${pushed}`);
            pushed += 1;
          } else if (o.kind === 'wait') vi.advanceTimersByTime(o.ms);
          else batcher[o.kind]();
        }
        batcher.resume();
        batcher.flush();
        expect(sentRecords() + sentOverflow()).toBe(pushed);
        expect(batcher.counts().waiting).toBe(0);
        batcher.dispose();
      }),
    );
  });
});
