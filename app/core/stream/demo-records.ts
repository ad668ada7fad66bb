/** A tiny seeded generator (mulberry32): nextRandom(seed) -> [value in [0, 1), next seed]. */
export function nextRandom(seed: number): readonly [number, number] {
  const next = (seed + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

const BEIJING_MS = 8 * 3600_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** formatBeijing(Date.UTC(2026, 6, 1, 0, 0, 0)) -> '2026-07-01 08:00:00' (the provider's zone-less UTC+8 stamp). */
export function formatBeijing(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + BEIJING_MS);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A Z.ai request id: yyyyMMddHHmmss in Beijing time + 16 hex digits. */
export function requestIdAt(ms: number, hex: string): string {
  return formatBeijing(ms).replace(/[- :]/g, '') + hex.padEnd(16, '0').slice(0, 16);
}

export interface DemoContext {
  readonly now: number;
  readonly requestId: string;
  /** A plausible 5-hour reset: now + 1 h … 4 h 50 min, as the provider writes it. */
  readonly reset: string;
  readonly latencyMs: number;
}

type Template = (c: DemoContext) => string;

/** Ordinary lines of an app that calls the API: the bulk of a real log. */
export const ORDINARY_TEMPLATES: readonly Template[] = [
  (c) => `${new Date(c.now).toISOString()} INFO POST /api/paas/v4/chat/completions 200 ${c.latencyMs}ms model=glm-4.6`,
  (c) => JSON.stringify({ timestamp: new Date(c.now).toISOString(), level: 'info', msg: 'stream finished', model: 'glm-4.6', finish_reason: 'stop', request_id: c.requestId }),
  (c) => `${new Date(c.now).toISOString()} DEBUG tokens prompt=1834 completion=${c.latencyMs % 900} cached=1024`,
];

/** Error lines in the shapes the provider really sends (catalog README, section "how these errors look"). */
export const ERROR_TEMPLATES: readonly Template[] = [
  (c) => `${new Date(c.now).toISOString()} ERROR API Error: 429 {"error":{"code":"1302","message":"Rate limit reached for requests"},"request_id":"${c.requestId}"}`,
  (c) => JSON.stringify({ timestamp: new Date(c.now).toISOString(), status: 429, error: { code: '1302', message: '您的账户已达到速率限制，请您控制请求频率' }, request_id: c.requestId }),
  (c) => JSON.stringify({ type: 'error', error: { type: 'overloaded_error', code: '1305', message: 'The service may be temporarily overloaded, please try again later' }, request_id: c.requestId }),
  (c) => `${new Date(c.now).toISOString()} ERROR {"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at ${c.reset}"},"request_id":"${c.requestId}"}`,
  (c) => JSON.stringify({ timestamp: new Date(c.now).toISOString(), error: { code: '1113', message: 'Insufficient balance or no resource package. Please recharge.' } }),
  (c) => `${new Date(c.now).toISOString()} WARN upstream 400 {'code': '1261', 'message': 'Prompt exceeds max length'}`,
];
