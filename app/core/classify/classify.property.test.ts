import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATALOG, lookupCode } from '../catalog/catalog';
import { classifyRecord, classifyRecordFull } from './classify';
import { REJECT_REASONS, type Outcome } from './outcome';

const KINDS = ['catalogued', 'uncatalogued', 'non-error', 'rejected'];

function checkOutcome(outcome: Outcome): void {
  expect(KINDS).toContain(outcome.kind);
  if (outcome.kind === 'catalogued') {
    expect(lookupCode(outcome.details.code ?? '')).toBe(outcome.entry);
    expect(outcome.details.message === null || outcome.details.message.length <= 500).toBe(true);
  }
  if (outcome.kind === 'rejected') expect(REJECT_REASONS).toContain(outcome.reason);
}

/** Pieces of real records, so random strings reach the deep readers rather than the pre-check. */
const FRAGMENTS = [
  '{', '}', '[', ']', '"', "'", '“', '\\"', ':', ',', ' ', '\n', '"error":', '"code":', '"message":', '"type":"error"', '"1308"', '1308', '"401"',
  '[1308]', '[1310][', '][', 'API Error: 429 ', 'HTTP/1.1 429 Too Many Requests', 'Error code: 400 - ', '(request id: 2026)', 'data: ',
  'Usage limit reached for 5 hour. Your limit will reset at ', '2026-08-31 18:19:41', '${next_flush_time}', '已达到 5 小时的使用上限。',
  '该模型当前访问量过大，请您稍后再试', 'Internal Error', '"finish_reason":"sensitive"', '"isApiErrorMessage":true', '"status":429',
  '__proto__', 'constructor', '\u200B', '１３０８', '"ts":"2026-11-27T10:00:00Z"', 'Claude usage limit reached', 'req_011',
  'HTTP/1.1 200 OK', '"HTTP/1.1 429 "', 'HTTP/2 503', 'http/1.0 404', 'Error from provider (Z.ai)', 'zhipuai.core.APIError', '‘code‘: ‘1308‘', 'type',
  '1759212000 ', '1759212000123\t', '1759212000', '17592120001 ',
];
const recordLike = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 5 })), { maxLength: 30 }).map((parts) => parts.join(''));

/** Sequences of lines (the fast path remembers what it read before) each classified as the full path does. */
function expectSequencesAsFullPath(line: fc.Arbitrary<string>, maxLength: number): void {
  fc.assert(
    fc.property(fc.array(line, { minLength: 2, maxLength }), (lines) => {
      for (const l of lines) expect(classifyRecord(l)).toEqual(classifyRecordFull(l));
    }),
    { numRuns: 400 },
  );
}

