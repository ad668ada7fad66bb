const LOOPBACK_NAMES: readonly string[] = ['127.0.0.1', 'localhost'];

/**
 * True when the Host header names this server on a loopback name: a page on another site that
 * rebinds its DNS name to 127.0.0.1 sends its own name and is refused (DNS rebinding).
 * isLoopbackHost('127.0.0.1:4173', 4173) -> true; isLoopbackHost('evil.example:4173', 4173) -> false
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  return LOOPBACK_NAMES.some((name) => host === `${name}:${port}` || (port === 80 && host === name));
}

/**
 * The Origin to echo in Access-Control-Allow-Origin, only for pages served from a loopback address (the
 * dashboard's dev server on another port); any other site gets no CORS header, so it cannot read local
 * logs through the user's browser. loopbackOrigin('http://127.0.0.1:5173') -> 'http://127.0.0.1:5173'
 */
export function loopbackOrigin(origin: string | undefined): string | null {
  if (origin === undefined) return null;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && LOOPBACK_NAMES.includes(url.hostname) ? url.origin : null;
  } catch {
    return null;
  }
}
