/**
 * Writes public/demo/quotalens-demo.log: four days of a team's mixed logs against the Z.ai API, as the
 * dashboard shows them until the user brings data. Deterministic (seeded), so the file is reproducible:
 *   npm run demo-data
 * Shapes follow what real clients print: Claude Code "API Error" lines, NDJSON from an app, Python SDK
 * reprs, Anthropic-style bodies, Chinese texts; throttling bursts at the provider's peak hours (Mon–Fri
 * 14:00–18:00 UTC+8), 5-hour quota hits (1308) with their resets written zone-less in UTC+8, one weekly
 * hit (1310), an expired plan (1309) that is renewed, and ordinary lines that are not errors.
 */
import { writeFileSync } from 'node:fs';

const START = Date.UTC(2026, 10, 23, 0, 0, 0); // Mon 2026-11-23 00:00 UTC
const END = Date.UTC(2026, 10, 26, 22, 0, 0);
const HOUR = 3_600_000;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261127);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (t: number) => new Date(t).toISOString();
/** Provider wall time (UTC+8), as next_flush_time and request ids are written. */
function beijing(t: number): { date: string; time: string; compact: string } {
  const d = new Date(t + 8 * HOUR);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return { date, time, compact: `${date.replaceAll('-', '')}${time.replaceAll(':', '')}` };
}
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
const requestId = (t: number) => `${beijing(t).compact}${hex(16)}`;

/** A line, and for an API error the code it carries. */
type Line = { t: number; text: string; code?: string };
const lines: Line[] = [];
const emit = (t: number, text: string, code?: string) => lines.push(code === undefined ? { t, text } : { t, text, code });

function claudeCode(t: number, status: number, code: string, message: string) {
  const body = JSON.stringify({ type: 'error', error: { type: status === 429 ? 'rate_limit_error' : 'api_error', message: `[${code}][${message}][${requestId(t)}]` }, request_id: requestId(t) });
  emit(t, `${iso(t)} [claude-code] API Error: ${status} ${body}`, code);
}
function appNdjson(t: number, status: number, code: string, message: string) {
  emit(t, JSON.stringify({ ts: iso(t), level: 'error', service: 'review-bot', status, error: { code, message }, request_id: requestId(t) }), code);
}
function pythonSdk(t: number, status: number, code: string, message: string) {
  emit(t, `${iso(t)} ERROR agent.llm: Error code: ${status} - {'error': {'code': '${code}', 'message': '${message}'}}`, code);
}
const writers = [claudeCode, appNdjson, pythonSdk] as const;

const OK_LINES = [
  'INFO request completed model=glm-4.6 tokens_in=%d tokens_out=%d',
  'INFO tool call read_file ok (%d ms)',
  'DEBUG stream closed finish_reason=stop chunks=%d',
  'INFO session saved, %d messages',
] as const;

function okLine(t: number) {
  const text = pick(OK_LINES).replace(/%d/g, () => String(Math.floor(random() * 4000) + 12));
  if (random() < 0.5) emit(t, `${iso(t)} ${text}`);
  else emit(t, JSON.stringify({ ts: iso(t), level: 'info', msg: text.replace(/^\w+ /, '') }));
}

const isPeak = (t: number) => {
  const d = new Date(t + 8 * HOUR);
  const day = d.getUTCDay();
  return day >= 1 && day <= 5 && d.getUTCHours() >= 14 && d.getUTCHours() < 18;
};

const THROTTLE = [
  ['1302', 'High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits'],
  ['1302', 'Rate limit reached for requests'],
  ['1305', 'The service may be temporarily overloaded, please try again later'],
  ['1305', '该模型当前访问量过大，请您稍后再试'],
] as const;

