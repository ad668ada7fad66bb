/**
 * The shapes of the error catalog. The data lives in `catalog.ts`; everything else (labels, colours,
 * verdicts, guidance) is looked up from it.
 */

/** The five categories the provider published; codes added later are placed in the closest one. */
export const CATEGORIES = ['basic', 'authentication', 'account', 'api-call', 'api-policy-block'] as const;
export type Category = (typeof CATEGORIES)[number];

/** What the user must do. One per code. */
export const VERDICTS = [
  'wait-for-reset',
  'slow-down',
  'retry-later',
  'fix-request',
  'fix-key',
  'pay',
  'renew-plan',
  'contact-support',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * Operational family, finer than the published category: it drives the "throttling" and "quota" charts.
 * throttle = transient rate limiting (1302, 1303, 1305, 1312, 1313); quota = a hit that lasts until a
 * reset or a purchase (1304, 1308, 1310, 1316–1321).
 */
export const FAMILIES = ['server', 'auth', 'account', 'billing', 'request', 'throttle', 'quota', 'policy', 'plan'] as const;
export type Family = (typeof FAMILIES)[number];

/** Quota windows a reset can belong to. */
export const QUOTA_WINDOWS = ['5-hour', 'weekly', 'monthly'] as const;
export type QuotaWindow = (typeof QUOTA_WINDOWS)[number];

export const PARAM_NAMES = [
  'method',
  'field',
  'field1',
  'field2',
  'API_name',
  'request_id',
  'error_id',
  'next_flush_time',
  'model_name',
  'number',
  'unit',
] as const;
export type ParamName = (typeof PARAM_NAMES)[number];

export type Language = 'en' | 'zh';

/** A guidance link. Hrefs come only from the catalog's allowlist, never from logs. */
export interface GuidanceLink {
  readonly label: string;
  readonly href: string;
  readonly lang: Language;
}

export interface CatalogEntry {
  /** The code as the provider writes it: '1308', '500', and the gateway's string '401'. */
  readonly code: string;
  readonly category: Category;
  readonly family: Family;
  /** HTTP status the provider sends with it (newest docs table), or null when unknown. */
  readonly http: number | null;
  /** True when the HTTP status is inferred from the HTTP table rather than documented per code. */
  readonly httpInferred: boolean;
  /** 'published' = in the catalog as first published; 'added' = added by the provider later. */
  readonly origin: 'published' | 'added';
  /** English message template as first published (or the first known wording for added codes). */
  readonly english: string;
  readonly params: readonly ParamName[];
  /** Newer English wordings of the same code, as templates. */
  readonly newerEnglish: readonly string[];
  /** Chinese wordings, as templates (docs table, FAQ variant, live texts). */
  readonly chinese: readonly string[];
  readonly verdict: Verdict;
  /** One or two sentences: what happened and what to do. */
  readonly guidance: string;
  readonly links: readonly GuidanceLink[];
  /** For quota codes whose reset belongs to a fixed window. */
  readonly window: QuotaWindow | null;
  /** Short human title, e.g. "Usage limit reached". */
  readonly title: string;
}
