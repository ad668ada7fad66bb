/**
 * The demo data set: four days of a team's mixed logs against the Z.ai API, as the dashboard shows them until the user
 * brings data. It is written for the four days before the page is opened (demoStartFor), so its weekly limit still
 * blocks and its countdown runs whenever that is; for one start it is always the same text (seeded).
 * Shapes follow what real clients print: Claude Code "API Error" lines, NDJSON from an app, Python SDK reprs,
 * Anthropic-style bodies, Chinese texts; throttling bursts at the provider's peak hours (Mon–Fri 14:00–18:00 UTC+8),
 * 5-hour quota hits (1308) with their resets written zone-less in UTC+8, one weekly hit (1310), an expired plan (1309)
 * that is renewed, and ordinary lines that are not errors.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The data ends this long after its start: four days but the last two hours. */
const SPAN = 4 * DAY - 2 * HOUR;

/**
 * Where the demo opened at `now` starts: midnight UTC four days before the day of `now`. Its data then ends two hours
 * before that day began, and the weekly limit it hits near its end resets 3 to 4 days after `now`.
 * demoStartFor(Date.UTC(2026, 10, 27, 12)) -> Date.UTC(2026, 10, 23)
 */
export function demoStartFor(now: number): number {
  return Math.floor(now / DAY) * DAY - 4 * DAY;
}

/** A line, and for an API error the code it carries. */
interface Line {
  readonly t: number;
  readonly text: string;
  readonly code?: string;
}

type Writer = (t: number, status: number, code: string, message: string) => void;

const OK_LINES = [
  'INFO request completed model=glm-4.6 tokens_in=%d tokens_out=%d',
  'INFO tool call read_file ok (%d ms)',
  'DEBUG stream closed finish_reason=stop chunks=%d',
  'INFO session saved, %d messages',
] as const;

const THROTTLE = [
  ['1302', 'High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits'],
  ['1302', 'Rate limit reached for requests'],
  ['1305', 'The service may be temporarily overloaded, please try again later'],
  ['1305', '该模型当前访问量过大，请您稍后再试'],
] as const;

const EXPIRED = 'Your GLM Coding Plan package has expired and is temporarily unavailable. You can resume using it after renewing the subscription on the official website. https://z.ai/subscribe';

