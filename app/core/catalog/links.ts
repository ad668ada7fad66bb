import type { CatalogEntry, GuidanceLink, Language } from './types';

/**
 * Hosts a guidance link may point to: the provider's own sites. Links never come from log text (a
 * message's URL is shown as text); they come from this module and are checked by a test (J1, R5).
 */
export const LINK_HOST_ALLOWLIST = ['z.ai', 'docs.z.ai', 'bigmodel.cn', 'docs.bigmodel.cn', 'open.bigmodel.cn'] as const;

const ALLOWED_HOSTS: ReadonlySet<string> = new Set(LINK_HOST_ALLOWLIST);

/** isAllowedHref('https://z.ai/subscribe') -> true; isAllowedHref('https://z.ai.evil.example/') -> false */
export function isAllowedHref(href: unknown): boolean {
  if (typeof href !== 'string' || !/^https:\/\/[a-z.]+(?:\/[\w\-./]*)?$/.test(href)) return false;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && ALLOWED_HOSTS.has(url.hostname) && url.username === '' && url.port === '';
  } catch {
    return false;
  }
}

function link(label: string, href: string, lang: Language): GuidanceLink {
  return Object.freeze({ label, href, lang });
}

/** The pages the catalog links to; all named in the provider notes or roots of those sites. */
export const LINKS = {
  apiCodeEn: link('Error codes (docs.z.ai)', 'https://docs.z.ai/api-reference/api-code', 'en'),
  apiCodeZh: link('错误码 (docs.bigmodel.cn)', 'https://docs.bigmodel.cn/cn/api/api-code', 'zh'),
  faqCodeZh: link('错误码 FAQ (docs.bigmodel.cn)', 'https://docs.bigmodel.cn/cn/faq/api-code', 'zh'),
  subscribeEn: link('Renew the GLM Coding Plan (z.ai)', 'https://z.ai/subscribe', 'en'),
  claudeCodeZh: link('GLM Coding Plan 续订 (bigmodel.cn)', 'https://bigmodel.cn/claude-code', 'zh'),
  devpackFaqEn: link('GLM Coding Plan FAQ (docs.z.ai)', 'https://docs.z.ai/devpack/faq', 'en'),
  usageRevisionEn: link('Coding Plan usage notice (docs.z.ai)', 'https://docs.z.ai/devpack/notice/usage-revision', 'en'),
  consoleEn: link('z.ai account and API keys', 'https://z.ai', 'en'),
  consoleZh: link('bigmodel.cn 账户与 API Key', 'https://bigmodel.cn', 'zh'),
  openPlatformZh: link('智谱开放平台 (open.bigmodel.cn)', 'https://open.bigmodel.cn', 'zh'),
} as const satisfies Record<string, GuidanceLink>;

/** Link sets shared by several codes. */
export const LINK_SETS = {
  reference: [LINKS.apiCodeEn, LINKS.apiCodeZh],
  auth: [LINKS.apiCodeEn, LINKS.consoleEn, LINKS.apiCodeZh, LINKS.consoleZh],
  account: [LINKS.apiCodeEn, LINKS.consoleEn, LINKS.apiCodeZh, LINKS.openPlatformZh],
  billing: [LINKS.devpackFaqEn, LINKS.apiCodeEn, LINKS.apiCodeZh, LINKS.faqCodeZh],
  plan: [LINKS.subscribeEn, LINKS.devpackFaqEn, LINKS.claudeCodeZh, LINKS.faqCodeZh],
  quota: [LINKS.devpackFaqEn, LINKS.usageRevisionEn, LINKS.faqCodeZh, LINKS.apiCodeZh],
  throttle: [LINKS.devpackFaqEn, LINKS.apiCodeEn, LINKS.faqCodeZh],
} as const satisfies Record<string, readonly GuidanceLink[]>;

/** linksFor(entry1309, 'zh') -> [https://bigmodel.cn/claude-code, ...]; falls back to every link when none is in that language. */
export function linksFor(entry: CatalogEntry, language: Language | null): readonly GuidanceLink[] {
  const wanted = language ?? 'en';
  const matching = entry.links.filter((l) => l.lang === wanted);
  return matching.length > 0 ? matching : entry.links;
}
