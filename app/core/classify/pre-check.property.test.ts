import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATALOG } from '../catalog/catalog';
import { classifyRecord, classifyRecordFull } from './classify';
import { isPlainJsonNonError } from './json-pre-check';
import { isSpace, jsonValue, looksLikeJson, opensInvalidObject, parseJson, repairQuotes, type JsonParse } from './json-text';
import { isLookalike } from './lookalikes';
import { hasTrigger, mightBeErrorText, TRIGGER_LITERALS } from './pre-check';
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

/** The pre-check as one regex over the lowercased text: what the literal scan and the two patterns replace. */
const TRIGGER_PATTERN = new RegExp(
  ['\\[\\d{3,4}\\]', '(?:code|type)[\'"“”’\\\\]', '^\\s*[1-5]\\d\\d\\s', ...TRIGGER_LITERALS.map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))].join('|'),
);
const TRICKY = ['\u0130', 'İ', '\u212A', 'K', 'Σ', '\uD83D\uDE00', '\u3000', '\u00A0', '\n', ' ', '[', ']', '{', '}', '"', "'", '“', '’', '‘', '\\',
  '1308', '429', 'None', 'True', 'False', 'Nonesuch', '_True', 'LIMIT', 'req_', 'Limit reached'];
const trickyText = fc
  .array(fc.oneof(fc.constantFrom(...STRINGS, ...TRICKY, ...TRIGGER_LITERALS), fc.string({ maxLength: 4 }), fc.string({ maxLength: 2, unit: 'binary' })), { maxLength: 10 })
  .map((parts) => parts.join(''));

describe('faster forms of the readers answer as the plain ones', () => {
  it('hasTrigger equals the trigger regex on the lowercased text', () => {
    fc.assert(fc.property(trickyText, (t) => {
      expect(hasTrigger(t)).toBe(TRIGGER_PATTERN.test(t.toLowerCase()));
    }), { numRuns: 5000 });
    for (const t of ['  429 x', '\u3000500\tx', '[1308]', '[13081]', 'CODE“', 'Type\\', 'APİ', 'ZHIPU', '内部'])
      expect(hasTrigger(t)).toBe(TRIGGER_PATTERN.test(t.toLowerCase()));
  });

  it('parseJson and jsonValue answer as JSON.parse does', () => {
    const oldParse = (text: string): JsonParse => {
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        return { ok: false, reason: 'malformed_json' };
      }
    };
    const jsonish = fc.oneof(fc.json(), trickyText, fc.json().map((j) => j.replace(/"/g, "'")), fc.constantFrom('{', ' { } ', '{\n"a":1}', "{'a': 1}", '{ ]', '[{'));
    fc.assert(fc.property(jsonish, (t) => {
      const expected = oldParse(t);
      const parsed = parseJson(t);
      expect(parsed.ok).toBe(expected.ok);
      if (parsed.ok && expected.ok) expect(parsed.value).toEqual(expected.value);
      expect(jsonValue(t)).toEqual(parsed.ok ? parsed.value : undefined);
    }), { numRuns: 3000 });
    expect(opensInvalidObject("{'code': '1302'}")).toBe(true);
    expect(opensInvalidObject(' {\n  "code": 1}')).toBe(false);
    expect(opensInvalidObject('[1]')).toBe(false);
    expect(parseJson('['.repeat(100) + ']'.repeat(100))).toEqual({ ok: false, reason: 'json_too_deep' });
    expect(jsonValue('['.repeat(100) + ']'.repeat(100))).toBeUndefined();
  });

  it('looksLikeJson reads past white space as the regex did', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpace(c), `U+${c.toString(16)}`).toBe(/^\s$/.test(String.fromCharCode(c)));
    const byRegex = (trimmed: string) => {
      const first = trimmed.charCodeAt(0);
      if (first !== 123 && first !== 91) return false;
      const next = /^[{[]\s*(.)?/s.exec(trimmed)?.[1];
      return next === undefined || (first === 123 ? '"\'“‘}'.includes(next) : '{["]'.includes(next));
    };
    const opened = fc.tuple(fc.constantFrom('{', '[', ''), trickyText).map(([open, rest]) => open + rest);
    fc.assert(fc.property(opened, (t) => {
      expect(looksLikeJson(t)).toBe(byRegex(t));
    }), { numRuns: 3000 });
  });

  it('repairQuotes equals its five replacements', () => {
    const fiveReplacements = (text: string) =>
      text.replace(/[“”]/g, '"').replace(/[‘’']/g, '"').replace(/\bNone\b/g, 'null').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false');
    fc.assert(fc.property(trickyText, (t) => {
      expect(repairQuotes(t)).toBe(fiveReplacements(t));
    }), { numRuns: 3000 });
  });

  it('isLookalike equals testing every notice', () => {
    const notices = [/Claude (?:AI )?usage limit reached/i, /You[’']ve hit your limit/i, /\b\d+-hour limit reached/i, /would exceed your account[’']s rate limit/i, /\brequest_id["']?\s*:\s*["']req_[0-9A-Za-z]/];
    const pieces = fc.constantFrom('Claude usage limit reached', 'CLAUDE AI USAGE LIMIT REACHED', 'You’ve hit your LiMiT', '5-hour limit reached', "would exceed your account's rate limit", '"request_id": "req_01', 'request_id:req_', 'limi', 't');
    fc.assert(fc.property(fc.array(fc.oneof(pieces, trickyText), { maxLength: 4 }).map((p) => p.join('')), (t) => {
      expect(isLookalike(t)).toBe(notices.some((n) => n.test(t)));
    }), { numRuns: 2000 });
  });

  it('the wording gate wants the pieces in the order of the wording', () => {
    expect(mayMatchWording('Internal Error')).toBe(true);
    expect(mayMatchWording("ERROR watcher: TypeError\n    at FSWatcher (node:internal/fs/watchers:215:12)")).toBe(false);
  });
});
