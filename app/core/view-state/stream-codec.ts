import { LIMITS } from './limits';

/**
 * The `stream` parameter: `demo`, or an http/https/ws/wss URL. A link that makes the app connect is an
 * attack surface (Grafana CVE-2025-6023), so everything else (`javascript:`, `data:`, `file:`, `blob:`)
 * is rejected, and credentials (`user:pass@`) are removed before the URL is kept, written or shown
 * (RELIABILITY G6, G12). Connecting still needs the user's confirmation; that is the UI's job.
 */
export const DEMO_STREAM = 'demo';

const ALLOWED_PROTOCOLS: readonly string[] = ['http:', 'https:', 'ws:', 'wss:'];

export type StreamResult =
  | { readonly stream: string; readonly hadCredentials: boolean }
  | { readonly reason: string };

/** decodeStream('https://u:p@host/tail') -> { stream: 'https://host/tail', hadCredentials: true } */
export function decodeStream(raw: string): StreamResult {
  const text = raw.trim();
  if (text.toLowerCase() === DEMO_STREAM) return { stream: DEMO_STREAM, hadCredentials: false };
  if (text.length > LIMITS.streamChars) return { reason: `longer than ${LIMITS.streamChars} characters` };
  const url = parseUrl(text);
  if (url === null) return { reason: 'not a URL' };
  if (!ALLOWED_PROTOCOLS.includes(url.protocol)) return { reason: 'only http, https, ws and wss streams are allowed' };
  if (url.hostname === '') return { reason: 'no host' };
  const hadCredentials = url.username !== '' || url.password !== '';
  url.username = '';
  url.password = '';
  const stream = url.href;
  // Keep only URLs that the URL parser reproduces unchanged, so that the link is a fixed point.
  if (parseUrl(stream)?.href !== stream || stream.length > LIMITS.streamChars) return { reason: 'not a canonical URL' };
  return { stream, hadCredentials };
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