describe('classifyRecord properties', () => {
  it('never throws and returns one of four outcomes for any string', () => {
    fc.assert(fc.property(fc.string(), (s) => checkOutcome(classifyRecord(s))), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => checkOutcome(classifyRecord(s))), { numRuns: 300 });
    fc.assert(fc.property(fc.json(), (s) => checkOutcome(classifyRecord(s))), { numRuns: 300 });
    fc.assert(fc.property(fc.jsonValue(), (v) => checkOutcome(classifyRecord(JSON.stringify({ error: v, code: v, message: v })))), { numRuns: 200 });
    fc.assert(fc.property(recordLike, (s) => checkOutcome(classifyRecord(s))), { numRuns: 500 });
  });

  it('a look-alike notice in one field counts with the shortcuts as without them, beside a Z.ai wording in another', () => {
    // Found by the pre-check property below: the shortcut skipped the field, and with it the look-alike.
    const record = '{"msg":"余额不足或无可用资源包,请充值。","formatted":"You’ve hit your limit"}';
    expect(classifyRecord(record)).toEqual(classifyRecordFull(record));
    expect(classifyRecord(record).kind).toBe('non-error');
  });

  it('the shortcuts (fast path, pre-check) never change an outcome', () => {
    fc.assert(fc.property(fc.oneof(recordLike, fc.string(), fc.json()), (s) => {
      expect(classifyRecord(s)).toEqual(classifyRecordFull(s));
    }), { numRuns: 500 });
  });

  it('a line opening with epoch digits or a stamp reads with the shortcuts as without them', () => {
    const opening = fc.constantFrom('1759212000 ', '1759212000123\t', '1759212000', '175921200 ', '17592120001 ', '1759212000a ', '2026-09-30 14:44:00,123 ', '');
    fc.assert(fc.property(opening, recordLike, (head, rest) => {
      expect(classifyRecord(head + rest)).toEqual(classifyRecordFull(head + rest));
    }), { numRuns: 500 });
  });

  it('the fast NDJSON path agrees with the full path on generated error lines', () => {
    const code = fc.oneof(
      fc.constantFrom(...CATALOG.map((e) => e.code)).map((c) => JSON.stringify(c)),
      fc.integer({ min: 0, max: 20_000 }).map(String),
      fc.constantFrom('"1399"', '" 1308 "', '"01308"', '1308.0', 'null', '""', '"model_not_found"', '"１３０８"'),
    );
    const message = fc.oneof(
      fc.constantFrom(...CATALOG.flatMap((e) => [e.english, ...e.newerEnglish, ...e.chinese])),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41', '[1308][x][20260831171941958b81c5b1234255]', 'x (request id: 2026abc)', '', '429 Too Many Requests'),
    );
    const time = fc.constantFrom('"2026-11-27T10:00:00Z"', '"2026-11-27 10:00:00"', '1777552855', '"bad"', 'null');
    const field = (keys: readonly string[], value: fc.Arbitrary<string>) =>
      fc.option(fc.tuple(fc.constantFrom(...keys), value).map(([k, v]) => `"${k}":${v}`), { nil: undefined });
    const line = fc
      .record({
        ts: field(['ts', 'timestamp', 'time', 'created'], time),
        ts2: field(['ts', 'time'], time),
        status: field(['status', 'statusCode'], fc.constantFrom('429', '200', '400', '99', '"429"', '0429')),
        extra: field(['model', 'level', 'type', 'id', 'msg', 'error', 'choices'], fc.constantFrom('"glm-4.6"', '"error"', '1', 'null', '{}')),
        rid: field(['request_id', 'requestId'], fc.constantFrom('"20260831171941958b81c5b1234255"', '""', '"req_011x"')),
        inErr: field(['type', 'param', 'request_id', 'status'], fc.constantFrom('"rate_limit_error"', '"1308"', '429')),
        code,
        message: message.map((m) => JSON.stringify(m)),
        wrap: fc.boolean(),
        spaced: fc.boolean(),
      })
      .map(({ ts, ts2, status, extra, rid, inErr, code: c, message: m, wrap, spaced }) => {
        const sep = spaced ? ', ' : ',';
        const inner = [`"code":${c}`, `"message":${m}`, ...(wrap && inErr !== undefined ? [inErr] : [])].join(sep);
        const body = wrap ? `"error":{${inner}}` : inner;
        const parts = [ts, status, extra, body, rid, ts2].filter((p): p is string => p !== undefined);
        return `{${parts.join(sep)}}`;
      });
    fc.assert(fc.property(line, (l) => {
      expect(classifyRecord(l)).toEqual(classifyRecordFull(l));
    }), { numRuns: 1000 });
  });

  it('prototype keys as codes, models or keys neither pollute Object.prototype nor get catalogued (B3)', () => {
    const protoKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf');
    const record = fc.oneof(
      protoKey.map((k) => `{"error":{"code":"${k}","message":"x"}}`),
      protoKey.map((k) => `{"${k}":{"polluted":1,"code":"1308"},"error":{"${k}":{"polluted":1}}}`),
      protoKey.map((k) => `{"constructor":{"prototype":{"polluted":1}},"model":"${k}","code":"${k}"}`),
      fc.tuple(protoKey, fc.string()).map(([k, s]) => `[${k}] ${s} {"code":"${k}"}`),
    );
    fc.assert(
      fc.property(record, (text) => {
        const outcome = classifyRecord(text);
        if (outcome.kind === 'catalogued') expect(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']).not.toContain(outcome.details.code);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
      }),
    );
    expect(classifyRecord('{"error":{"code":"__proto__","message":"x"}}')).toMatchObject({ kind: 'uncatalogued', details: { code: null } });
  });

  it('stays linear on text crafted against the wording table (C12)', () => {
    const hostile = [`${'a'.repeat(100_000)}!`, `Usage limit reached for ${'5 '.repeat(50_000)}`, `${'已达到 '.repeat(30_000)}`, `{"error":{"message":"${'Invalid '.repeat(20_000)}"}}`];
    const started = performance.now();
    for (const text of hostile) checkOutcome(classifyRecord(text));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('the fast path composes each distinct error once', () => {
  const line = (ts: string, code: string, message: string, rid = '') =>
    `{${ts === '' ? '' : `"ts":${ts},`}"status":429,"error":{"code":"${code}","message":"${message}"}${rid === '' ? '' : `,"request_id":"${rid}"`}}`;
  const reset = 'Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41';

  it('a repeated quota message is judged again against each line’s own time', () => {
    // The same reset: plausible two hours before it, implausible a day after it, undated, dated by request id.
    const lines = [
      line('"2026-08-31T08:19:41Z"', '1308', reset),
      line('"2026-09-01T12:00:00Z"', '1308', reset),
      line('', '1308', reset),
      line('', '1308', reset, '20260831171941958b81c5b1234255'),
      line('"2026-08-31 09:00:00"', '1308', reset),
      line('"2026-08-31T08:19:41Z"', '1308', reset),
    ];
    const verdicts = lines.map((l) => {
      const fast = classifyRecord(l);
      expect(fast).toEqual(classifyRecordFull(l));
      return fast.kind === 'catalogued' ? fast.details.reset?.plausible : undefined;
    });
    expect(verdicts).toEqual([true, false, true, true, true, true]);
  });

  it('a repeated message keeps each line’s own time, request id and flags', () => {
    const message = 'High concurrency usage of this API, please reduce concurrency';
    for (const l of [line('"2026-11-27T10:00:00Z"', '1302', message), line('', '1302', message, '20261127100000abc'), line('"bad"', '1302', message), line('"2026-11-27T11:00:00Z"', '1302', message, 'req_1')]) {
      expect(classifyRecord(l)).toEqual(classifyRecordFull(l));
    }
  });
});

describe('text lines whose one trigger is an HTTP status line', () => {
  it('a code quoted with left single quotes is read with the shortcuts as without them (the pre-check lacked that quote)', () => {
    for (const l of ['‘code‘: ‘1308‘', 'HTTP/1.1 200 OK ‘code‘: ‘1308‘']) {
      expect(classifyRecord(l)).toEqual(classifyRecordFull(l));
      expect(classifyRecord(l).kind).toBe('catalogued');
    }
  });

  it('are read as the full path reads them (httpx request logs, errors among them)', () => {
    const status = fc.constantFrom('200 OK', '204 No Content', '301 Moved', '399', '400', '401 Unauthorized', '429', '500', '599', '600', 'xyz', '');
    const before = fc.constantFrom('[2026-11-20 00:00:00,123] DEBUG httpx: HTTP Request: POST https://api.z.ai/api/paas/v4/chat/completions "', '2026-11-20T00:00:00Z INFO ', '', '401 ', '[1308] ');
    const after = fc.constantFrom('"', '', ' Error from provider (Z.ai)', ' zhipuai.core.APIError', ' ‘code‘: ‘1308‘', ' then HTTP/1.1 429', ' Rate limit reached for requests', ' type=x');
    const line = fc.tuple(before, fc.constantFrom('HTTP/1.1 ', 'http/2 ', 'HTTP/1.0\t'), status, after).map((parts) => parts.join(''));
    fc.assert(
      fc.property(line, (l) => {
        expect(classifyRecord(l)).toEqual(classifyRecordFull(l));
      }),
      { numRuns: 600 },
    );
  });
});

describe('lines that differ only in their time', () => {
  // The fast path remembers the rest of a line after its quoted time and only reads the time again.
  const key = fc.constantFrom('ts', 'time', 'timestamp');
  const time = fc.oneof(
    fc.constantFrom('2026-11-27T10:00:00Z', '2026-11-27 10:00:00', '2026-11-27T10:00:00+08:00', '1764237600', '', 'bad', ' 2026-11-27', '2026-13-40T99:99:99Z'),
    fc.string({ maxLength: 12 }).filter((t) => !t.includes('"')),
  );
  const rest = fc.constantFrom(
    '"status":429,"error":{"code":"1302","message":"Rate limit reached for requests"}}',
    '"status":429,"error":{"code":"1302","message":"Rate limit reached for requests"},"request_id":"20261127100000abc"}',
    '"error":{"code":"1113","message":"Insufficient balance or no resource package. Please recharge."}}',
    '"status":200,"error":{"code":"1399","message":"something new"}}',
    '"status":429,"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 13:00:00"}}',
  );

  it('each gets what the full path gives, whatever the time holds', () => {
    expectSequencesAsFullPath(fc.tuple(key, time, rest).map(([k, t, r]) => `{"${k}":${JSON.stringify(t)},${r}`), 16);
  });

  it('more distinct tails than the fast path keeps, each read as the full path reads it (tails share slots)', () => {
    const codes = ['1302', '1113', '1214', '1399'];
    for (let i = 0; i < 6000; i += 1) {
      const n = (i * 7919) % 2500;
      const l = `{"ts":"2026-11-27T10:${String(i % 60).padStart(2, '0')}:00Z","status":429,"error":{"code":"${codes[n % 4]}","message":"Rate limit reached for requests ${n}"}}`;
      expect(classifyRecord(l)).toEqual(classifyRecordFull(l));
    }
  });

  it('a NUL anywhere in a line of a remembered layout makes it binary data, as on the full path', () => {
    const tail = '"status":429,"error":{"code":"1302","message":"Rate limit reached for requests"}}';
    const stampTail = '"status":429,"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 13:00:00"}}';
    classifyRecord(`{"ts":"2026-11-27T10:00:00Z",${tail}`);
    classifyRecord(`{"ts":"2026-11-27T10:00:00Z",${stampTail}`);
    for (const l of [
      `{"ts":"2026-11-27T10:00:01Z",${tail.replace('Rate', 'Ra\u0000te')}`,
      `{"ts":"2026-11-27T10:00:\u000001Z",${tail}`,
      `{"ts":"2026-11-27T10:00:01Z",${tail}\u0000`,
      `{"ts":"2026-11-27T10:00:01Z",${stampTail.replace('Usage', 'Us\u0000age')}`,
      `{"ts":"2026-11-27T10:00:01Z",${stampTail.replace('13:00:00', '13:00:\u00000')}`,
      `{"ts":"2026-11-27T10:00:01Z","code":"1302","message":"Rate limit reached\u0000"}`,
    ]) {
      expect(classifyRecord(l)).toEqual({ kind: 'rejected', reason: 'binary_data' });
      expect(classifyRecordFull(l)).toEqual({ kind: 'rejected', reason: 'binary_data' });
    }
  });

  it('a time under another key, or with an escape or control character, is not taken for the one remembered', () => {
    const tail = '"status":429,"error":{"code":"1302","message":"Rate limit reached for requests"}}';
    for (const l of [`{"ts":"2026-11-27T10:00:00Z",${tail}`, `{"time":"2026-11-27T11:00:00Z",${tail}`, `{"ts":"2026-11-27\\T12:00:00Z",${tail}`, `{"ts":"2026-11-27\tT12",${tail}`, `{"tz":"2026-11-27T10:00:00Z",${tail}`]) {
      expect(classifyRecord(l)).toEqual(classifyRecordFull(l));
    }
    // Each right after a line of its layout with a plain time, so that its own layout is the one remembered.
    const stampTail = '"status":429,"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 13:00:00"}}';
    for (const rest of [tail, stampTail, stampTail.replace('13:00:00', '13:00:01')]) {
      for (const time of ['2026-11-27\\T12:00:00Z', '2026-11-27\tT12', '2026-11-27T12:00:00\\u005a', '\u0001']) {
        classifyRecord(`{"ts":"2026-11-27T10:00:00Z",${rest}`);
        const l = `{"ts":"${time}",${rest}`;
        expect(classifyRecord(l)).toEqual(classifyRecordFull(l));
      }
    }
  });
});

describe('quota messages that differ only by their reset stamp', () => {
  const wordings = CATALOG.filter((e) => e.window !== null)
    .flatMap((e) => [e.english, ...e.newerEnglish, ...e.chinese].map((w) => ({ code: e.code, wording: w })))
    .filter(({ wording }) => wording.includes('${next_flush_time}'));
  const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
  // Valid, impossible (month 13, hour 24, 31 February) and far stamps, so every branch of the reset reader is met.
  const stamp = fc
    .tuple(fc.constantFrom('2026', '2025', '1999', '9999', '0000'), digits(2), digits(2), digits(2), digits(2), digits(2))
    .map(([y, mo, d, h, mi, s]) => `${y}-${mo}-${d} ${h}:${mi}:${s}`);
  const realistic = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 })).map(
    ([mo, d, h]) => `2026-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:00:01`,
  );
  const time = fc.constantFrom('"ts":"2026-11-20T00:00:00Z",', '"ts":"2026-11-20 08:00:00",', '', '"ts":"bad",');

  it('each gets what the full path gives, after the first of its wording was composed', () => {
    const line = fc.record({ w: fc.constantFrom(...wordings), stamp: fc.oneof(stamp, realistic), time, status: fc.constantFrom('429', '200') }).map(
      ({ w, stamp: s, time: t, status }) =>
        `{${t}"status":${status},"error":{"code":"${w.code}","message":${JSON.stringify(w.wording.replace('${next_flush_time}', s).replace('${number}', '5').replace('${unit}', 'hour'))}}}`,
    );
    expectSequencesAsFullPath(line, 12);
  });

  it('lines of the usual layout that differ in their time and their stamp each get what the full path gives', () => {
    // The fast path remembers such a line's text around its stamp and then only reads the time and the stamp again.
    const key = fc.constantFrom('ts', 'time', 'timestamp');
    const lineTime = fc.oneof(
      fc.constantFrom('2026-11-20T00:00:00Z', '2026-11-20T03:00:01.5Z', '2026-11-20 08:00:00', '2026-11-20T08:00:00+08:00', '', 'bad', '2026-13-40T99:99:99Z'),
      fc.string({ maxLength: 10 }).filter((t) => !t.includes('"') && !t.includes('\\')),
    );
    const line = fc
      .record({
        w: fc.constantFrom(...wordings.slice(0, 6)),
        stamp: fc.oneof(stamp, realistic, realistic),
        key,
        t: lineTime,
        status: fc.constantFrom(',"status":429', ',"status":200', ''),
        type: fc.constantFrom('', ',"type":"rate_limit_error"'),
        rid: fc.constantFrom('', ',"request_id":"20261120080000abc"', ',"request_id":"req_1"'),
      })
      .map(({ w, stamp: s, key: k, t, status, type, rid }) => {
        const message = w.wording.replace('${next_flush_time}', s).replace('${number}', '5').replace('${unit}', 'hour');
        return `{"${k}":${JSON.stringify(t)}${status},"error":{"code":"${w.code}","message":${JSON.stringify(message)}${type}}${rid}}`;
      });
    expectSequencesAsFullPath(line, 20);
  });

  it('more wordings than the fast path keeps, each read as the full path reads it (their stamped tails share slots)', () => {
    for (let i = 0; i < 6000; i += 1) {
      const n = (i * 7919) % 2500;
      const stampAt = `2026-11-20 ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:0${i % 10}`;
      const m = `Usage limit reached for ${n} hour. Your limit will reset at ${stampAt}`;
      const l = `{"ts":"2026-11-20T00:00:${String(i % 60).padStart(2, '0')}Z","status":429,"error":{"code":"1308","message":${JSON.stringify(m)}}}`;
      expect(classifyRecord(l)).toEqual(classifyRecordFull(l));
    }
  });

  it('a quota line longer than the tails the fast path keeps is read as the full path reads it, each time', () => {
    const long = `Usage limit reached for 5 hour. ${'x'.repeat(5000)} Your limit will reset at `;
    for (let i = 0; i < 4; i += 1) {
      const l = `{"ts":"2026-11-20T00:00:0${i}Z","status":429,"error":{"code":"1308","message":"${long}2026-11-20 11:00:0${i}"}}`;
      expect(classifyRecord(l)).toEqual(classifyRecordFull(l));
    }
  });

  it('a message with words after its stamp is not read as the one remembered without them, nor the other way round', () => {
    const base = 'Usage limit reached for 5 hour. Your limit will reset at ';
    const messages = [`${base}2026-11-20 11:00:02 (x)`, `${base}2026-11-20 11:00:03`, `${base}2026-11-20 11:00:04 (x)`, `${base}2026-11-20 11:00:05`];
    for (const m of [...messages, ...messages]) {
      const l = `{"ts":"2026-11-20T00:00:00Z","status":429,"error":{"code":"1308","message":${JSON.stringify(m)}}}`;
      expect(classifyRecord(l)).toEqual(classifyRecordFull(l));
    }
  });

  it('a stamp glued to more digits, a fraction or a zone, or a second date, is read as the full path reads it', () => {
    const base = 'Usage limit reached for 5 hour. Your limit will reset at ';
    const messages = [
      `${base}2026-11-20 11:00:02`, `${base}2026-11-20 12:00:02`, `${base}2026-11-20 11:00:02.5`, `${base}2026-11-20 11:00:02Z`,
      `${base}2026-11-20 11:00:02+08:00`, `${base}12026-11-20 11:00:02`, `${base}2026-11-20 11:00:021`, `${base}2026-11-20 11:00:02 (was 2026-11-19 11:00:02)`,
      `${base}2026-13-45 99:00:02`, `${base}2026-02-31 11:00:02`, `${base}2026-11-20 11:00:02 `, ` ${base}2026-11-20 13:00:02`,
    ];
    for (const m of [...messages, ...messages.reverse()]) {
      const l = `{"ts":"2026-11-20T00:00:00Z","status":429,"error":{"code":"1308","message":${JSON.stringify(m)}}}`;
      expect(classifyRecord(l)).toEqual(classifyRecordFull(l));
    }
  });
});
