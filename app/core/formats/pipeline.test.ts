import { describe, expect, it } from 'vitest';
import { checkLedger } from '../ledger/ledger';
import { fakeClassify, runIngest, utf8 } from './fake-classifier';
import { classifyRecord } from '../classify/classify';
import { createIngestPipeline, type IngestPipeline } from './pipeline';
import type { IngestedEvent } from './types';
import { encodeGb18030 } from './gb18030.test-support';

const MIXED = [
  '2026-08-25 10:00:00 INFO started',
  '{"error":{"code":"1308","message":"Usage limit reached for 5 hour"}}',
  'HTTP/1.1 429 Too Many Requests',
  'Content-Type: application/json',
  '',
  '{"error":{"code":"1302","message":"Rate limit reached for requests"}}',
  'event: error',
  'data: {"error":{"code":"1305","message":"overloaded"}}',
  '',
  'data: [DONE]',
  '已达到 5 小时的使用上限 ERROR',
].join('\n');

describe('createIngestPipeline', () => {
  it('gives each event the exact byte range and line of its record', () => {
    const input = utf8(MIXED);
    const { ledger, events } = runIngest(input);
    expect(checkLedger(ledger)).toEqual([]);
    const decoder = new TextDecoder();
    const slices = events.map((e) => decoder.decode(input.subarray(e.byteOffset, e.byteOffset + e.byteLength)));
    expect(events.map((e) => [e.line, e.lineCount, e.format])).toEqual([
      [2, 1, 'ndjson'],
      [3, 4, 'http'],
      [7, 3, 'sse'],
      [11, 1, 'text'],
    ]);
    expect(slices[1]).toBe(`${MIXED.split('\n').slice(2, 6).join('\n')}\n`);
    expect(slices[3]).toBe('已达到 5 小时的使用上限 ERROR');
  });

  it('passes the record text without BOM to the classifier', () => {
    const seen: string[] = [];
    const pipeline = createIngestPipeline({ classify: (t) => (seen.push(t), fakeClassify(t)) });
    pipeline.push(utf8('\uFEFF{"a":1}\n'));
    pipeline.finish();
    expect(seen).toEqual(['{"a":1}']);
  });

  it('ledger() is a consistent snapshot at any time, and finish() is idempotent', () => {
    const pipeline = createIngestPipeline({ classify: fakeClassify });
    pipeline.push(utf8('a\nb\nERROR c\npartial'));
    const mid = pipeline.ledger();
    expect(checkLedger(mid)).toEqual([]);
    const done = pipeline.finish();
    pipeline.push(utf8('ignored\n'));
    expect(pipeline.finish()).toEqual(done);
    expect(done.lines).toBe(4);
  });

  it('cancel() counts complete lines, and held plus unread bytes as cancelled', () => {
    const pipeline = createIngestPipeline({ classify: fakeClassify, sourceBytes: 5000 });
    const head = utf8(`${'line\n'.repeat(300)}part`);
    pipeline.push(head);
    const ledger = pipeline.cancel();
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger).toMatchObject({ lines: 300, sourceBytes: 5000, bytesUnsplittable: { cancelled: 5000 - 1500 } });
    expect(ledger.notices.join(' ')).toContain('cancelled after');
  });

  it('fail() keeps the partial ledger and counts the unread rest under the reason (A24)', () => {
    const pipeline = createIngestPipeline({ classify: fakeClassify });
    pipeline.push(utf8(`${'ERROR x\n'.repeat(200)}`));
    const ledger = pipeline.fail('file_unreadable', 1000);
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger).toMatchObject({ lines: 200, uncatalogued: 200, bytesUnsplittable: { file_unreadable: 1000 } });
  });

  it('cancel() or fail() before the first kilobyte is in still counts its complete lines (the format is decided then)', () => {
    for (const stop of [(p: IngestPipeline) => p.cancel(), (p: IngestPipeline) => p.fail('file_unreadable')]) {
      const pipeline = createIngestPipeline({ classify: fakeClassify, sourceBytes: 537 });
      pipeline.push(utf8('ERROR a\nok b\nhalf'));
      const ledger = stop(pipeline);
      expect(checkLedger(ledger)).toEqual([]);
      expect(ledger).toMatchObject({ lines: 2, uncatalogued: 1, nonError: 1, sourceBytes: 537 });
      expect(Object.values(ledger.bytesUnsplittable)).toEqual([537 - 13]);
    }
  });

  it('B8: a line holding an array of errors is one record and an event per error, at that line', () => {
    const array = '[{"error":{"code":"1302","message":"Rate limit reached for requests"}},{"error":{"code":"1113","message":"Insufficient balance or no resource package. Please recharge."}}]';
    const { ledger, events } = readClassified(utf8(`ok\n${array}\nok\n`));
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger).toMatchObject({ lines: 3, records: 3, catalogued: 1, nonError: 2, events: 2 });
    expect(events.map((e) => [e.details.code, e.line, e.byteOffset])).toEqual([
      ['1302', 2, 3],
      ['1113', 2, 3],
    ]);
  });

  describe('with the real classifier', () => {
    const read = (bytes: Uint8Array) => {
      const run = readClassified(bytes);
      expect(checkLedger(run.ledger)).toEqual([]);
      return run;
    };

    it('C4: transcript lines of every shape are read one by one: tool results as object or string, content as string or blocks', () => {
      const lines = [
        '{"type":"user","uuid":"u1","timestamp":"2026-11-27T10:00:00.000Z","toolUseResult":{"stdout":"ok","stderr":""},"message":{"role":"user","content":[{"type":"tool_result","content":"ok"}]}}',
        '{"type":"user","uuid":"u2","timestamp":"2026-11-27T10:00:01.000Z","toolUseResult":"Error: file not found","message":{"role":"user","content":"plain string content"}}',
        '{"type":"assistant","uuid":"a1","timestamp":"2026-11-27T10:00:02.000Z","message":{"role":"assistant","content":"API Error: 429 {\\"error\\":{\\"code\\":\\"1302\\",\\"message\\":\\"Rate limit reached for requests\\"}}"},"isApiErrorMessage":true}',
      ];
      const { ledger, events } = read(utf8(`${lines.join('\n')}\n`));
      expect(ledger).toMatchObject({ lines: 3, nonError: 2, catalogued: 1, events: 1 });
      expect(events.map((e) => [e.details.code, e.line])).toEqual([['1302', 3]]);
    });

    it('C2: a raw response with Retry-After is one record whose body code classifies; a binary body is binary_data', () => {
      const http = read(utf8('HTTP/1.1 429 Too Many Requests\nRetry-After: 30\nContent-Type: application/json\n\n{"error":{"code":"1302","message":"Rate limit reached for requests"}}\n'));
      expect(http.ledger).toMatchObject({ lines: 5, records: 1, catalogued: 5, events: 1 });
      expect(http.events.map((e) => [e.details.code, e.details.http])).toEqual([['1302', 429]]);
      const head = utf8('HTTP/1.1 500 Internal Server Error\nContent-Type: application/octet-stream\n\n');
      const binary = read(Uint8Array.from([...head, 0x1f, 0x8b, 0x08, 0x00, 0x00, 0x0a, 0x01, 0x02, 0x00, 0x0a]));
      expect(binary.ledger).toMatchObject({ lines: 5, uncatalogued: 3, rejected: { binary_data: 2 }, events: 1 });
      expect(binary.events.map((e) => e.details.http)).toEqual([500]);
    });

    it('C2: a chunked body is read as the one body it was, its chunks split inside a word and inside the reset time', () => {
      const body = '{"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-08-25 07:41:44"}}';
      const cuts = [body.indexOf('limit reached') + 3, body.indexOf('07:41') + 2];
      const chunks = [body.slice(0, cuts[0]), body.slice(cuts[0], cuts[1]), body.slice(cuts[1])];
      const framed = chunks.map((chunk) => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
      const text = `HTTP/1.1 429 Too Many Requests\r\nTransfer-Encoding: chunked\r\n\r\n${framed}0\r\n\r\nafter\r\n`;
      const { ledger, events } = read(utf8(text));
      expect(checkLedger(ledger)).toEqual([]);
      expect(ledger).toMatchObject({ lines: 12, records: 2, catalogued: 11, nonError: 1, events: 1 });
      expect(events[0]?.details).toMatchObject({ code: '1308', http: 429, message: JSON.parse(body).error.message, reset: { raw: '2026-08-25 07:41:44' } });
      expect(events[0]?.details.reset?.at).toBe(Date.parse('2026-08-24T23:41:44Z'));
    });

    it('C2: an HTTP/2 response printed with its :status pseudo-header is one record: the body code with the status, no second event', () => {
      const { ledger, events } = read(utf8(':status: 429\ncontent-type: application/json\n\n{"error":{"code":"1302","message":"Rate limit reached for requests"}}\nafter\n'));
      expect(ledger).toMatchObject({ lines: 5, records: 2, catalogued: 4, nonError: 1, events: 1 });
      expect(events.map((e) => [e.details.code, e.details.http])).toEqual([['1302', 429]]);
    });

    it('C2: Retry-After as an HTTP-date stays in the record, which its body classifies', () => {
      const { ledger, events } = read(utf8('HTTP/1.1 429 Too Many Requests\nRetry-After: Wed, 26 Aug 2026 07:41:44 GMT\n\n{"error":{"code":"1302","message":"Rate limit reached for requests"}}\n'));
      expect(ledger).toMatchObject({ lines: 4, records: 1, catalogued: 4, events: 1 });
      expect(events.map((e) => [e.details.code, e.details.http])).toEqual([['1302', 429]]);
    });

    it('C2: a response of 10,000 headers keeps 100 in its text, counts every line, and is one event: the body code with the status', () => {
      const headers = Array.from({ length: 10_000 }, (_, k) => `X-Padding-${k}: ${k}`);
      const response = `HTTP/1.1 429 Too Many Requests\n${headers.join('\n')}\n\n{"error":{"code":"1302","message":"Rate limit reached for requests"}}\n`;
      const { ledger, events } = read(utf8(`${response}after\n`));
      expect(ledger).toMatchObject({ lines: 10_004, records: 2, catalogued: 10_003, nonError: 1, bytesRead: utf8(`${response}after\n`).length, rejected: {} });
      expect(events.map((e) => [e.details.code, e.details.http, e.line, e.lineCount, e.byteLength])).toEqual([['1302', 429, 1, 10_003, utf8(response).length]]);
    });
  });

  describe('A9: a log written in GB18030 (Chinese Windows)', () => {
    const line = '2026-08-25 06:00:00 WARN 429 {"error":{"code":"1308","message":"已达到 5 小时的使用上限。您的限额将在 2026-08-25 07:41:44 重置。"}}';
    const bytes = encodeGb18030(`ok 正常\n${line}\n`);
    const read = (textEncoding?: 'gb18030') => readClassified(bytes, { textEncoding, chunkBytes: 7 });

    it('read as UTF-8, its lines are flagged for bytes that are not UTF-8', () => {
      const { ledger } = read();
      expect(checkLedger(ledger)).toEqual([]);
      expect(ledger.lines).toBe(2);
      expect(ledger.flags.invalid_utf8_replaced).toBe(2);
    });

    it('read as GB18030, as the user asks, its text is whole: the Chinese 1308 is caught with its reset', () => {
      const { ledger, events } = read('gb18030');
      expect(checkLedger(ledger)).toEqual([]);
      expect(ledger).toMatchObject({ lines: 2, catalogued: 1, nonError: 1, bytesRead: bytes.length, flags: {} });
      expect(ledger.notices).toContain('decoded as GB18030, as asked');
      expect(events.map((e) => [e.details.code, e.details.reset?.raw, e.byteOffset])).toEqual([['1308', '2026-08-25 07:41:44', encodeGb18030('ok 正常\n').length]]);
    });

    it('read as GB18030 after a UTF-8 byte order mark, its first line keeps its first character', () => {
      const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
      const first = encodeGb18030('{"ts":"2026-08-25T06:00:00+08:00","error":{"code":"1308","message":"已达到 5 小时的使用上限。"}}\n');
      for (const chunkBytes of [1, 2, 7, first.length + 3]) {
        const { ledger, events } = readClassified(new Uint8Array([...bom, ...first, ...bytes]), { textEncoding: 'gb18030', chunkBytes });
        expect(checkLedger(ledger)).toEqual([]);
        expect(ledger).toMatchObject({ lines: 3, catalogued: 2, bytesRead: 3 + first.length + bytes.length, rejected: {} });
        expect(events[0]?.details).toMatchObject({ code: '1308', ts: Date.parse('2026-08-24T22:00:00Z'), message: '已达到 5 小时的使用上限。' });
        expect(events.map((e) => e.byteOffset)).toEqual([0, 3 + first.length + encodeGb18030('ok 正常\n').length]);
      }
    });
  });

  it('caps a multi-line record: an unbalanced JSON block ends at a line that cannot continue it', () => {
    const { ledger } = runIngest(utf8('{\n  "a": 1,\n2026-01-01 next entry\n'));
    expect(ledger).toMatchObject({ lines: 3, records: 2 });
  });

  it('rejects an open JSON record at the end of input as truncated_record', () => {
    const { ledger } = runIngest(utf8('{\n  "error": {"code": "1308"'));
    expect(ledger).toMatchObject({ lines: 2, rejected: { truncated_record: 2 } });
  });

  it('B10: reads a pretty-printed JSON body of 1,800 lines as one record, its error at the end', () => {
    const details = Array.from({ length: 600 }, (_, i) => ({ i }));
    const body = JSON.stringify({ details, error: { code: '1308', message: 'Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41' } }, null, 2);
    const lines = body.split('\n').length;
    expect(lines).toBeGreaterThan(1800);
    const { events, ledger } = readClassified(utf8(`${body}\nnext\n`));
    expect(events.map((e) => [e.details.code, e.line, e.lineCount])).toEqual([['1308', 1, lines]]);
    expect(ledger.records).toBe(2);
    expect(ledger).toMatchObject({ lines: lines + 1, catalogued: lines, nonError: 1, rejected: {} });
  });

  it('ends an open brace at a line that is a whole object: a stray `{` takes in no error after it', () => {
    const error = '{"error":{"code":"1302","message":"Rate limit reached for requests"}}';
    const text = `Error code: 429 - {\n${Array.from({ length: 5000 }, () => `  ${error}`).join('\n')}\n`;
    const { events, ledger } = readClassified(utf8(text));
    expect(events.filter((e) => e.details.code === '1302')).toHaveLength(5000);
    expect(ledger.lines).toBe(5001);
  });

  it('lets a record grow past 1,000 lines only while its lines are pretty-printed JSON, not a stack trace under a stray `{`', () => {
    const stack = Array.from({ length: 3000 }, (_, i) => `    at step${i} (app.js:${i}:1)`).join('\n');
    const { ledger } = readClassified(utf8(`config = {\n${stack}\n2026-11-27 10:00:00 ERROR {"error":{"code":"1113","message":"Insufficient balance or no resource package. Please recharge."}}\n`));
    expect(ledger.records).toBeGreaterThan(2);
    expect(ledger.catalogued).toBeGreaterThanOrEqual(1);
  });

  it('respects maxRecordLines', () => {
    const body = Array.from({ length: 50 }, (_, i) => `  "k${i}": ${i},`).join('\n');
    const { ledger } = runIngest(utf8(`{\n${body}\n}\n`), [], { maxRecordLines: 10 });
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger.records).toBeGreaterThan(10);
  });
});

