import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATALOG } from '../catalog/catalog';
import { classifyRecord, classifyRecordFull } from './classify';
import { isPlainJsonNonError } from './json-pre-check';
import { mightBeErrorText } from './pre-check';
import { CLASSIFIER_SAMPLES } from './samples';
import { matchText } from './text-match';
import { mayMatchWording } from './wording-gate';

/** The shortcuts added for speed (JSON info lines, text with braces, the wording gate) answer as the full path does. */
const WORDINGS = CATALOG.flatMap((e) => [e.english, ...e.newerEnglish, ...e.chinese]);
const STRINGS = [
  'request completed', 'stream closed finish_reason=stop chunks=239', 'info', 'glm-4.6', '2026-11-27T10:00:00Z', '429 Too Many Requests',
  ' 500 oops', '[1308][x]', '{"code":"1302"}', 'sensitive', 'network_error', 'stop', 'ZaiException', 'req_011x', '',
  'Claude AI usage limit reached', 'You\u2019ve hit your limit', '\u2018code\u2019', 'API Error: 429', 'HTTP/1.1 200 OK', '会话已保存，共 3959 条消息',
  ...WORDINGS.slice(0, 40),
];
const KEYS = ['ts', 'level', 'msg', 'message', 'service', 'status', 'statusCode', 'http_status', 'code', 'type', 'error', 'event', 'subtype',
  'finish_reason', 'isApiErrorMessage', 'formatted', 'detail', 'body', 'request_id', 'id', '__proto__'];
const value = fc.oneof(
  fc.constantFrom(...STRINGS).map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('200', '429', '4.29e2', '500', '99', '1e400', '-0', 'true', 'false', 'null', '"429"', '"200"', '{}', '[]', '01', '"a\\u0063"'),
);
const flatJson = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), value, fc.constantFrom('', ' ')), { maxLength: 6 })
  .map((pairs) => `{${pairs.map(([k, v, sp]) => `"${k}":${sp}${v}`).join(',')}}`);
const finish = fc.constantFrom('null', '"stop"', '"length"', '"sensitive"', '"network_error"', '"tool_calls"');
const sseFrame = fc
  .tuple(fc.constantFrom(...STRINGS), finish, fc.constantFrom('glm-4.6', 'glm-5'), fc.boolean())
  .map(([content, reason, model, withError]) => {
    const error = withError ? ',"error":{"code":"1302","message":"x"}' : '';
    return `data: {"id":"2026112008000240ec6b41c697c5e2","model":"${model}","choices":[{"index":0,"delta":{"content":${JSON.stringify(content)}},"finish_reason":${reason}}]${error}}\n`;
  });
const textWithBraces = fc
  .array(fc.oneof(fc.constantFrom(...STRINGS), fc.constantFrom('{', '}', '"', "'", ':', ',', ' ', '\\', '{"a":', '"}')), { maxLength: 12 })
  .map((parts) => `2026-11-20 00:00:00 INFO ${parts.join('')}`);
const anyRecord = fc.oneof(flatJson, sseFrame, textWithBraces, fc.constantFrom(...STRINGS));

describe('speed shortcuts agree with the full path', () => {
  it('classifyRecord equals classifyRecordFull on JSON info lines, SSE frames and text with braces', () => {
    fc.assert(fc.property(anyRecord, (r) => {
      expect(classifyRecord(r)).toEqual(classifyRecordFull(r));
    }), { numRuns: 3000 });
  });

  it('a JSON line the JSON pre-check clears is a non-error on the full path', () => {
    fc.assert(fc.property(flatJson, (l) => {
      if (isPlainJsonNonError(l)) expect(classifyRecordFull(l).kind).toBe('non-error');
    }), { numRuns: 3000 });
    expect(isPlainJsonNonError('{"ts":"2026-11-20T00:00:04.273Z","level":"info","msg":"stream closed finish_reason=stop chunks=239","status":200}')).toBe(true);
    expect(isPlainJsonNonError('{"level":"info","status":4.29e2}')).toBe(false);
    expect(isPlainJsonNonError('{"level":"info","msg":"429 slow down"}')).toBe(false);
  });

  it('a text the brace-aware pre-check clears is a non-error on the full path', () => {
    fc.assert(fc.property(fc.oneof(sseFrame, textWithBraces), (t) => {
      if (!mightBeErrorText(t)) expect(classifyRecordFull(t).kind).toBe('non-error');
    }), { numRuns: 3000 });
    expect(mightBeErrorText('data: {"choices":[{"delta":{"content":"hi"},"finish_reason":"stop"}]}\n')).toBe(false);
    expect(mightBeErrorText('data: {"choices":[{"finish_reason":"sensitive"}]}\n')).toBe(true);
  });

  it('the wording gate never hides a wording the matcher finds', () => {
    for (const text of [...WORDINGS, ...CLASSIFIER_SAMPLES.map((s) => s.text)]) {
      if (matchText(text, { errorContext: true, ungated: true }) !== null) expect(mayMatchWording(text.slice(0, 4096))).toBe(true);
    }
    const mixed = fc.array(fc.oneof(fc.constantFrom(...WORDINGS), fc.string({ maxLength: 8 }), fc.constantFrom('`', 'K', '\u0130', ' ', '\n')), { maxLength: 6 });
    fc.assert(fc.property(mixed, (parts) => {
      const text = parts.join('');
      if (!mayMatchWording(text)) expect(matchText(text, { errorContext: true, ungated: true })).toBeNull();
    }), { numRuns: 2000 });
  });
});
