import { CATEGORIES, VERDICTS, type Category, type Verdict } from '../catalog/types';
import { LIMITS } from './limits';
import { hasLoneSurrogate } from './query-string';
import { NO_CODE } from './view-state';

/**
 * Codecs for the list parameters (`cat`, `code`, `verdict`, `src`). Each item is checked alone: invalid
 * items are dropped, valid ones kept. Canonical order: categories and verdicts in catalog order, codes
 * numerically with `none` last, source names by code unit.
 */
export interface ListCodec<T extends string> {
  readonly param: string;
  readonly max: number;
  /** The items of one occurrence of the parameter: comma-separated unless told otherwise. */
  readonly split?: (value: string) => string[];
  /** The item, canonicalised, or a reason why it is invalid. */
  readonly decode: (item: string) => T | { readonly reason: string };
  readonly compare: (a: T, b: T) => number;
}

const CODE = /^\d{1,10}$/;
/** Longest source name kept in a link: a stream is named by its URL, up to 2048 characters. */
export const SOURCE_NAME_MAX = 4096;

function tableCodec<T extends string>(param: string, table: readonly T[], what: string): ListCodec<T> {
  return {
    param,
    max: table.length,
    decode: (item) => {
      const lower = item.toLowerCase();
      const found = table.find((t) => t === lower);
      return found ?? { reason: `not a known ${what}` };
    },
    compare: (a, b) => table.indexOf(a) - table.indexOf(b),
  };
}

export const categoriesCodec: ListCodec<Category> = tableCodec('cat', CATEGORIES, 'category');
export const verdictsCodec: ListCodec<Verdict> = tableCodec('verdict', VERDICTS, 'verdict');

export const codesCodec: ListCodec<string> = {
  param: 'code',
  max: LIMITS.codes,
  decode: (item) => {
    if (item.toLowerCase() === NO_CODE) return NO_CODE;
    return CODE.test(item) ? item : { reason: 'a code is 1 to 10 digits' };
  },
  compare: compareCodes,
};

/**
 * Sources by name (`src=mixed.log&src=app.log.gz`), one per parameter, so a name may hold a comma: a link names
 * the files it shows, whatever order they were loaded in. Any name a source can have is taken (it is shown as
 * text); a link written when sources went by number names a source "3", which is not loaded.
 */
export const sourcesCodec: ListCodec<string> = {
  param: 'src',
  max: LIMITS.sources,
  split: (value) => [value],
  decode: (item) =>
    item.length <= SOURCE_NAME_MAX && !hasLoneSurrogate(item) ? item : { reason: `a source name is 1 to ${SOURCE_NAME_MAX} characters of text` },
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
};

/** Numeric order for digit strings ('500' < '1308'), then fewer leading zeros ('401' < '0401'), `none` last. */
export function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  if (a === NO_CODE) return 1;
  if (b === NO_CODE) return -1;
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  if (x !== y) return x < y ? -1 : 1;
  return a.length - b.length;
}

/**
 * Decodes the items of every occurrence of a list parameter (`code=1308,1310&code=1302` is the union),
 * drops invalid items through `drop`, and returns the canonical list (unique, sorted, capped).
 */
export function decodeList<T extends string>(
  codec: ListCodec<T>,
  values: readonly string[],
  drop: (value: string, reason: string) => void,
): T[] {
  const kept = new Set<T>();
  let ignored = 0;
  for (const value of values) {
    for (const raw of codec.split ? codec.split(value) : value.split(',')) {
      const item = raw.trim();
      if (item === '') continue;
      if (kept.size >= codec.max) {
        ignored += 1;
        continue;
      }
      const decoded = codec.decode(item);
      if (typeof decoded === 'string') kept.add(decoded);
      else drop(item, decoded.reason);
    }
  }
  if (ignored > 0) drop('', `more than ${codec.max} values; ${ignored} ignored`);
  return [...kept].sort(codec.compare);
}
