import { describe, expect, it } from 'vitest';
import { isStampedTracebackStart, isTracebackStart } from './record-rules';

describe('isStampedTracebackStart', () => {
  it.each([
    '2026-09-30T06:44:00Z Traceback (most recent call last):',
    '2026-09-30T06:44:00.123456789Z Traceback (most recent call last):',
    '2026-09-30 14:44:00,123 Traceback (most recent call last):',
    '2026-09-30 14:44:00+08:00 Traceback (most recent call last):',
    '2026-09-30 14:44:00 +0800 Traceback (most recent call last):',
    '2026/09/30 14:44 Traceback (most recent call last):',
    '2026-09-30T06:44:00Z   Traceback (most recent call last):',
  ])('takes %j', (line) => expect(isStampedTracebackStart(line)).toBe(true));

  it.each([
    'Traceback (most recent call last):',
    '2026-09-30T06:44:00Z ERROR Traceback (most recent call last):',
    '2026-09-30T06:44:00Z Traceback (most recent call last): see below',
    '2026-09-30T06:44:00Z Traceback (most recent call last): ',
    '[2026-09-30 14:44:00] Traceback (most recent call last):',
    '2026-09-30T06:44:00ZTraceback (most recent call last):',
    '2026-09-30 Traceback (most recent call last):',
    '12345 Traceback (most recent call last):',
    '2026-09-30T06:44:00Z INFO (ok):',
  ])('refuses %j', (line) => expect(isStampedTracebackStart(line)).toBe(false));

  it('leaves the unstamped start to isTracebackStart', () => {
    expect(isTracebackStart('Traceback (most recent call last):')).toBe(true);
    expect(isTracebackStart('2026-09-30T06:44:00Z Traceback (most recent call last):')).toBe(false);
  });
});
