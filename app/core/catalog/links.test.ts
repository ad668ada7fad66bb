import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATALOG, lookupCode } from './catalog';
import { isAllowedHref, LINK_HOST_ALLOWLIST, linksFor } from './links';

describe('catalog links (J1)', () => {
  const links = CATALOG.flatMap((e) => e.links.map((l) => [e.code, l.href] as const));

  it.each(links)('%s links to %s: https and on the allowlist', (_code, href) => {
    const url = new URL(href);
    expect(url.protocol).toBe('https:');
    expect(LINK_HOST_ALLOWLIST).toContain(url.hostname);
    expect(isAllowedHref(href)).toBe(true);
  });

  it('1309 links to z.ai/subscribe and, in Chinese, bigmodel.cn/claude-code', () => {
    const entry = lookupCode('1309');
    expect(entry?.links.map((l) => l.href)).toEqual(expect.arrayContaining(['https://z.ai/subscribe', 'https://bigmodel.cn/claude-code']));
    expect(entry && linksFor(entry, 'zh').map((l) => l.href)).toContain('https://bigmodel.cn/claude-code');
    expect(entry && linksFor(entry, 'en').map((l) => l.href)).toContain('https://z.ai/subscribe');
    expect(entry && linksFor(entry, 'zh').every((l) => l.lang === 'zh')).toBe(true);
  });

  it('account, auth and billing codes link to the error-code pages', () => {
    for (const code of ['1000', '1002', '1113', '1110', '401']) {
      const hrefs = lookupCode(code)?.links.map((l) => l.href) ?? [];
      expect(hrefs.some((h) => h === 'https://docs.z.ai/api-reference/api-code' || h === 'https://docs.z.ai/devpack/faq')).toBe(true);
      expect(hrefs.some((h) => h.startsWith('https://docs.bigmodel.cn/cn/'))).toBe(true);
    }
  });
});

describe('isAllowedHref', () => {
  it.each([
    ['https://z.ai/subscribe', true],
    ['https://docs.bigmodel.cn/cn/api/api-code', true],
    ['http://z.ai/subscribe', false],
    ['https://z.ai.evil.example/subscribe', false],
    ['https://z.аi/subscribe', false],
    ['https://evil.example/#https://z.ai', false],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    // D4: what browsers still run after stripping tabs and newlines, entity-encoded schemes, other script schemes.
    ['java\tscript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['&#106;avascript:alert(1)', false],
    ['vbscript:msgbox(1)', false],
    ['https://z.ai/\u0000javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['https://user:pass@z.ai/', false],
    ['https://z.ai:8443/', false],
    ['//z.ai/subscribe', false],
    [42, false],
  ])('%j -> %s', (href, expected) => expect(isAllowedHref(href)).toBe(expected));

  it('accepts only https URLs on the allowlist, whatever the input (R5)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom(...LINK_HOST_ALLOWLIST).map((h) => `https://${h}/x`)), (href) => {
        if (!isAllowedHref(href)) return;
        const url = new URL(href);
        expect(url.protocol).toBe('https:');
        expect(LINK_HOST_ALLOWLIST).toContain(url.hostname);
      }),
    );
  });
});
