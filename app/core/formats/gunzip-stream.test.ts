import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createGunzipStream } from './gunzip-stream';

/** Bytes through a gunzip stream, 64 KiB at a time: how many came out, and its result. */
function gunzip(gz: Uint8Array, options: { maxOutputBytes: number; ratioAfterBytes?: number; maxRatio?: number }) {
  let out = 0;
  const stream = createGunzipStream({ onData: (chunk) => (out += chunk.length), ...options });
  for (let at = 0; at < gz.length; at += 65536) stream.push(gz.subarray(at, at + 65536));
  return { out, result: stream.finish() };
}

describe('createGunzipStream: every input byte accounted for, in the input\'s unit', () => {
  const member = gzipSync(Buffer.from('a line\nanother line\n'));
  const run = (input: Uint8Array, chunk: number, cancelled = false) => {
    const told = new Map<string, number>();
    const stream = createGunzipStream({ onData: () => undefined, onInput: (use, n) => told.set(use, (told.get(use) ?? 0) + n), maxOutputBytes: 1 << 20 });
    for (let at = 0; at < input.length; at += chunk) stream.push(input.subarray(at, at + chunk));
    return { result: stream.finish(cancelled), told: Object.fromEntries(told) };
  };

  it.each([1, 3, 1000])('members and trailing junk, in chunks of %i: inflated plus dropped is the input', (chunk) => {
    const input = Buffer.concat([member, member, Buffer.from('junk!')]);
    const { result, told } = run(input, chunk);
    expect(told).toEqual({ inflated: 2 * member.length, decompression_error: 5 });
    expect(result.inflated).toBe(2 * member.length);
    expect(result.pending).toBe(0);
    expect(result.notices).toContain(`5 bytes of data that is not gzip after gzip member 2, from byte ${2 * member.length}, were not read`);
  });

  it('cancelled inside a trailer: its bytes begun are pending, told to no one', () => {
    const { result, told } = run(member.subarray(0, member.length - 3), 4, true);
    expect(result.pending).toBe(5);
    expect(told).toEqual({ inflated: member.length - 8 });
  });
});

describe('createGunzipStream: a bomb by its ratio (RELIABILITY R11)', () => {
  const MIB = 1024 * 1024;

  it('stops zeros once the output is past its floor at over 1,000:1, well before the size cap', () => {
    const gz = gzipSync(new Uint8Array(160 * MIB), { level: 9 });
    expect((160 * MIB) / gz.length).toBeGreaterThan(1000);
    const { out, result } = gunzip(gz, { maxOutputBytes: 2048 * MIB, ratioAfterBytes: 4 * MIB });
    expect(out).toBeGreaterThan(4 * MIB);
    // The ratio is known per piece of 64 KiB read, which zeros inflate to 64 MiB: stopped in the first two, not at 160.
    expect(out).toBeLessThan(72 * MIB);
    expect(result.tailReason).toBe('decompression_limit');
    expect(result.notices.join(' ')).toMatch(/past 1,000:1; reading stopped \(gzip bomb\?\)$/);
    expect(result.dropped.find((d) => d.reason === 'decompression_limit')?.bytes).toBeGreaterThan(0);
  });

  it('reads a log that compresses well, however large, to its end', () => {
    const line = (i: number) => `2026-11-27 10:00:${String(i % 60).padStart(2, '0')} INFO request ${i} done in ${i % 97} ms\n`;
    const text = new TextEncoder().encode(Array.from({ length: 200_000 }, (_, i) => line(i)).join(''));
    const gz = gzipSync(text, { level: 9 });
    const { out, result } = gunzip(gz, { maxOutputBytes: 2048 * MIB, ratioAfterBytes: MIB });
    expect(out).toBe(text.length);
    expect(result.tailReason).toBeNull();
  });

  it('keeps zeros under the floor: a small bomb is read whole', () => {
    const gz = gzipSync(new Uint8Array(2 * MIB), { level: 9 });
    const { out, result } = gunzip(gz, { maxOutputBytes: 2048 * MIB, ratioAfterBytes: 4 * MIB });
    expect(out).toBe(2 * MIB);
    expect(result.tailReason).toBeNull();
  });
});
