import { describe, expect, it } from 'vitest';
import { checkLedger } from '../ledger/ledger';
import { runIngest, utf8 } from './fake-classifier';
import { readTranscriptMarker } from './transcript-fold';

const body = '{\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"rate_limit_error\\",\\"code\\":\\"1308\\",\\"message\\":\\"[1308][Usage limit reached for 5 hour. Your limit will reset at 2026-08-25 07:41:44][20260825021920a1b2c3d4e5f60718]\\"}}';
const retry = (n: number): string =>
  `{"parentUuid":"p${n}","isSidechain":false,"type":"system","subtype":"api_error","level":"error","error":{"status":429,"message":"429 ${body}","formatted":"API Error (429 ${body})"},"retryInMs":${1000 * 2 ** n},"retryAttempt":${n},"maxRetries":10,"timestamp":"2026-08-25T02:19:2${n}.000Z","uuid":"r${n}"}`;
const final = `{"parentUuid":"r3","type":"assistant","isApiErrorMessage":true,"error":"rate_limit","apiErrorStatus":429,"message":{"model":"<synthetic>","role":"assistant","content":[{"type":"text","text":"API Error: 429 ${body}"}]},"timestamp":"2026-08-25T02:19:40.000Z","uuid":"f1"}`;
const user = '{"type":"user","message":{"role":"user","content":"fix the tests"},"uuid":"u1"}';
const ok = '{"type":"assistant","message":{"role":"assistant","content":[{"type":"text","text":"Done."}]},"uuid":"a1"}';

describe('readTranscriptMarker', () => {
  it.each([
    [retry(2), { kind: 'retry', attempt: 2 }],
    [final, { kind: 'final' }],
    [user, null],
    ['API Error: 429 "isApiErrorMessage":true', null],
    // Re-serialised with spaces (Python's json.dumps, jq): the same markers.
    [JSON.stringify(JSON.parse(retry(3)), null, 1).replace(/\n\s*/g, ' '), { kind: 'retry', attempt: 3 }],
    [JSON.stringify(JSON.parse(final), null, 1).replace(/\n\s*/g, ' '), { kind: 'final' }],
    ['{"type": "system", "subtype": "api_errors", "retryAttempt": 2}', null],
  ])('%#', (text, expected) => expect(readTranscriptMarker(text)).toEqual(expected));
});

describe('Claude Code transcript folding', () => {
  it('folds 3 retries and the final record into 1 event with 4 attempts; every line counted', () => {
    const input = utf8([user, retry(1), retry(2), retry(3), final, ok].join('\n') + '\n');
    const { ledger, events } = runIngest(input);
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger).toMatchObject({ lines: 6, catalogued: 4, nonError: 2, records: 6, events: 1, retriesFolded: 3 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ line: 5, attempts: 4, format: 'transcript', lineCount: 1 });
  });

  it('a final record without retries is one event with 1 attempt', () => {
    const { ledger, events } = runIngest(utf8(`${user}\n${final}\n`));
    expect(ledger).toMatchObject({ events: 1, retriesFolded: 0 });
    expect(events.map((e) => e.attempts)).toEqual([1]);
  });

  it('retries without a final record: one event on the last retry (the next attempt succeeded)', () => {
    const { ledger, events } = runIngest(utf8([retry(1), retry(2), ok].join('\n')));
    expect(ledger).toMatchObject({ lines: 3, catalogued: 2, events: 1, retriesFolded: 1 });
    expect(events[0]).toMatchObject({ line: 2, attempts: 3 });
  });

  it('a retry counter that starts again begins a new incident', () => {
    const { events } = runIngest(utf8([retry(1), retry(2), retry(1), final].join('\n')));
    expect(events.map((e) => [e.line, e.attempts])).toEqual([
      [2, 3],
      [4, 2],
    ]);
  });

  it('is the same for every chunking', () => {
    const input = utf8([user, retry(1), retry(2), retry(3), final, ok].join('\r\n'));
    const whole = runIngest(input);
    for (let cut = 0; cut <= input.length; cut += 7) expect(runIngest(input, [cut, cut + 3])).toEqual(whole);
  });
});
