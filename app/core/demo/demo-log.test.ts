import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoStartFor, generateDemoLog } from './demo-log';

const DAY = 86_400_000;

describe('demoStartFor', () => {
  it('starts the demo at midnight UTC four days before the day it is opened', () => {
    expect(demoStartFor(Date.UTC(2026, 10, 27, 12))).toBe(Date.UTC(2026, 10, 23));
    expect(demoStartFor(Date.UTC(2026, 10, 27, 0))).toBe(Date.UTC(2026, 10, 23));
    expect(demoStartFor(Date.UTC(2026, 10, 27, 23, 59, 59, 999))).toBe(Date.UTC(2026, 10, 23));
    expect(demoStartFor(Date.UTC(2027, 0, 1, 8))).toBe(Date.UTC(2026, 11, 28));
  });
});

describe('generateDemoLog', () => {
  it('writes the committed demo file for the day it was written for (npm run demo-data)', () => {
    const file = readFileSync(new URL('../../../public/demo/quotalens-demo.log', import.meta.url), 'utf8');
    const demo = generateDemoLog(demoStartFor(Date.UTC(2026, 10, 27, 12)));
    expect(demo.text).toBe(file);
    expect(demo.lines).toBe(4317);
  });

  it('opened on any day, its weekly limit still blocks: the reset it names is 3 to 4 days on, and its data is past', () => {
    for (const now of [Date.UTC(2026, 11, 1, 0, 0, 1), Date.UTC(2027, 0, 15, 10), Date.UTC(2027, 5, 30, 23, 59)]) {
      const { text } = generateDemoLog(demoStartFor(now));
      const weekly = /Weekly\/Monthly Limit Exhausted\. Your limit will reset at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/.exec(text)?.[1] ?? '';
      // Written in the provider's UTC+8.
      const resetAt = Date.parse(`${weekly.replace(' ', 'T')}+08:00`);
      expect(resetAt - now).toBeGreaterThan(3 * DAY);
      expect(resetAt - now).toBeLessThan(4 * DAY + DAY / 24);
      const stamps = [...text.matchAll(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g)].map((m) => Date.parse(m[0]));
      expect(Math.max(...stamps)).toBeLessThan(now);
      expect(Math.min(...stamps)).toBeGreaterThanOrEqual(demoStartFor(now));
    }
  });
});
