import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProviderStamp } from '../time/provider-stamp';
import { resetFromStamp } from './reset';

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
/** 19-character stamps, plain or not (slashes, other separators), some of them no real time. */
const stamp = fc
  .tuple(
    fc.constantFrom('2026-11-20', '1969-12-31', '2024-02-29', '2026-02-29', '0000-01-01', '2026-00-10', '2026/11/20', '2026-1a-20'),
    fc.constantFrom(' ', 'T', 't', '_'),
    two(25),
    two(61),
    two(61),
  )
  .map(([day, sep, h, m, s]) => `${day}${sep}${h}:${m}:${s}`);

describe('resetFromStamp', () => {
  it('reads a 19-character stamp at the instant parseProviderStamp gives, in any assumed zone', () => {
    fc.assert(
      fc.property(stamp, fc.constantFrom(480, 0, -300, 345), (raw, offset) => {
        const { reset } = resetFromStamp(raw, null, null, offset);
        const expected = parseProviderStamp(raw, offset);
        expect(reset.at).toBe(expected?.at ?? null);
        expect(reset.assumedOffsetMinutes).toBe(expected?.assumedOffsetMinutes ?? null);
        expect(reset.dateOnly).toBe(expected?.dateOnly ?? false);
      }),
    );
  });
});
