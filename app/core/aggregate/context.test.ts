import { describe, expect, it } from 'vitest';
import { MIN_DOMAIN_MS, widenDomain } from './context';

describe('widenDomain', () => {
  it.each([
    ['a single instant', { from: 1_000_000, to: 1_000_001 }],
    ['a burst of ten seconds', { from: 1_000_000, to: 1_010_000 }],
  ])('widens %s to a quarter hour around it', (_label, domain) => {
    const wide = widenDomain(domain, LATER);
    expect(wide.to - wide.from).toBeGreaterThanOrEqual(MIN_DOMAIN_MS);
    expect(wide.from).toBeLessThanOrEqual(domain.from);
    expect(wide.to).toBeGreaterThanOrEqual(domain.to);
    expect(Math.abs(wide.from + wide.to - (domain.from + domain.to))).toBeLessThanOrEqual(1);
  });
  it('leaves a domain of a quarter hour or more as it is', () => {
    const domain = { from: 0, to: 5 * MIN_DOMAIN_MS };
    expect(widenDomain(domain, LATER)).toBe(domain);
  });

  it('does not widen past now a burst that ended minutes ago: the axis ends at now, a quarter hour long', () => {
    const now = 10 * MIN_DOMAIN_MS;
    const burst = { from: now - 5 * 60_000, to: now - 2 * 60_000 };
    expect(widenDomain(burst, now)).toEqual({ from: now - MIN_DOMAIN_MS, to: now });
  });

  it('widens around the middle a domain that reaches past now (a clock ahead): its events stay on the axis', () => {
    const now = 10 * MIN_DOMAIN_MS;
    const ahead = { from: now - 60_000, to: now + 60_000 };
    const wide = widenDomain(ahead, now);
    expect(wide.from + wide.to).toBe(ahead.from + ahead.to);
    expect(wide.to - wide.from).toBe(MIN_DOMAIN_MS);
  });
});

/** A now long after the domains above. */
const LATER = 1e12;
