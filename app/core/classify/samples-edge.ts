import type { ClassifierSample } from './sample-types';

const BODY_1308 = 'Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41';

/** Code shapes, uncatalogued errors, look-alikes, non-errors and rejections. */
export const EDGE_SAMPLES: readonly ClassifierSample[] = [
  { id: 'c8-mismatch', note: 'C8: 1308 wording with code 1309 — the code wins', text: `{"error":{"code":"1309","message":"${BODY_1308}"}}`, expected: { kind: 'catalogued', code: '1309', flags: ['code_message_mismatch'] } },
  { id: 'b4-number', note: 'B4: numeric code', text: `{"error":{"code":1308,"message":"${BODY_1308}"}}`, expected: { kind: 'catalogued', code: '1308', flags: ['code_shape_coerced'] } },
  { id: 'b4-float', note: 'B4: 1308.0', text: `{"error":{"code":1308.0,"message":"${BODY_1308}"}}`, expected: { kind: 'catalogued', code: '1308', flags: ['code_shape_coerced'] } },
  { id: 'b4-spaces', note: 'B4: padded string', text: `{"error":{"code":" 1308 ","message":"${BODY_1308}"}}`, expected: { kind: 'catalogued', code: '1308', flags: ['code_shape_coerced'] } },
  { id: 'b4-leading-zero', note: 'B4: "01308"', text: `{"error":{"code":"01308","message":"${BODY_1308}"}}`, expected: { kind: 'catalogued', code: '1308', flags: ['code_shape_coerced'] } },
  { id: 'b4-zero-width', note: 'B4/D9: zero-width space inside the code', text: `{"error":{"code":"13\u200B08","message":"${BODY_1308}"}}`, expected: { kind: 'uncatalogued', code: null } },
  { id: 'b4-fullwidth', note: 'B4: fullwidth digits', text: `{"error":{"code":"１３０８","message":"${BODY_1308}"}}`, expected: { kind: 'uncatalogued', code: null } },
  { id: 'c10-unknown-code', note: 'C10: a code the catalog does not know', text: '{"error":{"code":"1399","message":"Something new happened"}}', expected: { kind: 'uncatalogued', code: '1399' } },
  { id: 'c3-status-only', note: 'C3: status line without a Z.ai body', text: 'HTTP/1.1 429 Too Many Requests', expected: { kind: 'uncatalogued', code: null, http: 429 } },
  { id: 'responses-model-not-found', note: 'Responses protocol: string code, not Z.ai', text: '{"type":"response.failed","response":{"error":{"code":"model_not_found","message":"The model glm-9 does not exist"}}}', expected: { kind: 'uncatalogued', code: null, params: { rawCode: 'model_not_found' } } },
  { id: 'ollama-null-code', note: 'another provider in the same log', text: '{"error":{"code":null,"message":"model \'glm-4.6:cloud\' not found"},"status":404}', expected: { kind: 'uncatalogued', code: null, http: 404 } },
  { id: 'lookalike-claude-limit', note: 'Anthropic plan limit in Claude Code', text: 'Claude usage limit reached. Your limit will reset at 5pm (Europe/Warsaw).', expected: { kind: 'non-error' } },
  { id: 'lookalike-claude-ai-epoch', note: 'Anthropic plan limit with epoch seconds', text: 'Claude AI usage limit reached|1755615600', expected: { kind: 'non-error' } },
  { id: 'lookalike-hit-limit', note: 'newer Claude Code notice', text: "You've hit your limit · resets 1:30pm (Asia/Calcutta)", expected: { kind: 'non-error' } },
  { id: 'lookalike-5-hour', note: 'Claude Code status line', text: '5-hour limit reached ∙ resets 2pm', expected: { kind: 'non-error' } },
  {
    id: 'lookalike-anthropic-429', note: "Anthropic's own rate limit: an error, but never a Z.ai one",
    text: '429 {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed your account\'s rate limit. Please try again later."},"request_id":"req_011CUzP5hWQzZ1p4Lw3N8vXy"}',
    expected: { kind: 'uncatalogued', code: null, http: 429 },
  },
  {
    id: 'lookalike-transcript', note: 'Claude Code API-error record for an Anthropic limit',
    text: '{"type":"assistant","timestamp":"2025-08-19T12:00:00.000Z","message":{"model":"<synthetic>","content":[{"type":"text","text":"Claude AI usage limit reached|1755615600"}]},"isApiErrorMessage":true}',
    expected: { kind: 'uncatalogued', code: null },
  },
  { id: 'lookalike-windows-1308', note: 'Windows system error 1308', text: 'ERROR_INVALID_PRIMARY_GROUP 1308 (0x51C): This security ID may not be assigned as the primary group of an object.', expected: { kind: 'non-error' } },
  { id: 'lookalike-took-ms', note: 'a plain number', text: '2026-11-27 10:00:00 INFO compaction took 1308 ms', expected: { kind: 'non-error' } },
  { id: 'lookalike-port', note: 'a plain number', text: 'listening on port 1302', expected: { kind: 'non-error' } },
  { id: 'lookalike-count', note: 'a number in an unrelated key', text: '{"count": 1308, "status": "ok"}', expected: { kind: 'non-error' } },
  { id: 'non-error-log', note: 'ordinary log line', text: '2026-11-27 10:00:00 INFO server started on port 8080', expected: { kind: 'non-error' } },
  { id: 'non-error-bracket-log', note: 'bracketed prefix is not JSON', text: '[2026-01-01 10:00:00] INFO request completed in 12 ms', expected: { kind: 'non-error' } },
  { id: 'non-error-blank', note: 'blank line', text: '', expected: { kind: 'non-error' } },
  { id: 'non-error-success', note: 'successful completion', text: '{"id":"20260430204055297b81c5b1234255","created":1777552855,"model":"glm-4.6","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Hello"}}],"usage":{"prompt_tokens":8,"completion_tokens":2}}', expected: { kind: 'non-error' } },
  { id: 'non-error-quota-api', note: 'quota API answer (code 200)', text: '{"code":200,"msg":"Operation successful","data":{"limits":[{"type":"TOKENS_LIMIT","unit":3,"number":5,"percentage":0}],"level":"pro"},"success":true}', expected: { kind: 'non-error' } },
  { id: 'non-error-done', note: 'SSE end marker', text: 'data: [DONE]', expected: { kind: 'non-error' } },
  { id: 'non-error-generic-word', note: 'generic wording outside an error context', text: 'Internal Error', expected: { kind: 'non-error' } },
  { id: 'b1-cut', note: 'B1: cut JSON', text: '{"error": ', expected: { kind: 'rejected', reason: 'malformed_json' } },
  { id: 'b1-trailing-comma', note: 'B1/B7: trailing comma', text: '{"a":1,}', expected: { kind: 'rejected', reason: 'malformed_json' } },
  { id: 'b9-concatenated', note: 'B9: two objects on one line, nothing recoverable', text: '{"a":1}{"b":2}', expected: { kind: 'rejected', reason: 'malformed_json' } },
  { id: 'a4-nul', note: 'A4: NUL bytes', text: '{"error":{"code":"1302"}}\u0000\u0000', expected: { kind: 'rejected', reason: 'binary_data' } },
  { id: 'b2-deep', note: 'B2: 100,000 nested brackets', text: '['.repeat(100_000), expected: { kind: 'rejected', reason: 'json_too_deep' } },
  { id: 'b2-deep-closed', note: 'B2: valid JSON, 100,000 levels deep', text: `${'{"a":['.repeat(50_000)}1${']}'.repeat(50_000)}`, expected: { kind: 'rejected', reason: 'json_too_deep' } },
];
