import type { ClassifierSample } from './sample-types';

const RID = '20260831171941958b81c5b1234255';

/** Every envelope the provider notes list, with the business code inside. */
export const ENVELOPE_SAMPLES: readonly ClassifierSample[] = [
  {
    id: 'openai-1302', note: 'OpenAI-compatible endpoint, older wording',
    text: '{"error":{"code":"1302","message":"High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits"}}',
    expected: { kind: 'catalogued', code: '1302', category: 'api-policy-block', http: null },
  },
  {
    id: 'ndjson-1302', note: 'the benchmark line (fast path)',
    text: '{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"High concurrency usage of this API, please reduce concurrency"}}',
    expected: { kind: 'catalogued', code: '1302', http: 429, ts: '2026-11-27T10:00:00.000Z' },
  },
  {
    id: 'openai-1308-request-id', note: 'OpenAI shape with a top-level request_id; event time from the id',
    text: `{"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41"},"request_id":"${RID}"}`,
    expected: { kind: 'catalogued', code: '1308', reset: '2026-08-31T10:19:41.000Z', plausible: true, window: '5-hour', requestId: RID, ts: '2026-08-31T09:19:41.000Z', flags: ['timestamp_from_request_id', 'reset_zone_assumed'] },
  },
  {
    id: 'anthropic-2025-type-code', note: 'Anthropic endpoint, Nov 2025: business code in error.type',
    text: '{"type":"error","error":{"type":"1113","message":"Insufficient balance or no resource package. Please recharge."},"request_id":"20251110185613958b81c5b1234255"}',
    expected: { kind: 'catalogued', code: '1113', category: 'account', ts: '2025-11-10T10:56:13.000Z' },
  },
  {
    id: 'anthropic-2026-bracket-1310', note: 'Anthropic envelope + code + bracketed message (Jun 2026 →)',
    text: '{"type":"error","error":{"type":"rate_limit_error","code":"1310","message":"[1310][Weekly/Monthly Limit Exhausted. Your limit will reset at 2026-07-14 07:49:08][20260712094908958b81c5b1234255]"},"request_id":"20260712094908958b81c5b1234255"}',
    expected: { kind: 'catalogued', code: '1310', window: 'weekly', reset: '2026-07-13T23:49:08.000Z', plausible: true, requestId: '20260712094908958b81c5b1234255' },
  },
  {
    id: 'anthropic-1313-api-error', note: 'fair-use throttle, Anthropic shape with error.type api_error',
    text: '{"type":"error","error":{"type":"api_error","code":"1313","message":"[1313][Your account\'s current usage pattern does not comply with the Fair Usage Policy, and your request frequency has been limited. For details, please refer to the Subscription Service Agreement. To restore access, please submit a request.][20260502110000c0ffee00c0ffee00]"},"request_id":"20260502110000c0ffee00c0ffee00"}',
    expected: { kind: 'catalogued', code: '1313', category: 'api-policy-block' },
  },
  {
    id: 'no-wrapper-1210', note: 'coding endpoint via Crush: no error wrapper',
    text: '{"code":"1210","message":"Invalid API parameter, please check the documentation."}',
    expected: { kind: 'catalogued', code: '1210', category: 'api-call' },
  },
  {
    id: 'python-repr-1261', note: 'Python dict repr (nanobot-style)',
    text: "{'code': '1261', 'message': 'Prompt exceeds max length'}",
    expected: { kind: 'catalogued', code: '1261', category: 'api-call' },
  },
  {
    id: 'openai-python-1211', note: 'openai-python exception text with a repr body',
    text: "Error code: 400 - {'type': 'error', 'error': {'type': 'invalid_request_error', 'code': '1211', 'message': 'Unknown Model, please check the model code.'}, 'request_id': '20260301120000abcdef0123456789'}",
    expected: { kind: 'catalogued', code: '1211', http: 400 },
  },
  {
    id: 'repr-1302-error-code', note: 'openai-python 429',
    text: "Error code: 429 - {'error': {'code': '1302', 'message': 'Rate limit reached for requests'}}",
    expected: { kind: 'catalogued', code: '1302', http: 429 },
  },
  {
    id: 'smart-quotes-1214', note: 'body pasted through a word processor',
    text: '{“error”:{“code”:“1214”,“message”:“Invalid messages parameter. Please check the documentation”}}',
    expected: { kind: 'catalogued', code: '1214', params: { field: 'messages' } },
  },
  {
    id: 'escaped-json-ccr', note: 'claude-code-router log: escaped JSON inside a JSON string; pino epoch ms time',
    text: '{"level":50,"time":1777552855123,"msg":"Error from provider: {\\"error\\":{\\"code\\":\\"1308\\",\\"message\\":\\"Usage limit reached for 5 hour. Your limit will reset at 2026-04-30 22:10:00\\"}}"}',
    expected: { kind: 'catalogued', code: '1308', ts: '2026-04-30T12:40:55.123Z', reset: '2026-04-30T14:10:00.000Z', plausible: true },
  },
  {
    id: 'gateway-wrapped', note: 'AI gateway: its own string code, the Z.ai body escaped in the message',
    text: '{"error":{"code":"provider_response_error","message":"{\\"error\\":{\\"code\\":\\"1302\\",\\"message\\":\\"Rate limit reached for requests\\"}}"}}',
    expected: { kind: 'catalogued', code: '1302' },
  },
  {
    id: 'claude-code-screen-429', note: 'Claude Code ≤ 2.0 screen line',
    text: 'API Error: 429 {"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2025-12-03 01:12:54"},"request_id":"20251202212230aa11bb22cc33dd44"}',
    expected: { kind: 'catalogued', code: '1308', http: 429, reset: '2025-12-02T17:12:54.000Z', plausible: true },
  },
  {
    id: 'claude-code-retry', note: 'Claude Code retry line',
    text: 'API Error (429 {"error":{"code":"1302","message":"Rate limit reached for requests"}}) · Retrying in 1 seconds… (attempt 1/10)',
    expected: { kind: 'catalogued', code: '1302', http: 429 },
  },
  {
    id: 'claude-code-request-rejected', note: 'Claude Code 2026 screen line with the bracketed message',
    text: `API Error: Request rejected (429) · [1308][Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41][${RID}]`,
    expected: { kind: 'catalogued', code: '1308', http: 429, reset: '2026-08-31T10:19:41.000Z', requestId: RID, window: '5-hour' },
  },
  {
    id: 'sse-event-error', note: 'SSE error event after 200 OK',
    text: 'event: error\ndata: {"error":{"code":"1302","message":"Rate limit reached for requests"},"request_id":"20260610093000aa11bb22cc33dd44"}\n\ndata: [DONE]',
    expected: { kind: 'catalogued', code: '1302', requestId: '20260610093000aa11bb22cc33dd44' },
  },
  {
    id: 'sse-data-error', note: 'top-level data frame with an error',
    text: 'data: {"error":{"code":"1305","message":"The service may be temporarily overloaded, please try again later"}}',
    expected: { kind: 'catalogued', code: '1305' },
  },
  {
    id: 'cline-json', note: 'Cline / Roo structured error',
    text: '{"message":"400 Invalid API parameter, please check the documentation.","status":400,"code":"1210","modelId":"glm-4.6","providerId":"zai","details":{"code":"1210","message":"Invalid API parameter, please check the documentation."}}',
    expected: { kind: 'catalogued', code: '1210', http: 400 },
  },
  {
    id: 'new-api-suffix', note: 'new-api relay appends the request id inside the message',
    text: '{"error":{"code":"1210","message":"Invalid API parameter, please check the documentation.      (request id: 20260326075131922547400WhbmySPg)","type":"new_api_error"}}',
    expected: { kind: 'catalogued', code: '1210', requestId: '20260326075131922547400WhbmySPg' },
  },
  {
    id: 'http-response', note: 'raw HTTP response with a pretty-printed body (one record)',
    text: 'HTTP/1.1 429 Too Many Requests\nContent-Type: application/json\nRetry-After: 3\n\n{\n  "error": {\n    "code": "1302",\n    "message": "Rate limit reached for requests"\n  }\n}',
    expected: { kind: 'catalogued', code: '1302', http: 429 },
  },
  {
    id: 'pretty-json', note: 'pretty-printed JSON record',
    text: '{\n  "error": {\n    "code": "1113",\n    "message": "余额不足或无可用资源包,请充值。"\n  }\n}',
    expected: { kind: 'catalogued', code: '1113' },
  },
  {
    id: 'zhipuai-sdk-1001', note: 'zhipuai SDK exception, Chinese live text',
    text: 'zhipuai.core._errors.APIAuthenticationError: Error code: 401, with error text {"error":{"code":"1001","message":"Header中未收到Authorization参数，无法进行身份验证。"}}',
    expected: { kind: 'catalogued', code: '1001', http: 401, category: 'authentication' },
  },
  {
    id: 'gateway-401', note: 'gateway auth failure: the string "401" as code',
    text: '{"error":{"code":"401","message":"令牌已过期或验证不正确！"}}',
    expected: { kind: 'catalogued', code: '401', category: 'authentication' },
  },
  {
    id: 'upstream-status', note: 'relay log line',
    text: 'upstream_status: HTTP 400; cause: {"error":{"code":"1214","message":"messages:输入不能为空"}}',
    expected: { kind: 'catalogued', code: '1214', http: 400, params: { field: 'messages' } },
  },
  {
    id: 'opencode-truncated', note: 'OpenCode TUI, body cut off (regex fallback)',
    text: 'Too Many Requests: {"error":{"code":"1302","message":"Rate limit reached for req',
    expected: { kind: 'catalogued', code: '1302' },
  },
  {
    id: 'continue-aggregate', note: 'one Z.ai error next to an Ollama error with code null',
    text: 'Errors: {"code":null,"message":"ollama: model \'glm-4.6:cloud\' not found"} | {"error":{"code":"1302","message":"Rate limit reached for requests"}}',
    expected: { kind: 'catalogued', code: '1302' },
  },
];