/** Bytes through the pipeline and the catalog classifier, pushed `chunkBytes` at a time (default: at once). */
function readClassified(
  bytes: Uint8Array,
  { textEncoding, chunkBytes = bytes.length }: { textEncoding?: 'gb18030' | undefined; chunkBytes?: number } = {},
) {
  const events: IngestedEvent[] = [];
  const pipeline = createIngestPipeline({ classify: (text) => classifyRecord(text), onEvent: (e) => events.push(e), textEncoding });
  for (let at = 0; at < bytes.length; at += Math.max(1, chunkBytes)) pipeline.push(bytes.subarray(at, at + Math.max(1, chunkBytes)));
  return { ledger: pipeline.finish(), events };
}

describe('records cut at a cap', () => {
  const trace = (frames: number) => ['com.zai.ApiException: {"error":{"code":"1305","message":"overloaded"}}', ...Array.from({ length: frames }, (_, i) => `\tat com.zai.F${i}.call(F.java:${i})`)];

  it('counts a record cut while its next line would have gone on with it', () => {
    const body = ['{', '  "error": {', ...Array.from({ length: 30 }, (_, i) => `    "k${i}": ${i},`), '    "code": "1302"', '  }', '}'];
    const { ledger } = runIngest(utf8(`${[...body, ...trace(14)].join('\n')}\n`), [], { maxRecordLines: 10, maxPrettyJsonLines: 20 });
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger.recordsCut).toBe(2);
  });

  it('does not count a record that ends right at its cap', () => {
    const { ledger } = runIngest(utf8(`${[...trace(9), '2026-11-27 10:00:00 INFO next'].join('\n')}\n`), [], { maxRecordLines: 10 });
    expect(ledger.records).toBe(2);
    expect(ledger.recordsCut).toBe(0);
  });

  it('counts each record cut at its byte cap: a trace of 1.2 kB in records of 256 bytes at most', () => {
    const { ledger } = runIngest(utf8(`${trace(40).join('\n')}\n`), [], { maxRecordBytes: 256 });
    expect(ledger.records).toBe(6);
    expect(ledger.recordsCut).toBe(5);
  });
});
