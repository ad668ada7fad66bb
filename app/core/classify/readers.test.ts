import { describe, expect, it } from 'vitest';
import { CLASSIFIER_SAMPLES } from './samples';
import { readCode } from './code-value';
import { httpFromText } from './http-status';
import { embeddedSpan, exceedsDepth, looksLikeJson, parseJson, valueExceedsDepth } from './json-text';
import { isLookalike } from './lookalikes';
import { normalizeText } from './normalize-text';
import { mightBeError } from './pre-check';
import { matchText } from './text-match';

describe('readCode (B4)', () => {
  it.each([
    ['1308', { kind: 'code', code: '1308', coerced: false }],
    [1308, { kind: 'code', code: '1308', coerced: true }],
    [' 1308 ', { kind: 'code', code: '1308', coerced: true }],
    ['01308', { kind: 'code', code: '1308', coerced: true }],
    ['1308.0', { kind: 'code', code: '1308', coerced: true }],
    ['401', { kind: 'code', code: '401', coerced: false }],
    [401, { kind: 'http', status: 401 }],
    ['429', { kind: 'http', status: 429 }],
    [200, { kind: 'success' }],
    [0, { kind: 'success' }],
    ['13\u200B08', { kind: 'evasive', raw: '13\u200B08' }],
    ['１３０８', { kind: 'evasive', raw: '１３０８' }],
    ['model_not_found', { kind: 'other', raw: 'model_not_found' }],
    [1308.5, { kind: 'other', raw: '1308.5' }],
    [Number.POSITIVE_INFINITY, { kind: 'other', raw: 'Infinity' }],
    [null, { kind: 'none' }],
    [{ code: 1 }, { kind: 'none' }],
  ] as const)('%j -> %j', (value, expected) => expect(readCode(value)).toEqual(expected));
});

describe('httpFromText', () => {
  it.each([
    ['HTTP/1.1 429 Too Many Requests', 429, true],
    ['HTTP/2 401', 401, true],
    [':status: 503', 503, true],
    ['API Error: 429 {"error":{}}', 429, true],
    ['API Error (529 {"type":"error"})', 529, true],
    ['API Error: Request rejected (429) · [1308][x][y]', 429, true],
    ['Error code: 400 - {...}', 400, true],
    ['upstream_status: HTTP 400; cause: x', 400, true],
    ['POST "https://api.z.ai/x": 400 Bad Request {}', 400, true],
    ['{"status": 429}', 429, true],
    // Each pattern is tried only when its literal is in the text: these need no literal but their own.
    ['Request rejected (503) by the gateway', 503, true],
    ['{"apiErrorStatus": 529}', 529, true],
    ["{'status_code': '500'}", 500, true],
    ['retry: statusCode=502', 502, true],
    ['429 该模型当前访问量过大', 429, false],
    ['401 Authentication Failed', 401, false],
    ['200 OK', null, null],
    ['took 1308 ms', null, null],
    ['"GET / HTTP/1.1" 404 153', null, null],
  ] as const)('%s -> %s (strong %s)', (text, status, strong) => {
    const hint = httpFromText(text);
    expect(hint?.status ?? null).toBe(status);
    if (strong !== null) expect(hint?.strong).toBe(strong);
  });
});

describe('JSON helpers', () => {
  it.each([
    ['{"error":{', true], ['{ "a": 1 }', true], ['{}', true], ["{'code': '1'}", true], ['{“error”:1}', true], ['{', true],
    ['[{"a":1}]', true], ['["x"]', true], ['[]', true], ['[INFO] ok', false], ['[2026-01-01 10:00] x', false], ['{main} started', false], ['x{}', false],
  ])('looksLikeJson(%j) -> %s', (text, expected) => expect(looksLikeJson(text)).toBe(expected));

  it('refuses deep nesting (B2) without recursion and ignores brackets in strings', () => {
    expect(valueExceedsDepth(JSON.parse(`${'['.repeat(65)}${']'.repeat(65)}`))).toBe(true);
    expect(valueExceedsDepth({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(exceedsDepth('['.repeat(65))).toBe(true);
    expect(exceedsDepth(`${'['.repeat(64)}${']'.repeat(64)}`)).toBe(false);
    expect(exceedsDepth(`{"a":"${'['.repeat(1000)}"}`)).toBe(false);
    expect(parseJson('['.repeat(100_000))).toEqual({ ok: false, reason: 'json_too_deep' });
    expect(parseJson('{"a":1,}')).toEqual({ ok: false, reason: 'malformed_json' });
  });

  it('finds the body after a prefix', () => {
    expect(embeddedSpan('API Error (429 {"a":{"b":1}}) · Retrying')).toBe('{"a":{"b":1}}');
    expect(embeddedSpan('no body')).toBeNull();
  });
});

describe('wording table', () => {
  it('normalises case, spacing around CJK and fullwidth punctuation, keeping zero-width characters', () => {
    expect(normalizeText('已达到 5 小时 的使用上限。').text).toBe('已达到5小时的使用上限.');
    expect(normalizeText('Usage  Limit\nreached').text).toBe('usage limit reached');
    expect(normalizeText('Usa\u200Bge').text).toBe('usa\u200Bge');
  });

  it.each([
    ['Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41', '1308'],
    ['usage  LIMIT reached for 5 hour.\nYour limit will reset at 2026-08-31\n18:19:41', '1308'],
    ['该模型当前访问量过大，请您稍后再试', '1305'],
    ['该模型当前访问量过大，请您稍后再试，或切换其他模型如 GLM-4.7 等', '1312'],
    ['Rate limit reached for requests', '1302'],
    ['Usa\u200Bge limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41', null],
    ['Claude usage limit reached. Your limit will reset at 5pm (Europe/Warsaw).', null],
    ['This request would exceed your account\'s rate limit', null],
  ])('%s -> %s', (text, code) => expect(matchText(text, { errorContext: true })?.template.entry.code ?? null).toBe(code));

  it('matches generic wordings only as the whole message in an error context', () => {
    expect(matchText('Internal Error', { errorContext: false })).toBeNull();
    expect(matchText('Internal Error', { errorContext: true })?.template.entry.code).toBe('500');
    expect(matchText('Internal Error while loading the config', { errorContext: true })).toBeNull();
  });
});

describe('look-alikes and the pre-check', () => {
  it.each([
    ['Claude usage limit reached. Your limit will reset at 5pm (Europe/Warsaw).', true],
    ['Claude AI usage limit reached|1755615600', true],
    ["You've hit your limit · resets 1:30pm (Asia/Calcutta)", true],
    ['5-hour limit reached ∙ resets 2pm', true],
    ['{"request_id":"req_011CUzP5hWQzZ1p4Lw3N8vXy"}', true],
    ['Usage limit reached for 5 hour', false],
  ])('isLookalike(%j) -> %s', (text, expected) => expect(isLookalike(text)).toBe(expected));

  it.each(CLASSIFIER_SAMPLES.filter((s) => s.expected.kind === 'catalogued' || s.expected.kind === 'uncatalogued').map((s) => [s.id, s.text] as const))(
    'lets every error sample through: %s',
    (_id, text) => expect(mightBeError(text)).toBe(true),
  );

  it.each(['2026-11-27 10:00:00 INFO server started on port 8080', 'GET /health 200 3ms', ''])('stops %j', (text) => expect(mightBeError(text)).toBe(false));
});
