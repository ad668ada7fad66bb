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
 * Query parameters that carry a secret by their name: `token`, `access_token`, `api_key`, `X-Api-Key`, `sig`…
 * (an EventSource cannot send headers, so SSE servers often take the token in the query string).
 */
const SECRET_PARAM = /^(?:.*[-_.])?(?:token|auth|authorization|key|apikey|secret|password|passwd|pwd|pass|sig|signature|jwt|session|sessionid|sid|credentials?|bearer)$/i;

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
  const secretNames = [...new Set([...url.searchParams.keys()].filter((name) => SECRET_PARAM.test(name)))];
  for (const name of secretNames) url.searchParams.delete(name);
  removed.push(...secretNames);
  const stream = url.href;
  // Keep only URLs that the URL parser reproduces unchanged, so that the link is a fixed point.
  if (parseUrl(stream)?.href !== stream || stream.length > LIMITS.streamChars) return { reason: 'not a canonical URL' };
  return { stream, removed };
}

/** Says what decodeStream removed: removedNotice(['user name and password', 'token']) -> 'user name and password, token removed from the stream URL' */
export function removedNotice(removed: readonly string[]): string {
  return `${removed.join(', ')} removed from the stream URL: passwords and tokens never go into the page's URL`;
}

/** True when `raw` parses as a URL with a user name or password, whether or not it is a stream the app takes. */
export function holdsCredentials(raw: string): boolean {
  const url = parseUrl(raw.trim());
  return url !== null && (url.username !== '' || url.password !== '');
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
