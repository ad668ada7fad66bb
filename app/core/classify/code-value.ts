import { isCatalogCode } from '../catalog/catalog';

/**
 * How a `code` value from a record reads (B4). Z.ai always sends an ASCII digit string; numbers,
 * `1308.0`, `" 1308 "` and `"01308"` are accepted as that code but flagged `code_shape_coerced`.
 * Fullwidth (`１３０８`) or zero-width (`13\u200B08`) digits are never read as a code: such a record is
 * an uncatalogued error, visibly marked by its raw value.
 */
export type CodeRead =
  | { readonly kind: 'code'; readonly code: string; readonly coerced: boolean }
  /** A 3-digit non-catalog value like 429: an HTTP status in the code field. */
  | { readonly kind: 'http'; readonly status: number }
  /** 0, 200 and other success markers ("code": 200, "msg": "Operation successful"). */
  | { readonly kind: 'success' }
  | { readonly kind: 'evasive'; readonly raw: string }
  /** A gateway's own word (`model_not_found`, `""`): not a Z.ai code; kept for display. */
  | { readonly kind: 'other'; readonly raw: string }
  | { readonly kind: 'none' };

const ASCII_DIGITS = /^\d+$/;
/** Digits from other scripts (fullwidth, Arabic-Indic...) or invisible characters next to digits. */
const DISGUISED_DIGITS = /^[\s\d\p{Nd}\u200B-\u200F\u2060\uFEFF]+$/u;

/** readCode('1308') -> { kind: 'code', code: '1308', coerced: false }; readCode(1308) -> coerced: true */
export function readCode(value: unknown): CodeRead {
  if (typeof value === 'number') return readNumber(value);
  if (typeof value !== 'string') return { kind: 'none' };
  if (value.length === 4 && isFourDigits(value)) return readDigits(value, false);
  const trimmed = value.trim();
  if (ASCII_DIGITS.test(trimmed)) return readDigits(trimmed, trimmed !== value);
  if (/^\d+\.0+$/.test(trimmed)) return readDigits(trimmed.slice(0, trimmed.indexOf('.')), true);
  if (trimmed !== '' && DISGUISED_DIGITS.test(trimmed)) return { kind: 'evasive', raw: value.slice(0, 40) };
  return { kind: 'other', raw: value.slice(0, 80) };
}

function readNumber(value: number): CodeRead {
  if (!Number.isInteger(value) || value < 0 || value > 99_999) return { kind: 'other', raw: String(value).slice(0, 40) };
  return readDigits(String(value), true);
}

function readDigits(digits: string, coerced: boolean): CodeRead {
  const canonical = digits.charCodeAt(0) === 48 ? digits.replace(/^0+(?=\d)/, '') : digits;
  const isCoerced = coerced || canonical !== digits;
  const n = Number(canonical);
  if (canonical.length === 4) return { kind: 'code', code: canonical, coerced: isCoerced };
  // "500" and the gateway's "401" count only in Z.ai's string shape; as numbers they are HTTP statuses.
  if (!isCoerced && isCatalogCode(canonical)) return { kind: 'code', code: canonical, coerced: false };
  if (canonical.length === 3 && n >= 400 && n <= 599) return { kind: 'http', status: n };
  if (n === 0 || (n >= 200 && n <= 299)) return { kind: 'success' };
  return { kind: 'other', raw: digits };
}

function isFourDigits(s: string): boolean {
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
