export * from './types';
export { CATALOG, CATALOG_CODES, lookupCode, isCatalogCode } from './catalog';
export { isCategory, isVerdict, isFamily, isQuotaWindow, isParamName, isLanguage } from './guards';
export { CATEGORY_LABELS, VERDICT_LABELS, FAMILY_LABELS, WINDOW_LABELS } from './labels';
export { LINK_HOST_ALLOWLIST, LINKS, isAllowedHref, linksFor } from './links';
