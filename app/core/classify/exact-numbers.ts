import { REQUEST_ID_KEYS } from './walk-json';

/**
 * B5: JSON.parse reads every number as a double, so `"request_id": 18446744073709551616` reads
 * 18446744073709552000 and `"code": 1e309` reads Infinity. Ids and codes are text to us: when a reading
 * meets such a number (Signals.inexactNumber), the record is parsed again with those numbers quoted as
 * written. Rare, so the common record pays nothing; a regex, as the text is already known to be JSON.
 */
const KEYS = [...REQUEST_ID_KEYS, 'id', 'code'].join('|');
/**
 * `"key"` then `:` then a number. The key's closing quote is unescaped and a colon follows, so it ends an
 * object key, never text inside a string: quoting the number keeps the JSON valid.
 */
const NUMBER_OF_KEY = new RegExp(`("(?:${KEYS})"[ \\t\\n\\r]*:[ \\t\\n\\r]*)(-?\\d[\\d.eE+-]*)`, 'g');

/**
 * quoteInexactNumbers('{"request_id":18446744073709551616,"code":1308}') -> '{"request_id":"18446744073709551616","code":1308}'
 * Numbers a double holds exactly (safe integers) stay numbers: `1308` keeps reading as a numeric code.
 */
export function quoteInexactNumbers(json: string): string {
  return json.replace(NUMBER_OF_KEY, (whole, head: string, literal: string) => (Number.isSafeInteger(Number(literal)) ? whole : `${head}"${literal}"`));
}
