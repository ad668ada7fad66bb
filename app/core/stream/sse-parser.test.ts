import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSse, splitAt, type SseCall } from './sse-test-support';

const ev = (data: string, id: string | null = null, lastEventId = id ?? '', type = 'message'): SseCall => ({ kind: 'event', type, data, id, lastEventId });

describe('createSseParser: the WHATWG interpretation', () => {
  it.each<[string, string, SseCall[]]>([
    ['one event', 'data: a\n\n', [ev('a')]],
    ['no space after the colon', 'data:a\n\n', [ev('a')]],
    ['only one leading space is removed', 'data:  a\n\n', [ev(' a')]],
    ['data lines joined with LF', 'data: a\ndata: b\n\n', [ev('a\nb')]],
    ['empty data line', 'data\n\n', [ev('')]],
    ['CRLF line ends', 'data: a\r\n\r\n', [ev('a')]],
    ['CR line ends', 'data: a\r\rdata: b\r\r', [ev('a'), ev('b')]],
    ['mixed line ends', 'data: a\r\ndata: b\rdata: c\n\n', [ev('a\nb\nc')]],
    ['named event', 'event: error\ndata: {"error":{"code":"1302"}}\n\n', [ev('{"error":{"code":"1302"}}', null, '', 'error')]],
    ['no data, no event', 'event: x\n\n', []],
    ['unknown fields ignored', 'foo: bar\ndata: a\n\n', [ev('a')]],
    ['BOM at start stripped', '\uFEFFdata: a\n\n', [ev('a')]],
    ['a second BOM is a field name', '\uFEFF\uFEFFdata: a\n\n', []],
    ['comment is a keepalive', ': ping\n\n', [{ kind: 'keepalive', text: 'ping' }]],
    ['bare colon keepalive', ':\n', [{ kind: 'keepalive', text: '' }]],
    ['id then inherited by the next frame', 'id: 7\ndata: a\n\ndata: b\n\n', [ev('a', '7'), ev('b', null, '7')]],
    ['empty id resets', 'id: 7\ndata: a\n\nid\ndata: b\n\n', [ev('a', '7'), ev('b', '', '')]],
    ['id-only frame still sets the last id', 'id: 9\n\ndata: b\n\n', [ev('b', null, '9')]],
    ['event without final blank line is not dispatched', 'data: a\n', [{ kind: 'reject', reason: 'truncated_record' }]],
  ])('%s', (_name, input, expected) => {
    expect(runSse([[input]])).toEqual(expected);
  });
});