function background(t: number) {
  if (random() < 0.9) return okLine(t);
  const r = random();
  if (r < 0.3) return pick(writers)(t, 400, '1210', 'Invalid API parameter, please check the documentation.');
  if (r < 0.45) return pick(writers)(t, 400, '1214', 'The messages parameter is illegal. Please check the documentation.');
  if (r < 0.55) return pick(writers)(t, 400, '1261', 'Prompt exceeds max length');
  if (r < 0.65) return pick(writers)(t, 500, '500', 'Internal Error');
  if (r < 0.72) return pick(writers)(t, 500, '1234', `网络错误，错误id：${requestId(t)}，请联系客服。`);
  if (r < 0.8) return pick(writers)(t, 400, '1211', 'Unknown Model, please check the model code.');
  if (r < 0.9) return emit(t, `${iso(t)} WARN Claude usage limit reached. Your limit will reset at 5pm (Europe/Warsaw).`);
  // A line cut by a crashed writer: counted as rejected (malformed JSON), never guessed at.
  return emit(t, `{"ts":"${iso(t)}","level":"error","status":5`);
}

// Steady traffic with peak-hour throttling bursts.
for (let t = START; t < END; t += 45_000 + Math.floor(random() * 90_000)) {
  background(t);
  if (isPeak(t) && random() < 0.75) {
    const [code, message] = pick(THROTTLE);
    pick(writers)(t + 500, 429, code, message);
  }
}

// 5-hour quota sessions: heavy use, then 1308 on every retry until the reset, in UTC+8 wall time.
for (const [startHour, hits] of [[3, 22], [27, 35], [52, 18], [76, 40]] as const) {
  const firstHit = START + startHour * HOUR + 41 * 60_000 + 17_000;
  const reset = firstHit + (2 * HOUR + 13 * 60_000 + 9_000);
  const stamp = beijing(reset);
  for (let i = 0; i < hits; i += 1) {
    const t = firstHit + Math.floor((i / hits) * (reset - firstHit - 60_000));
    const english = random() < 0.7;
    const message = english
      ? `Usage limit reached for 5 hour. Your limit will reset at ${stamp.date} ${stamp.time}`
      : `已达到 5 小时使用上限，${stamp.date} ${stamp.time} 后可继续使用。如需超限额按量付费使用，可联系管理员开启超额按量付费。`;
    pick(writers)(t, 429, '1308', message);
  }
}

// The plan expired on Wednesday morning and was renewed two hours later.
const EXPIRED_FROM = START + 53 * HOUR + 5 * 60_000;
const RENEWED_AT = START + 55 * HOUR;
for (let t = EXPIRED_FROM; t < RENEWED_AT; t += 4 * 60_000 + Math.floor(random() * 60_000)) {
  pick(writers)(t, 429, '1309', 'Your GLM Coding Plan package has expired and is temporarily unavailable. You can resume using it after renewing the subscription on the official website. https://z.ai/subscribe');
}

// A key for the Coding Plan used on the pay-as-you-go endpoint.
for (let i = 0; i < 6; i += 1) appNdjson(START + 30 * HOUR + i * 90_000, 429, '1113', 'Insufficient balance or no resource package. Please recharge.');

// The gateway's own auth failure, with "401" as the code.
emit(START + 40 * HOUR, `${iso(START + 40 * HOUR)} ERROR {"error":{"code":"401","message":"令牌已过期或验证不正确！"}}`);

// The weekly window runs out late on Thursday; its reset lies after the data ends.
const weeklyHit = END - 3 * HOUR;
const weeklyReset = beijing(weeklyHit + 4 * 24 * HOUR + 5 * HOUR + 12 * 60_000);
for (let i = 0; i < 12; i += 1) {
  claudeCode(weeklyHit + i * 7 * 60_000, 429, '1310', `Weekly/Monthly Limit Exhausted. Your limit will reset at ${weeklyReset.date} ${weeklyReset.time}`);
}

// While the plan is expired every call answers 1309: no other API error comes from that time, and the plan lane
// reads expired, then renewed, once. (Dropped after the fact, so the seeded draws, and the rest of the file, stay.)
const isMuted = (line: Line) => line.code !== undefined && line.code !== '1309' && line.t >= EXPIRED_FROM && line.t < RENEWED_AT;
const kept = lines.filter((line) => !isMuted(line)).sort((a, b) => a.t - b.t);
const text = `${kept.map((line) => line.text).join('\n')}\n`;
writeFileSync(new URL('../../public/demo/quotalens-demo.log', import.meta.url), text);
console.log(`wrote ${kept.length} lines, ${Buffer.byteLength(text)} bytes`);
