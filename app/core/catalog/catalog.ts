import { ACCOUNT_ENTRIES } from './entries-account';
import { API_CALL_ENTRIES } from './entries-api-call';
import { BASIC_AUTH_ENTRIES } from './entries-basic-auth';
import { POLICY_ENTRIES } from './entries-policy';
import { QUOTA_ENTRIES } from './entries-quota';
import type { CatalogEntry } from './types';

/** Every known code, in catalog order (published order, added codes next to their neighbours). */
export const CATALOG: readonly CatalogEntry[] = Object.freeze(
  [...BASIC_AUTH_ENTRIES, ...ACCOUNT_ENTRIES, ...API_CALL_ENTRIES, ...POLICY_ENTRIES, ...QUOTA_ENTRIES].sort(byCode),
);

/** Codes in catalog order: '500', '401', '1000', ... */
export const CATALOG_CODES: readonly string[] = Object.freeze(CATALOG.map((e) => e.code));

const BY_CODE: ReadonlyMap<string, CatalogEntry> = new Map(CATALOG.map((e) => [e.code, e]));

/** lookupCode('1308') -> the 1308 entry; lookupCode('__proto__') -> undefined (Map, no prototype). */
export function lookupCode(code: string): CatalogEntry | undefined {
  return BY_CODE.get(code);
}

/** isCatalogCode('1399') -> false */
export function isCatalogCode(code: unknown): code is string {
  return typeof code === 'string' && BY_CODE.has(code);
}

/** Numeric order, except the gateway's "401", which sits with authentication after 1005. */
function byCode(a: CatalogEntry, b: CatalogEntry): number {
  return sortKey(a.code) - sortKey(b.code);
}

function sortKey(code: string): number {
  return code === '401' ? 1005.5 : Number(code);
}
