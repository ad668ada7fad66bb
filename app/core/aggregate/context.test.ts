import { describe, expect, it } from 'vitest';
import { MIN_DOMAIN_MS, widenDomain } from './context';

describe('widenDomain', () => {
  it.each([
    ['a single instant', { from: 1_000_000, to: 1_000_001 }],
    ['a burst of ten seconds', { from: 1_000_000, to: 1_010_000 }],
  ])('widens %s to an hour around it', (_label, domain) => {
    const wide = widenDomain(domain);
    expect(wide.to - wide.from).toBeGreaterThanOrEqual(MIN_DOMAIN_MS);
    expect(wide.from).toBeLessThanOrEqual(domain.from);
    expect(wide.to).toBeGreaterThanOrEqual(domain.to);
    expect(Math.abs(wide.from + wide.to - (domain.from + domain.to))).toBeLessThanOrEqual(1);
  });
  it('leaves a domain of an hour or more as it is', () => {
    const domain = { from: 0, to: 5 * MIN_DOMAIN_MS };
    expect(widenDomain(domain)).toBe(domain);
  });
});
