import { describe, expect, it } from 'vitest';
import { fullJitterDelay, parseRetryAfter } from './backoff';
import { judgeResponse, type StreamKind } from './response-verdict';
import { WS_CLOSE_POLICY, judgeWsClose } from './ws-close-policy';

describe('judgeResponse (RELIABILITY H1, H4–H9)', () => {
  it.each<[StreamKind, number | null, string | null, string, string]>([
    ['sse', null, null, 'retry', 'cannot connect'],
    ['sse', 0, null, 'retry', 'cannot connect'],
    ['sse', 200, 'text/event-stream', 'accept', ''],
    ['sse', 200, 'text/event-stream; charset=utf-8', 'accept', ''],
    ['sse', 200, 'Text/Event-Stream', 'accept', ''],
    ['sse', 204, null, 'fatal', '204'],
    ['sse', 401, 'application/json', 'fatal', '401'],
    ['sse', 403, null, 'fatal', '403'],
    ['sse', 404, null, 'fatal', '404'],
    ['sse', 410, null, 'fatal', '410'],
    ['sse', 400, null, 'fatal', 'HTTP 400'],
    ['sse', 302, null, 'fatal', 'HTTP 302'],
    ['sse', 429, null, 'retry', '429'],
    ['sse', 408, null, 'retry', '408'],
    ['sse', 500, null, 'retry', '500'],
    ['sse', 502, null, 'retry', '502'],
    ['sse', 503, null, 'retry', '503'],
    ['sse', 504, null, 'retry', '504'],
    ['sse', 200, 'text/html; charset=utf-8', 'fatal', 'wrong content type text/html (expected text/event-stream)'],
    ['sse', 200, 'application/json', 'fatal', 'wrong content type application/json'],
    ['sse', 200, null, 'fatal', 'no content type (expected text/event-stream)'],
    ['ndjson', 200, 'application/x-ndjson', 'accept', ''],
    ['ndjson', 200, 'text/plain; charset=utf-8', 'accept', ''],
    ['ndjson', 200, 'text/html', 'fatal', 'wrong content type text/html'],
    ['ws', 101, null, 'fatal', '101'],
  ])('%s %s %s → %s', (kind, status, contentType, action, reason) => {
    const verdict = judgeResponse({ kind, status, contentType });
    expect(verdict.action).toBe(action);
    if (verdict.action !== 'accept') expect(verdict.reason).toContain(reason);
  });
});

describe('WS_CLOSE_POLICY (RELIABILITY H21)', () => {
  it.each<[number, 'retry' | 'fatal' | 'end']>([
    [1000, 'end'],
    [1001, 'retry'],
    [1006, 'retry'],
    [1008, 'fatal'],
    [1011, 'retry'],
    [1012, 'retry'],
    [4401, 'fatal'],
    [4403, 'fatal'],
    [4429, 'retry'],
    [4999, 'fatal'],
    [4000, 'fatal'],
    [3000, 'retry'],
    [1234, 'retry'],
  ])('close %i → %s', (code, action) => {
    expect(judgeWsClose(code).action).toBe(action);
    expect(judgeWsClose(code).reason.length).toBeGreaterThan(5);
  });

  it('every entry has a reason', () => {
    for (const entry of Object.values(WS_CLOSE_POLICY)) expect(entry.reason).not.toBe('');
  });
});

describe('fullJitterDelay (R12: base 1 s, factor 2, cap 30 s)', () => {
  it.each<[number, number, number]>([
    [0, 0.999, 999],
    [1, 0.5, 1000],
    [3, 0.5, 4000],
    [4, 0.999, 15_984],
    [5, 0.999, 29_970],
    [6, 0.999, 29_970],
    [1000, 0.5, 15_000],
    [2, 0, 0],
  ])('attempt %i, random %d → %i ms', (attempt, r, expected) => {
    expect(fullJitterDelay(attempt, () => r)).toBe(expected);
  });
});

describe('parseRetryAfter (H6)', () => {
  const now = Date.UTC(2026, 6, 1, 12, 0, 0);
  it.each<[string | null, number | null]>([
    ['2', 2000],
    [' 120 ', 120_000],
    ['0', 0],
    ['86400', 600_000],
    ['Wed, 01 Jul 2026 12:00:30 GMT', 30_000],
    ['Wed, 01 Jul 2026 11:00:00 GMT', 0],
    ['Wed, 01 Jul 2026 18:00:00 GMT', 600_000],
    ['Wed, 01 Jul 2026 12:01:00 GMT', 60_000],
    // E2: read by our parser: an impossible day is unreadable, not rolled over to the next (Date.parse gives 1 July).
    ['Wed, 31 Jun 2026 12:00:00 GMT', null],
    ['Wed, 01 Jux 2026 12:00:00 GMT', null],
    ['Wed, 01 Jul 2026 12:00:30 UTC', null],
    ['-5', null],
    ['1.5', null],
    ['soon', null],
    ['', null],
    [null, null],
  ])('%j → %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
