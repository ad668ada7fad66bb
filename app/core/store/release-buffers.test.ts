import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendStore } from './append-store';
import { COLUMN_NAMES } from './columns';
import { appendEvent, createEventStore } from './event-store';
import { getEvent } from './get-event';
import { releaseBuffers } from './release-buffers';
import { removeSource } from './remove-source';
import { testEvent, testReset } from './test-events';

const T = Date.UTC(2026, 10, 20);
type Transfer = (this: ArrayBuffer, length: number) => ArrayBuffer;
const proto = ArrayBuffer.prototype as unknown as { transfer?: Transfer };
const native = proto.transfer;

// The worker's runtime (Chromium) releases through ArrayBuffer.prototype.transfer; where Node lacks it, a
// stand-in detaches the buffer the same way, so a read of a released array shows here as it would there.
beforeAll(() => {
  if (native === undefined) {
    proto.transfer = function transfer(this: ArrayBuffer, length: number): ArrayBuffer {
      structuredClone(this, { transfer: [this] });
      return new ArrayBuffer(length);
    };
  }
});
afterAll(() => {
  if (native === undefined) delete proto.transfer;
});

const event = (i: number) =>
  testEvent({ ts: T + i * 1000, code: i % 3 === 0 ? '1308' : '1302', requestId: `req-${i}`, message: `limit ${i % 7}`, reset: i % 3 === 0 ? testReset(T + 3_600_000 + i) : null, line: i + 1 });

describe('released buffers', () => {
  it('detach an array at once', () => {
    const array = new Float64Array(1024);
    releaseBuffers([array]);
    expect(array.byteLength).toBe(0);
  });

  it('leave every event readable through column growth, a joined part and a removed source, and free what was copied', () => {
    const store = createEventStore();
    const part = createEventStore();
    // Past several doublings of the columns, the request id pool and the reset table.
    for (let i = 0; i < 5000; i += 1) appendEvent(store, event(i), 1);
    for (let i = 5000; i < 9000; i += 1) appendEvent(part, { ...event(i), line: i - 4999 }, 1);
    const partColumns = part.columns;
    const partPool = part.requestIds.bytes;
    const partResets = part.resets.at;
    expect(appendStore(store, part, { lineShift: 5000, limit: Infinity })).toBe(4000);
    for (const name of COLUMN_NAMES) expect(partColumns[name].byteLength, name).toBe(0);
    expect([partPool.byteLength, partResets.byteLength]).toEqual([0, 0]);
    for (let i = 0; i < 300; i += 1) appendEvent(store, event(9000 + i), 2);
    expect(removeSource(store, 2)).toBe(300);
    for (let i = 0; i < 9000; i += 1) {
      const expected = event(i);
      expect(getEvent(store, i)).toMatchObject({ time: T + i * 1000, line: i + 1, requestId: `req-${i}`, message: expected.details.message, reset: expected.details.reset });
    }
  });
});
