import type { DropLog } from './dropped';
import { LIMITS } from './limits';

export interface QueryPair {
  readonly name: string;
  readonly value: string;
}

/**
 * Splits a query string into decoded pairs without ever throwing. `+` means a space (form encoding, as
 * URLSearchParams reads it); a pair whose name or value has malformed percent-encoding (`%`, `%zz`,
 * `%E0%A4%A`) is dropped. Caps: `searchChars` characters (cut at the last `&` before the cap) and `params`
 * pairs. readQueryPairs('?a=1&b=x%20y', log) -> [{ name: 'a', value: '1' }, { name: 'b', value: 'x y' }]
 */
export function readQueryPairs(search: string, log: DropLog): QueryPair[] {
  const text = capSearch(search.startsWith('?') ? search.slice(1) : search, log);
  const pairs: QueryPair[] = [];
  const segments = text.split('&').filter((s) => s.length > 0);
  for (const [index, segment] of segments.entries()) {
    if (index >= LIMITS.params) {
      log.add('…', '', `more than ${LIMITS.params} parameters; ${segments.length - LIMITS.params} ignored`);
      break;
    }
    const pair = decodePair(segment, log);
    if (pair !== null) pairs.push(pair);
  }
  return pairs;
}

function capSearch(text: string, log: DropLog): string {
  if (text.length <= LIMITS.searchChars) return text;
  const lastAmp = text.lastIndexOf('&', LIMITS.searchChars);
  const cut = lastAmp > 0 ? lastAmp : LIMITS.searchChars;
  log.add('…', text.slice(cut, cut + 40), `link longer than ${LIMITS.searchChars} characters; the rest was ignored`);
  return text.slice(0, cut);
}

function decodePair(segment: string, log: DropLog): QueryPair | null {
  const eq = segment.indexOf('=');
  const rawName = eq < 0 ? segment : segment.slice(0, eq);
  const rawValue = eq < 0 ? '' : segment.slice(eq + 1);
  const name = decodeComponent(rawName);
  const value = decodeComponent(rawValue);
  if (name === null || value === null) {
    log.add(name ?? rawName, rawValue, 'malformed percent-encoding');
    return null;
  }
  return { name, value };
}

/** decodeURIComponent with form `+`, or null instead of a URIError. */
export function decodeComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** encodeURIComponent that never throws: lone surrogates become U+FFFD first. */
export function encodeComponent(value: string): string {
  return encodeURIComponent(toWellFormed(value));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function hasLoneSurrogate(value: string): boolean {
  return new RegExp(LONE_SURROGATE.source).test(value);
}

function toWellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD');
}
