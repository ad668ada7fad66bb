import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoUtcFast } from '../time/log-timestamp';
import { eventTime, isoUtcTimeAt } from './event-time';

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
/** Stamps that share days and seconds with each other, some of them no real time (Feb 30th, 24:00, 60 s). */
const stamp = fc
  .tuple(
    fc.constantFrom('2026-11-20', '2026-11-21', '1969-12-31', '2024-02-29', '2026-02-29', '0001-01-01', '2026-13-01'),
    fc.constantFrom('T', ' ', 't'),
    two(24),
    two(60),
    two(60),
    fc.constantFrom('', '.000', '.999', '.5', '.12x'),
    fc.constantFrom('Z', 'Z', 'Z', 'z', '+08:00', ''),
  )
  .map(([day, sep, h, m, s, fraction, zone]) => `${day}${sep}${h}:${m}:${s}${fraction}${zone}`);

describe('isoUtcTimeAt', () => {
  it('dates every line as its stamp read on its own would, whatever the stamps before it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 3 }), stamp, fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 30 }), (lines) => {
        for (const [before, text, after] of lines) {
          const line = `${before}${text}${after}`;
          const time = isoUtcTimeAt(line, before.length, before.length + text.length);
          expect(time?.ts ?? null).toBe(parseIsoUtcFast(text));
          if (time !== null) expect(time).toEqual(eventTime(text, null, 0));
        }
      }),
    );
  });

  it('reads the day again when only the day changes', () => {
    const line = (text: string) => `{"ts":"${text}"}`;
    const at = (text: string) => isoUtcTimeAt(line(text), 7, 7 + text.length)?.ts ?? null;
    expect(at('2026-11-20T10:00:00Z')).toBe(Date.parse('2026-11-20T10:00:00Z'));
    expect(at('2026-11-21T10:00:00Z')).toBe(Date.parse('2026-11-21T10:00:00Z'));
    expect(at('1969-12-31T23:59:59.999Z')).toBe(Date.parse('1969-12-31T23:59:59.999Z'));
    expect(at('1969-12-31T00:00:00.000Z')).toBe(Date.parse('1969-12-31T00:00:00.000Z'));
    expect(at('2026-02-30T10:00:00Z')).toBeNull();
    expect(at('2026-02-30T10:00:01Z')).toBeNull();
  });
});