/** The demo's log text for data starting at `start` (see demoStartFor), and its number of lines. */
export function generateDemoLog(start: number): { readonly text: string; readonly lines: number } {
  const end = start + SPAN;
  const random = mulberry32(20261127);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const requestId = (t: number) => `${beijing(t).compact}${Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join('')}`;
  const lines: Line[] = [];
  const emit = (t: number, text: string, code?: string) => lines.push(code === undefined ? { t, text } : { t, text, code });

  const claudeCode: Writer = (t, status, code, message) => {
    const body = JSON.stringify({ type: 'error', error: { type: status === 429 ? 'rate_limit_error' : 'api_error', message: `[${code}][${message}][${requestId(t)}]` }, request_id: requestId(t) });
    emit(t, `${iso(t)} [claude-code] API Error: ${status} ${body}`, code);
  };
  const appNdjson: Writer = (t, status, code, message) =>
    emit(t, JSON.stringify({ ts: iso(t), level: 'error', service: 'review-bot', status, error: { code, message }, request_id: requestId(t) }), code);
  const pythonSdk: Writer = (t, status, code, message) => emit(t, `${iso(t)} ERROR agent.llm: Error code: ${status} - {'error': {'code': '${code}', 'message': '${message}'}}`, code);
  const writers = [claudeCode, appNdjson, pythonSdk] as const;

  const okLine = (t: number) => {
    const text = pick(OK_LINES).replace(/%d/g, () => String(Math.floor(random() * 4000) + 12));
    if (random() < 0.5) emit(t, `${iso(t)} ${text}`);
    else emit(t, JSON.stringify({ ts: iso(t), level: 'info', msg: text.replace(/^\w+ /, '') }));
  };
  const background = (t: number) => {
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
  };

  // Steady traffic with peak-hour throttling bursts.
  for (let t = start; t < end; t += 45_000 + Math.floor(random() * 90_000)) {
    background(t);
    if (isPeak(t) && random() < 0.75) {
      const [code, message] = pick(THROTTLE);
      pick(writers)(t + 500, 429, code, message);
    }
  }

  // 5-hour quota sessions: heavy use, then 1308 on every retry until the reset, in UTC+8 wall time.
  for (const [startHour, hits] of [[3, 22], [27, 35], [52, 18], [76, 40]] as const) {
    const firstHit = start + startHour * HOUR + 41 * MINUTE + 17_000;
    const reset = firstHit + 2 * HOUR + 13 * MINUTE + 9_000;
    const stamp = beijing(reset);
    for (let i = 0; i < hits; i += 1) {
      const t = firstHit + Math.floor((i / hits) * (reset - firstHit - MINUTE));
      const message =
        random() < 0.7
          ? `Usage limit reached for 5 hour. Your limit will reset at ${stamp.date} ${stamp.time}`
          : `已达到 5 小时使用上限，${stamp.date} ${stamp.time} 后可继续使用。如需超限额按量付费使用，可联系管理员开启超额按量付费。`;
      pick(writers)(t, 429, '1308', message);
    }
  }

  // The plan expired on the third morning and was renewed two hours later.
  const expiredFrom = start + 53 * HOUR + 5 * MINUTE;
  const renewedAt = start + 55 * HOUR;
  for (let t = expiredFrom; t < renewedAt; t += 4 * MINUTE + Math.floor(random() * MINUTE)) pick(writers)(t, 429, '1309', EXPIRED);

  // A key for the Coding Plan used on the pay-as-you-go endpoint.
  for (let i = 0; i < 6; i += 1) appNdjson(start + 30 * HOUR + i * 90_000, 429, '1113', 'Insufficient balance or no resource package. Please recharge.');

  // The gateway's own auth failure, with "401" as the code.
  emit(start + 40 * HOUR, `${iso(start + 40 * HOUR)} ERROR {"error":{"code":"401","message":"令牌已过期或验证不正确！"}}`);

  // The weekly window runs out late on the last day; its reset lies after the data ends.
  const weeklyHit = end - 3 * HOUR;
  const weeklyReset = beijing(weeklyHit + 4 * DAY + 5 * HOUR + 12 * MINUTE);
  for (let i = 0; i < 12; i += 1) {
    claudeCode(weeklyHit + i * 7 * MINUTE, 429, '1310', `Weekly/Monthly Limit Exhausted. Your limit will reset at ${weeklyReset.date} ${weeklyReset.time}`);
  }

  // While the plan is expired every call answers 1309: no other API error comes from that time, and the plan lane
  // reads expired, then renewed, once. (Dropped after the fact, so the seeded draws, and the rest of the text, stay.)
  const isMuted = (line: Line) => line.code !== undefined && line.code !== '1309' && line.t >= expiredFrom && line.t < renewedAt;
  const kept = lines.filter((line) => !isMuted(line)).sort((a, b) => a.t - b.t);
  return { text: `${kept.map((line) => line.text).join('\n')}\n`, lines: kept.length };
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (t: number) => new Date(t).toISOString();

/** Provider wall time (UTC+8), as next_flush_time and request ids are written. */
function beijing(t: number): { date: string; time: string; compact: string } {
  const d = new Date(t + 8 * HOUR);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return { date, time, compact: `${date.replaceAll('-', '')}${time.replaceAll(':', '')}` };
}

/** The provider's peak hours: Monday to Friday, 14:00–18:00 UTC+8. */
function isPeak(t: number): boolean {
  const d = new Date(t + 8 * HOUR);
  const day = d.getUTCDay();
  return day >= 1 && day <= 5 && d.getUTCHours() >= 14 && d.getUTCHours() < 18;
}