describe('createSseParser: hostile input (RELIABILITY H11, H14, H18, H19, H20)', () => {
  it.each<[string, string, SseCall[]]>([
    ['H18 retry: 0 → 1 s', 'retry: 0\n', [{ kind: 'retry', ms: 1000 }]],
    ['H18 retry: 999999999 → 60 s', 'retry: 999999999\n', [{ kind: 'retry', ms: 60_000 }]],
    ['H18 retry: 99999999999999999999999 → 60 s', 'retry: 99999999999999999999999\n', [{ kind: 'retry', ms: 60_000 }]],
    ['H18 retry: 2500 kept', 'retry: 2500\n', [{ kind: 'retry', ms: 2500 }]],
    ['H18 retry: abc ignored', 'retry: abc\n', []],
    ['H18 retry: 1.5 ignored', 'retry: 1.5\n', []],
    ['H18 retry: empty ignored', 'retry:\n', []],
    ['H18 retry: -1 ignored', 'retry: -1\n', []],
    ['H19 id with NUL ignored', 'id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n', [ev('a', '1'), ev('b', null, '1')]],
    ['H19 id over the cap ignored', `id: ${'x'.repeat(1025)}\ndata: a\n\n`, [ev('a', null, '')]],
    ['H20 event: error is an event, not a disconnect', 'event: error\ndata: x\n\ndata: y\n\n', [ev('x', null, '', 'error'), ev('y')]],
  ])('%s', (_name, input, expected) => {
    expect(runSse([[input]])).toEqual(expected);
  });

  it('H11 a frame cut by the end of the connection is truncated_record and never glued to the next', () => {
    const calls = runSse([['id: 1\ndata: a\n\nid: 2\ndata: {"err'], ['data: or"}\n\n']]);
    expect(calls).toEqual([ev('a', '1'), { kind: 'reject', reason: 'truncated_record' }, ev('or"}', null, '1')]);
  });

  it('H11 a cut after a complete line of an unfinished frame is truncated too', () => {
    expect(runSse([['data: a\n'], []])).toEqual([{ kind: 'reject', reason: 'truncated_record' }]);
  });

  it('H11 a CR at the very end of one connection does not eat the LF starting the next', () => {
    expect(runSse([['data: a\r'], ['\ndata: b\n\n']])).toEqual([{ kind: 'reject', reason: 'truncated_record' }, ev('b')]);
  });

  it('H14 a frame over the cap is reported once and skipped to its blank line', () => {
    const big = `data: ${'x'.repeat(200)}\ndata: more\nid: 5\n\ndata: after\n\n`;
    expect(runSse([[big]], { maxFrameBytes: 100 })).toEqual([{ kind: 'reject', reason: 'frame_too_large' }, ev('after')]);
  });

  it('H14 a frame that never ends holds no more than the cap', () => {
    const calls = runSse([Array.from({ length: 1000 }, () => 'y'.repeat(1000))], { maxFrameBytes: 4096 });
    expect(calls).toEqual([{ kind: 'reject', reason: 'frame_too_large' }]);
  });

  it('H14 many small lines in one frame cross the cap too', () => {
    const calls = runSse([[`${'data: abcdefgh\n'.repeat(20)}\ndata: ok\n\n`]], { maxFrameBytes: 100 });
    expect(calls).toEqual([{ kind: 'reject', reason: 'frame_too_large' }, ev('ok')]);
  });

  it('H14 the cap counts UTF-8 bytes: a frame of exactly the cap passes', () => {
    const line = `data: ${'é'.repeat(10)}`; // 6 + 20 bytes
    expect(runSse([[`${line}\n\n`]], { maxFrameBytes: 26 })).toEqual([ev('é'.repeat(10))]);
    expect(runSse([[`${line}\n\n`]], { maxFrameBytes: 25 })).toEqual([{ kind: 'reject', reason: 'frame_too_large' }]);
  });

  it('keeps the last id across connections for the resume', () => {
    expect(runSse([['id: 3\ndata: a\n\n'], ['data: b\n\n']])).toEqual([ev('a', '3'), ev('b', null, '3')]);
  });

  it('starts from a given Last-Event-ID', () => {
    expect(runSse([['data: b\n\n']], { initialLastEventId: '41' })).toEqual([ev('b', null, '41')]);
  });
});

/** Inputs with every kind of line end, comments, ids, retry, BOM, a cap crossing and non-ASCII text. */
const SAMPLES = [
  '\uFEFFid: 1\r\ndata: a\r\n\r\n: ping\rdata: é😀\r\rretry: 5\n',
  'event: e\ndata: {"error":{"code":"1302"}}\n\ndata: x\r\ndata: y\r\n\r\nid: 2\u0000\n\n',
  `data: ${'z'.repeat(40)}\ndata: b\n\ndata: ok\r\n\r\n:\n`,
];

describe('createSseParser: same result for every chunking', () => {
  it.each(SAMPLES)('every single split point of %j', (text) => {
    const whole = runSse([[text]], { maxFrameBytes: 30 });
    for (let cut = 0; cut <= text.length; cut++) {
      expect(runSse([splitAt(text, [cut])], { maxFrameBytes: 30 })).toEqual(whole);
    }
  });

  it('every pair of split points of the first sample', () => {
    const text = SAMPLES[0] ?? '';
    const whole = runSse([[text]]);
    for (let a = 0; a <= text.length; a++) {
      for (let b = a; b <= text.length; b++) expect(runSse([splitAt(text, [a, b])])).toEqual(whole);
    }
  });

  it('random chunkings of random event streams (property)', () => {
    const line = fc.constantFrom('data: a', 'data:b', 'data', 'id: 1', 'id: 22', 'event: error', ': ping', 'retry: 100', 'retry: x', 'data: é😀', 'x', '');
    const end = fc.constantFrom('\n', '\r', '\r\n');
    const stream = fc.array(fc.tuple(line, end), { maxLength: 40 }).map((parts) => parts.map(([l, e]) => l + e).join(''));
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 5, max: 60 }), (text, raw, cap) => {
        const cuts = [...new Set(raw.map((n) => n % (text.length + 1)))].sort((x, y) => x - y);
        expect(runSse([splitAt(text, cuts)], { maxFrameBytes: cap })).toEqual(runSse([[text]], { maxFrameBytes: cap }));
      }),
      { numRuns: 400 },
    );
  });
});
