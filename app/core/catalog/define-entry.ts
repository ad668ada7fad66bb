import { isParamName } from './guards';
import type { CatalogEntry, ParamName } from './types';

/** What a catalog file writes; `params` is derived from the templates, list fields default to empty. */
export type EntryInput = Omit<CatalogEntry, 'params' | 'newerEnglish' | 'chinese' | 'httpInferred' | 'origin' | 'window'> &
  Partial<Pick<CatalogEntry, 'newerEnglish' | 'chinese' | 'httpInferred' | 'origin' | 'window'>>;

const PLACEHOLDER = /\$\{(\w+)\}/g;

/** templateParams('Invalid ${field} parameter') -> ['field'] */
export function templateParams(templates: readonly string[]): ParamName[] {
  const names = new Set<ParamName>();
  for (const template of templates) {
    for (const m of template.matchAll(PLACEHOLDER)) {
      if (isParamName(m[1])) names.add(m[1]);
    }
  }
  return [...names];
}

/** defineEntry({ code: '1308', ... }) -> a frozen CatalogEntry with params read from its templates. */
export function defineEntry(input: EntryInput): CatalogEntry {
  const newerEnglish = Object.freeze([...(input.newerEnglish ?? [])]);
  const chinese = Object.freeze([...(input.chinese ?? [])]);
  return Object.freeze({
    ...input,
    httpInferred: input.httpInferred ?? false,
    origin: input.origin ?? 'published',
    window: input.window ?? null,
    newerEnglish,
    chinese,
    params: Object.freeze(templateParams([input.english, ...newerEnglish, ...chinese])),
    links: Object.freeze([...input.links]),
  });
}
