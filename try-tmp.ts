import { classifyRecord } from './app/core/classify/classify';
const lines = process.argv.slice(2).length ? process.argv.slice(2) : [
 '{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"High concurrency usage of this API, please reduce concurrency"}}',
 '2026-11-27 10:00:00 INFO server started on port 8080',
 '429 该模型当前访问量过大，请您稍后再试',
 'API Error: Request rejected (429) · [1308][Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41][20260831171941958b81c5b1234255]',
 '{"type":"error","error":{"type":"rate_limit_error","code":"1310","message":"[1310][Weekly/Monthly Limit Exhausted. Your limit will reset at 2026-07-14 07:49:08][20260712094908958b81c5b1234255]"},"request_id":"20260712094908958b81c5b1234255"}',
 "Error code: 429 - {'error': {'code': '1302', 'message': 'Rate limit reached for requests'}}",
 '{"error":{"code":"401","message":"令牌已过期或验证不正确！"}}',
 'Claude AI usage limit reached|1755615600',
 '429 {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed your account\'s rate limit. Please try again later."},"request_id":"req_011CUzP5hWQzZ1p4Lw3N8vXy"}',
 '{"error": ',
 '[2026-01-01 10:00:00] INFO ok',
 '{"choices":[{"index":0,"finish_reason":"sensitive","delta":{"role":"assistant","content":""}}],"id":"20260430204055297b81c5b1234255","created":1777552855}',
];
for (const l of lines) console.log(l.slice(0, 70), '\n   =>', JSON.stringify(classifyRecord(l), (k, v) => (k === 'entry' ? v.code : v)));
