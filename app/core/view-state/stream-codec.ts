import { makeControlsVisible } from '../text/display-text';
import { LIMITS } from './limits';

/**
 * The `stream` parameter: `demo`, or an http/https/ws/wss URL. A link that makes the app connect is an
 * attack surface (Grafana CVE-2025-6023), so everything else (`javascript:`, `data:`, `file:`, `blob:`)
 * is rejected, and credentials (`user:pass@`, and query parameters named like a token or key) are removed
 * before the URL is kept, written or shown (RELIABILITY G6, G12): a link is copied, shared and kept in history.
 * Connecting still needs the user's confirmation; that is the UI's job.
 */
export const DEMO_STREAM = 'demo';

const ALLOWED_PROTOCOLS: readonly string[] = ['http:', 'https:', 'ws:', 'wss:'];

export type StreamResult =
  | {
      readonly stream: string;
      /** What was taken out: 'user name and password', then the names of the query parameters removed. */
      readonly removed: readonly string[];
    }
  | { readonly reason: string };

/**
 * Whether a query parameter carries a secret by its name: `token`, `access_token`, `accessToken`, `api_key`,
 * `X-Api-Key`, `clientSecret`, `sig`… (an EventSource cannot send headers, so SSE servers often take the token
 * in the query string). Read lower-cased without separators, so every spelling of a name is one.
 * isSecretName('refreshToken') -> true; isSecretName('monkey') -> false
 */
export function isSecretName(name: string): boolean {
  const n = name.toLowerCase().replace(/[-_.\s]/g, '');
  return (
    /token|secret|passw|passwd|pwd|credential|signature|bearer|jwt|session|cookie/.test(n) ||
    /(api|private|secret|access|client|signing|auth|subscription)key/.test(n) ||
    /^(key|sig|sid|pass|auth|authorization|oauth|code)$/.test(n) ||
    (n.startsWith('auth') && !n.startsWith('author'))
  );
}

/** decodeStream('https://u:p@host/tail?token=t') -> { stream: 'https://host/tail', removed: ['user name and password', 'token'] } */
export function decodeStream(raw: string): StreamResult {
  const text = raw.trim();
  if (text.toLowerCase() === DEMO_STREAM) return { stream: DEMO_STREAM, removed: [] };
  if (text.length > LIMITS.streamChars) return { reason: `longer than ${LIMITS.streamChars} characters` };
  const url = parseUrl(text);
  if (url === null) return { reason: 'not a URL' };
  if (!ALLOWED_PROTOCOLS.includes(url.protocol)) return { reason: 'only http, https, ws and wss streams are allowed' };
  if (url.hostname === '') return { reason: 'no host' };
  const removed: string[] = url.username !== '' || url.password !== '' ? ['user name and password'] : [];
  url.username = '';
  url.password = '';
  const secretNames = [...new Set([...url.searchParams.keys()].filter(isSecretName))];
  for (const name of secretNames) url.searchParams.delete(name);
  removed.push(...secretNames.map((name) => makeControlsVisible(name)));
  // A fragment is never sent to the server: in a link it can only leak (`#access_token=…` of an OAuth redirect).
  if (url.hash !== '') removed.push('the part after #');
  url.hash = '';
  const stream = url.href;
  // Keep only URLs that the URL parser reproduces unchanged, so that the link is a fixed point.
  if (parseUrl(stream)?.href !== stream || stream.length > LIMITS.streamChars) return { reason: 'not a canonical URL' };
  return { stream, removed };
}

/** Says what decodeStream removed: removedNotice(['user name and password', 'token']) -> 'user name and password, token removed from the stream URL' */
export function removedNotice(removed: readonly string[]): string {
  return `${removed.join(', ')} removed from the stream URL: passwords and tokens never go into the page's URL`;
}

/**
 * True when a `stream` value holds what decodeStream would take out (a user name or password, a parameter named
 * like a secret, a fragment), whether or not it is a stream the app takes: the page's address must lose it.
 */
export function holdsSecret(raw: string): boolean {
  const url = parseUrl(raw.trim());
  if (url === null) return redactStream(raw) !== raw.trim();
  return url.username !== '' || url.password !== '' || url.hash !== '' || [...url.searchParams.keys()].some(isSecretName);
}

/**
 * A `stream` value as a notice may quote it: without user name and password, parameters named like a secret or
 * fragment, even when it is no URL the app takes (too long, another scheme).
 * redactStream('ftp://u:p@h/x?token=t&n=1#k') -> 'ftp://***@h/x?token=***&n=1'
 */
export function redactStream(raw: string): string {
  const withoutFragment = redactCredentials(raw.trim()).replace(/#.*$/s, '');
  return withoutFragment.replace(/([?&])([^=&#]*)=([^&#]*)/g, (whole, lead: string, name: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      // A malformed escape is judged as written.
    }
    return isSecretName(decoded) ? `${lead}${name}=***` : whole;
  });
}

/** Hides `user:pass@` in text quoted back to the user: redactCredentials('wss://a:b@h') -> 'wss://***@h' */
export function redactCredentials(text: string): string {
  return text.replace(/\/\/[^/?#@]*@/g, '//***@');
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
