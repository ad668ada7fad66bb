import { describe, expect, it } from 'vitest';
import { classifyRecord } from '../classify/classify';
import { formatBeijing, nextRandom, requestIdAt } from './demo-records';
import { nextDemoBatch } from './demo-stream';

const NOW = Date.UTC(2026, 6, 10, 8, 0, 0);

function batches(count: number): string[] {
  let seed = 42;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const b = nextDemoBatch({ seed, now: NOW + i * 1000 });
    seed = b.seed;
    lines.push(...b.records);
  }
  return lines;
}

describe('nextDemoBatch', () => {
  it('is a pure function of (seed, now)', () => {
    expect(nextDemoBatch({ seed: 7, now: NOW })).toEqual(nextDemoBatch({ seed: 7, now: NOW }));
    expect(nextDemoBatch({ seed: 7, now: NOW })).not.toEqual(nextDemoBatch({ seed: 8, now: NOW }));
  });

  it('gives 1–3 records and a delay of 0.3–2 s', () => {
    for (let seed = 0; seed < 200; seed++) {
      const b = nextDemoBatch({ seed, now: NOW });
      expect(b.records.length).toBeGreaterThanOrEqual(1);
      expect(b.records.length).toBeLessThanOrEqual(3);
      expect(b.delayMs).toBeGreaterThanOrEqual(300);
      expect(b.delayMs).toBeLessThan(2000);
    }
  });

  it.each(['"code":"1302"', '"code":"1305"', '"code":"1308"', '"code":"1113"', "'code': '1261'", 'INFO POST'])('emits lines with %s', (needle) => {
    expect(batches(300).some((l) => l.includes(needle))).toBe(true);
  });

  it('mixes errors with ordinary lines (about 40 % errors)', () => {
    const lines = batches(500);
    const share = lines.filter((l) => /code['"]?:\s*['"]1\d{3}/.test(l)).length / lines.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.5);
  });

  it('1308 resets are UTC+8 stamps 1 h to 5 h after the event', () => {
    for (const line of batches(300).filter((l) => l.includes('1308'))) {
      const stamp = /reset at (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})/.exec(line)?.[1] ?? '';
      const at = Date.parse(`${stamp.replace(' ', 'T')}+08:00`);
      expect(at - NOW).toBeGreaterThan(3600_000 - 1);
      expect(at - NOW).toBeLessThanOrEqual(5 * 3600_000 + 300_000);
    }
  });

  it.each<[number, string]>([
    [Date.UTC(2026, 6, 1, 0, 0, 0), '2026-07-01 08:00:00'],
    [Date.UTC(2026, 11, 31, 20, 30, 5, 900), '2027-01-01 04:30:05'],
  ])('formatBeijing(%i) → %s', (ms, text) => {
    expect(formatBeijing(ms)).toBe(text);
  });

  it('request ids are Beijing time + 16 hex digits', () => {
    expect(requestIdAt(Date.UTC(2025, 10, 10, 10, 56, 13), '958b81c5b1234255')).toBe('20251110185613958b81c5b1234255');
  });

  it('nextRandom stays in [0, 1)', () => {
    let seed = 1;
    for (let i = 0; i < 1000; i++) {
      const [value, next] = nextRandom(seed);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      seed = next;
    }
  });
});

describe('demo lines meet the real classifier', () => {
  it('every error template is catalogued with its code; ordinary lines are not errors', () => {
    const seen = new Map<string, string>();
    for (const line of batches(400)) {
      const outcome = classifyRecord(line);
      const code = /1(?:113|261|30[258])/.exec(line)?.[0] ?? null;
      const got = outcome.kind === 'catalogued' ? outcome.entry.code : outcome.kind;
      if (code !== null && (line.includes('code') || line.includes('1308'))) seen.set(code, got);
      else expect(got).toBe('non-error');
    }
    expect(Object.fromEntries(seen)).toEqual({ '1113': '1113', '1261': '1261', '1302': '1302', '1305': '1305', '1308': '1308' });
  });

  it('1308 demo resets are plausible (countdowns work)', () => {
    for (const line of batches(300).filter((l) => l.includes('1308'))) {
      const outcome = classifyRecord(line);
      expect(outcome.kind === 'catalogued' && outcome.details.reset?.plausible).toBe(true);
    }
  });
});
