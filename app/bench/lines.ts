import { beijingWall, intBetween, isoMillis, isoSeconds, pickFrom, pythonStamp, requestId, type Random } from './random';

/**
 * Realistic log records for the corpora, after the catalog README: the envelopes Z.ai sends (OpenAI-style,
 * Anthropic-style with bracketed messages, no wrapper), Python reprs, escaped JSON inside JSON, raw HTTP
 * responses with pretty-printed bodies, SSE dumps, stack traces, Chinese texts, and many ordinary lines.
 * Every function returns whole lines, each ending in '\n'.
 */

interface CodeText {
  readonly code: string;
  readonly status: number;
  readonly message: (t: number) => string;
}

const HOUR = 3_600_000;
const flush = (t: number, hours: number) => {
  const w = beijingWall(t + hours * HOUR);
  return `${w.date} ${w.time}`;
};

/** English wordings; 1302 is weighted as in real logs (throttling dominates). */
const CODES: readonly CodeText[] = [
  { code: '1302', status: 429, message: () => 'High concurrency usage of this API, please reduce concurrency' },
  { code: '1302', status: 429, message: () => 'Rate limit reached for requests' },
  { code: '1305', status: 429, message: () => 'The service may be temporarily overloaded, please try again later' },
  { code: '1308', status: 429, message: (t) => `Usage limit reached for 5 hour. Your limit will reset at ${flush(t, 3)}` },
  { code: '1310', status: 429, message: (t) => `Weekly/Monthly Limit Exhausted. Your limit will reset at ${flush(t, 70)}` },
  { code: '1113', status: 429, message: () => 'Insufficient balance or no resource package. Please recharge.' },
  { code: '1210', status: 400, message: () => 'Invalid API parameter, please check the documentation.' },
  { code: '1214', status: 400, message: () => 'The messages parameter is illegal. Please check the documentation.' },
  { code: '1261', status: 400, message: () => 'Prompt exceeds max length' },
  { code: '1001', status: 401, message: () => 'Authentication parameter not received in Header, unable to authenticate' },
];

const CHINESE: readonly CodeText[] = [
  { code: '1305', status: 429, message: () => '该模型当前访问量过大，请您稍后再试' },
  { code: '1302', status: 429, message: () => '您的账户已达到速率限制，请您控制请求频率' },
  { code: '1308', status: 429, message: (t) => `已达到 5 小时使用上限，${flush(t, 2)} 后可继续使用。如需超限额按量付费使用，可联系管理员开启超额按量付费。` },
  { code: '1113', status: 429, message: () => '余额不足或无可用资源包,请充值。' },
  { code: '1234', status: 500, message: (t) => `网络错误，错误id：${beijingWall(t).compact}2bc0093d0e944297，请联系客服。` },
];

const REASON: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 429: 'Too Many Requests', 500: 'Internal Server Error' };
const MODELS = ['glm-4.6', 'glm-4.7', 'glm-5', 'glm-4.5-air'];
const TOOLS = ['read_file', 'write_file', 'bash', 'grep', 'web_search'];
const SERVICES = ['review-bot', 'agent', 'batch-summarizer', 'docs-indexer'];

/** One NDJSON error line of ~126 bytes, as the TOOLCHAIN baseline used. */
export function ndjsonErrorLine(random: Random, t: number): string {
  const c = pickFrom(random, CODES);
  return `{"ts":"${isoSeconds(t)}","status":${c.status},"error":{"code":"${c.code}","message":"${c.message(t)}"}}\n`;
}

// ---- ordinary lines (not errors) ----

function infoLine(random: Random, t: number): string {
  switch (intBetween(random, 0, 6)) {
    case 0:
      return `${isoMillis(t)} INFO request completed model=${pickFrom(random, MODELS)} tokens_in=${intBetween(random, 200, 9000)} tokens_out=${intBetween(random, 50, 4000)} latency_ms=${intBetween(random, 300, 30000)}\n`;
    case 1:
      return `${isoMillis(t)} INFO tool call ${pickFrom(random, TOOLS)} ok (${intBetween(random, 3, 4000)} ms)\n`;
    case 2:
      return `{"ts":"${isoMillis(t)}","level":"info","service":"${pickFrom(random, SERVICES)}","msg":"stream closed finish_reason=stop chunks=${intBetween(random, 10, 4000)}","status":200}\n`;
    case 3:
      return `[${pythonStamp(t)}] DEBUG httpx: HTTP Request: POST https://api.z.ai/api/paas/v4/chat/completions "HTTP/1.1 200 OK"\n`;
    case 4:
      return `${isoMillis(t)} INFO worker-${intBetween(random, 1, 8)} finished job ${intBetween(random, 1000, 99999)} in ${intBetween(random, 5, 5000)} ms (queue depth ${intBetween(random, 0, 40)})\n`;
    case 5:
      return `${isoMillis(t)} INFO 会话已保存，共 ${intBetween(random, 10, 4000)} 条消息\n`;
    default:
      return `${isoMillis(t)} WARN retrying in ${intBetween(random, 1, 30)}s (attempt ${intBetween(random, 1, 5)}/5) after timeout reading from upstream\n`;
  }
}

/** A successful streamed answer dumped as SSE: several data frames, then [DONE]. */
function sseSuccess(random: Random, t: number): string {
  const id = requestId(random, t);
  let out = `${isoMillis(t)} DEBUG sse dump follows\n`;
  const n = intBetween(random, 2, 6);
  for (let i = 0; i < n; i += 1) {
    out += `data: {"id":"${id}","created":${Math.floor(t / 1000)},"model":"${pickFrom(random, MODELS)}","choices":[{"index":0,"delta":{"role":"assistant","content":"part ${i}"}}]}\n\n`;
  }
  return `${out}data: [DONE]\n\n`;
}

