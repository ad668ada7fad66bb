import type { ClassifierSample } from './sample-types';

/** Client logs that keep only text, Claude Code transcripts, streams and Chinese wordings. */
export const TEXT_SAMPLES: readonly ClassifierSample[] = [
  { id: 'text-1305-zh', note: 'client dropped the body (FAQ wording)', text: '429 该模型当前访问量过大，请您稍后再试', expected: { kind: 'catalogued', code: '1305', http: 429, flags: ['code_from_text'] } },
  { id: 'text-1312-zh', note: '1312 extends the 1305 sentence: the longer wording wins', text: '429 该模型当前访问量过大，请您稍后再试，或切换其他模型如 GLM-4.7 等', expected: { kind: 'catalogued', code: '1312', params: { model_name: 'GLM-4.7' } } },
  { id: 'text-1000', note: 'seen as a bare status line', text: '401 Authentication Failed', expected: { kind: 'catalogued', code: '1000', http: 401 } },
  { id: 'text-litellm-1113', note: 'LiteLLM exception, truncated newer wording', text: 'litellm.RateLimitError: ZaiException - Insufficient balance or no resource package', expected: { kind: 'catalogued', code: '1113' } },
  { id: 'text-opencode-go-1310', note: 'OpenCode Go forwards the Z.ai text', text: 'Error from provider (Z.ai): Weekly/Monthly Limit Exhausted.', expected: { kind: 'catalogued', code: '1310', window: 'weekly' } },
  {
    id: 'text-retry-error-1313', note: 'two-line record: a retry wrapper and the fair-use text',
    text: "Retry Error\nYour account's current usage pattern does not comply with the Fair Usage Policy, and your request frequency has been limited. For details, please refer to the Subscription Service Agreement. To restore access, please submit a request.",
    expected: { kind: 'catalogued', code: '1313' },
  },
  { id: 'dify-1214', note: 'Dify error text', text: '[1214], [history参数非法，请检查文档]', expected: { kind: 'catalogued', code: '1214', params: { field: 'history' } } },
  { id: 'text-1308-placeholder', note: 'C11: the published template leaked into a log', text: 'Usage limit reached for . Your limit will reset at ${next_flush_time}', expected: { kind: 'catalogued', code: '1308', reset: null } },
  {
    id: 'transcript-assistant-1113', note: 'Claude Code transcript: final API-error record',
    text: '{"parentUuid":"5b1c","isSidechain":false,"type":"assistant","uuid":"9e2f","timestamp":"2025-11-10T10:56:15.929Z","message":{"id":"msg_1","model":"<synthetic>","role":"assistant","type":"message","content":[{"type":"text","text":"API Error: 429 {\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"1113\\",\\"message\\":\\"Insufficient balance or no resource package. Please recharge.\\"},\\"request_id\\":\\"20251110185613958b81c5b1234255\\"}"}]},"error":"rate_limit","isApiErrorMessage":true,"apiErrorStatus":429}',
    expected: { kind: 'catalogued', code: '1113', http: 429, ts: '2025-11-10T10:56:15.929Z', requestId: '20251110185613958b81c5b1234255' },
  },
  {
    id: 'transcript-system-1305', note: 'Claude Code transcript: retry record, 529 overloaded',
    text: '{"type":"system","subtype":"api_error","level":"error","error":{"status":529,"message":"{\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"overloaded_error\\",\\"code\\":\\"1305\\",\\"message\\":\\"[1305][The service may be temporarily overloaded, please try again later][20260412101500ab12cd34ef567890]\\"},\\"request_id\\":\\"20260412101500ab12cd34ef567890\\"}","formatted":null,"connection":null,"rateLimits":null},"retryInMs":1120,"retryAttempt":1,"maxRetries":10,"timestamp":"2026-04-12T02:15:01.204Z"}',
    expected: { kind: 'catalogued', code: '1305', http: 529, ts: '2026-04-12T02:15:01.204Z' },
  },
  {
    id: 'bug-report-errors', note: 'Claude Code /bug "Errors" array: escaped JSON with a stack',
    text: '[{"error":"Error: {\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"rate_limit_error\\",\\"code\\":\\"1308\\",\\"message\\":\\"[1308][Usage limit reached for 5 hour. Your limit will reset at 2025-11-10 22:40:11][20251110185613958b81c5b1234255]\\"}}\\n    at Ze (file:///cli.js:1:2)","timestamp":"2025-11-10T10:56:15.929Z"}]',
    expected: { kind: 'catalogued', code: '1308', ts: '2025-11-10T10:56:15.929Z', reset: '2025-11-10T14:40:11.000Z', plausible: true },
  },
  {
    id: 'stream-sensitive', note: 'stream chunk ending with finish_reason "sensitive" (docs: no error code in streams)',
    text: '{"id":"20260430204055297b81c5b1234255","created":1777552855,"model":"glm-4.6","choices":[{"index":0,"finish_reason":"sensitive","delta":{"role":"assistant","content":""}}]}',
    expected: { kind: 'catalogued', code: '1301', ts: '2026-04-30T12:40:55.000Z' },
  },
  {
    id: 'stream-network-error', note: 'finish_reason "network_error": an error with no code',
    text: 'data: {"id":"20260430204055297b81c5b1234255","created":1777552855,"model":"glm-4.6","choices":[{"index":0,"finish_reason":"network_error","delta":{"content":""}}]}',
    expected: { kind: 'uncatalogued', code: null, params: { finish_reason: 'network_error' } },
  },
  { id: 'zh-1308-docs', note: 'C9: Chinese 1308 (docs wording)', text: '{"error":{"code":"1308","message":"已达到 5 小时的使用上限。您的限额将在 2026-08-25 07:41:44 重置。"}}', expected: { kind: 'catalogued', code: '1308', reset: '2026-08-24T23:41:44.000Z', window: '5-hour' } },
  { id: 'zh-1308-text-only', note: 'C9 without a code', text: '已达到 5 小时的使用上限。您的限额将在 2026-08-25 07:41:44 重置。', expected: { kind: 'catalogued', code: '1308', reset: '2026-08-24T23:41:44.000Z' } },
  { id: 'zh-1308-live', note: 'Chinese 1308, live 2026 wording', text: '{"error":{"code":"1308","message":"已达到 5 小时使用上限，2026-09-06 09:04:58 后可继续使用。如需超限额按量付费使用，可联系管理员开启超额按量付费。"}}', expected: { kind: 'catalogued', code: '1308', reset: '2026-09-06T01:04:58.000Z', window: '5-hour' } },
  { id: 'zh-1308-live-text-only', note: 'live wording without a code', text: '429 已达到 5 小时使用上限，2026-09-06 09:04:58 后可继续使用。如需超限额按量付费使用，可联系管理员开启超额按量付费。', expected: { kind: 'catalogued', code: '1308', reset: '2026-09-06T01:04:58.000Z' } },
  {
    id: 'e1-oh-my-pi', note: 'E1: zone-less stamp, event at 06:37:09.823+08:00',
    text: '2026-09-06T06:37:09.823+08:00 ERROR request failed: {"error":{"code":"1308","message":"已达到 5 小时的使用上限。您的限额将在 2026-09-06 09:04:58 重置。"}}',
    expected: { kind: 'catalogued', code: '1308', reset: '2026-09-06T01:04:58.000Z', plausible: true, ts: '2026-09-05T22:37:09.823Z' },
  },
  { id: 'zh-1310-live', note: '1310 Chinese live wording (weekly)', text: '{"error":{"code":"1310","message":"已达到 7 天使用上限，2026-09-10 12:00:00 后可继续使用。"}}', expected: { kind: 'catalogued', code: '1310', window: 'weekly', reset: '2026-09-10T04:00:00.000Z' } },
  { id: 'zh-1310-text-only', note: '1310 Chinese live wording, no code', text: '已达到 7 天使用上限，2026-09-10 12:00:00 后可继续使用。', expected: { kind: 'catalogued', code: '1310', window: 'weekly' } },
  { id: 'en-1308-month', note: 'MCP tool quota: 1308 for 1 month', text: '{"error":{"code":"1308","message":"Usage limit reached for 1 month. Your limit will reset at 2026-10-01 00:00:00"}}', expected: { kind: 'catalogued', code: '1308', window: 'monthly', reset: '2026-09-30T16:00:00.000Z' } },
  { id: 'en-1310-tool-month', note: 'reconstructed: 1310 for a monthly MCP tool quota', text: '{"error":{"code":"1310","message":"Weekly/Monthly Limit Exhausted for web_search_prime monthly quota. Your limit will reset at 2026-10-01 00:00:00"}}', expected: { kind: 'catalogued', code: '1310', window: 'monthly' } },
  { id: 'e11-iso-z', note: 'E11: fixture-style ISO stamp with Z keeps its zone', text: '{"error":{"code":"1310","message":"Weekly/Monthly Limit Exhausted. Your limit will reset at 2026-07-14T07:49:08Z"}}', expected: { kind: 'catalogued', code: '1310', reset: '2026-07-14T07:49:08.000Z' } },
  { id: 'e12-date-only', note: 'E12: date-only weekly reset', text: '{"error":{"code":"1310","message":"Weekly/Monthly Limit Exhausted. Your limit will reset at 2026-08-30"}}', expected: { kind: 'catalogued', code: '1310', reset: '2026-08-29T16:00:00.000Z', flags: ['reset_date_only', 'reset_zone_assumed'] } },
  {
    id: 'e10-stale', note: 'E10: reset 8 h before the logged event',
    text: '2026-09-06T10:00:00Z {"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-09-06 10:00:00"}}',
    expected: { kind: 'catalogued', code: '1308', reset: '2026-09-06T02:00:00.000Z', plausible: false, flags: ['reset_time_implausible'] },
  },
  {
    id: 'e10-beyond-window', note: 'E10: reset 2 days after a 5-hour hit',
    text: '{"ts":"2026-09-06T10:00:00Z","error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-09-08 18:00:00"}}',
    expected: { kind: 'catalogued', code: '1308', plausible: false, flags: ['reset_time_implausible'] },
  },
  { id: 'json-placeholder', note: 'C11 with a code', text: '{"error":{"code":"1308","message":"Usage limit reached for . Your limit will reset at ${next_flush_time}"}}', expected: { kind: 'catalogued', code: '1308', reset: null } },
  { id: 'zh-1234-live', note: 'api.z.ai answering in Chinese', text: '{"error":{"code":"1234","message":"网络错误，错误id：202602261029392bc0093d0e944297，请联系客服。"}}', expected: { kind: 'catalogued', code: '1234', params: { error_id: '202602261029392bc0093d0e944297' } } },
  { id: 'en-1311', note: 'Lite plan asking for GLM-5', text: '{"error":{"code":"1311","message":"Your current subscription plan does not yet include access to GLM-5"}}', expected: { kind: 'catalogued', code: '1311', params: { model_name: 'GLM-5' } } },
];
