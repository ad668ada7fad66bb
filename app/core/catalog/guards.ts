import { CATEGORIES, FAMILIES, PARAM_NAMES, QUOTA_WINDOWS, VERDICTS, type Category, type Family, type Language, type ParamName, type QuotaWindow, type Verdict } from './types';

/** Membership test for a closed `as const` list, safe for any input (no prototype lookups). */
function member<T extends string>(list: readonly T[]): (value: unknown) => value is T {
  const set = new Set<string>(list);
  return (value: unknown): value is T => typeof value === 'string' && set.has(value);
}

/** isCategory('api-call') -> true; isCategory('toString') -> false */
export const isCategory = member<Category>(CATEGORIES);
/** isVerdict('wait-for-reset') -> true */
export const isVerdict = member<Verdict>(VERDICTS);
/** isFamily('quota') -> true */
export const isFamily = member<Family>(FAMILIES);
/** isQuotaWindow('5-hour') -> true */
export const isQuotaWindow = member<QuotaWindow>(QUOTA_WINDOWS);
/** isParamName('next_flush_time') -> true */
export const isParamName = member<ParamName>(PARAM_NAMES);
/** isLanguage('zh') -> true */
export const isLanguage = member<Language>(['en', 'zh']);