/** A pretty-printed JSON value that is not an error (a config or usage dump). */
function prettyUsage(random: Random, t: number): string {
  return [
    `${isoMillis(t)} DEBUG usage snapshot:`,
    '{',
    `  "model": "${pickFrom(random, MODELS)}",`,
    '  "usage": {',
    `    "prompt_tokens": ${intBetween(random, 100, 9000)},`,
    `    "completion_tokens": ${intBetween(random, 10, 4000)},`,
    `    "total_tokens": ${intBetween(random, 200, 12000)}`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** A stack trace that has nothing to do with the API. */
function unrelatedTrace(random: Random, t: number): string {
  return [
    `${isoMillis(t)} ERROR watcher: TypeError: Cannot read properties of undefined (reading 'path')`,
    `    at FileWatcher.onChange (file:///srv/agent/dist/watcher.js:${intBetween(random, 10, 400)}:17)`,
    '    at EventEmitter.emit (node:events:519:28)',
    '    at FSWatcher._handle.onchange (node:internal/fs/watchers:215:12)',
    '',
  ].join('\n');
}

// ---- error records ----

function errorRecord(random: Random, t: number): string {
  const c = pickFrom(random, CODES);
  const id = requestId(random, t);
  const msg = c.message(t);
  switch (intBetween(random, 0, 9)) {
    case 0: // Claude Code, Anthropic envelope with bracketed message
      return `${isoMillis(t)} [claude-code] API Error: ${c.status} {"type":"error","error":{"type":"rate_limit_error","code":"${c.code}","message":"[${c.code}][${msg}][${id}]"},"request_id":"${id}"}\n`;
    case 1: // Python SDK repr
      return `${pythonStamp(t)} ERROR agent.llm: Error code: ${c.status} - {'error': {'code': '${c.code}', 'message': '${msg}'}}\n`;
    case 2: // escaped JSON inside a JSON log line
      return `{"ts":"${isoMillis(t)}","level":"error","service":"${pickFrom(random, SERVICES)}","msg":"upstream failed","body":"{\\"error\\":{\\"code\\":\\"${c.code}\\",\\"message\\":\\"${msg}\\"},\\"request_id\\":\\"${id}\\"}"}\n`;
    case 3: { // raw HTTP response with a pretty-printed body
      return [
        `${isoMillis(t)} ERROR upstream response:`,
        `HTTP/1.1 ${c.status} ${REASON[c.status] ?? 'Error'}`,
        'Content-Type: application/json; charset=UTF-8',
        `Date: ${new Date(t).toUTCString()}`,
        `X-Request-Id: ${id}`,
        '',
        '{',
        '  "error": {',
        `    "code": "${c.code}",`,
        `    "message": "${msg}"`,
        '  },',
        `  "request_id": "${id}"`,
        '}',
        '',
      ].join('\n');
    }
    case 4: // SSE error after 200 OK
      return `${isoMillis(t)} DEBUG sse dump follows\nevent: error\ndata: {"error":{"code":"${c.code}","message":"${msg}"},"request_id":"${id}"}\n\ndata: [DONE]\n\n`;
    case 5: // Python traceback ending in the SDK's exception
      return [
        'Traceback (most recent call last):',
        '  File "/srv/agent/run.py", line 88, in <module>',
        '    main()',
        '  File "/srv/agent/llm.py", line 41, in complete',
        '    return client.chat.completions.create(**kwargs)',
        `openai.RateLimitError: Error code: ${c.status} - {'error': {'code': '${c.code}', 'message': '${msg}'}}`,
        '',
      ].join('\n');
    case 6: // JS error with the body in its message, then the stack
      return [
        `${isoMillis(t)} ERROR Error: ${c.status} {"error":{"code":"${c.code}","message":"${msg}"}}`,
        '    at OpenAI.makeRequest (file:///srv/app/node_modules/openai/core.mjs:331:30)',
        '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
        '    at async Agent.turn (file:///srv/app/dist/agent.js:212:22)',
        '',
      ].join('\n');
    case 7: { // Chinese, as JSON and as text only
      const z = pickFrom(random, CHINESE);
      return random() < 0.5
        ? `{"ts":"${isoMillis(t)}","status":${z.status},"error":{"code":"${z.code}","message":"${z.message(t)}"},"request_id":"${id}"}\n`
        : `${isoMillis(t)} WARN ${z.status} ${z.message(t)}\n`;
    }
    case 8: // no wrapper
      return `${isoMillis(t)} ERROR provider said {"code":"${c.code}","message":"${msg}"}\n`;
    default: // NDJSON from an app
      return `{"ts":"${isoMillis(t)}","level":"error","service":"${pickFrom(random, SERVICES)}","status":${c.status},"error":{"code":"${c.code}","message":"${msg}"},"request_id":"${id}"}\n`;
  }
}

/** One record of the mixed text corpus: mostly ordinary lines, about one record in ten an error. */
export function mixedRecord(random: Random, t: number): string {
  const r = random();
  if (r < 0.8) return infoLine(random, t);
  if (r < 0.83) return sseSuccess(random, t);
  if (r < 0.86) return prettyUsage(random, t);
  if (r < 0.88) return unrelatedTrace(random, t);
  return errorRecord(random, t);
}
