import { describe, expect, it } from 'vitest';
import { classifyRecord } from '../classify/classify';
import type { RecordFlag } from '../classify/outcome';
import { checkLedger } from '../ledger/ledger';
import type { Ledger } from '../ledger/types';
import { runIngest, utf8 } from './fake-classifier';

/**
 * RELIABILITY section 3, groups D (message content) and E (timestamps): each hostile line through the real
 * classifier, with the ledger it must give and what its event keeps. How the page renders these (as text, in bidi
 * isolates, escapes visible) is checked in the browser (e2e/hostile*.spec.ts); here, that the text reaches the page
 * unchanged, counted once, with the time and flags it deserves. E2 (Safari's Date parser) cannot happen: no stamp is
 * read with `new Date(string)`; E7 (daylight saving) is read in the browser's own zones (e2e/daylight-saving.spec.ts).
 */

const NOW = Date.UTC(2026, 10, 27, 12);
const OPTIONS = { providerOffsetMinutes: 480, localOffsetMinutes: () => 0, now: () => NOW };
const RATE_LIMIT = 'Rate limit reached for requests';
const at10 = (extra: string) => `{"ts":"2026-11-27T10:00:00Z"${extra}}`;
const error = (code: string, message: string) => at10(`,"error":{"code":${JSON.stringify(code)},"message":${JSON.stringify(message)}}`);
const stamped = (stamp: string, code = '1302', message = RATE_LIMIT) => `${stamp} ERROR {"error":{"code":"${code}","message":"${message}"}}`;
const BODY_1309 = 'Your GLM Coding Plan package has expired and is temporarily unavailable. You can resume using it after renewing the subscription on the official website.';

interface Row {
  readonly id: string;
  readonly line: string;
  /** One line, one record, one event: the outcome of that line and the flags it was read with. */
  readonly outcome: 'catalogued' | 'uncatalogued';
  readonly flags?: readonly RecordFlag[];
  readonly code: string | null;
  /** The event's time (ISO), or null when it is undated. */
  readonly ts: string | null;
  /** The message as the event keeps it: the log's text, unchanged (undefined: not checked). */
  readonly message?: string;
  readonly reset?: string | null;
}

const D_ROWS: Row[] = [
  { id: 'D1 script tag in the message', line: error('1302', '<script>alert(1)</script>'), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z', message: '<script>alert(1)</script>' },
  { id: 'D2 markup as the code', line: error('<img src=x onerror=alert(1)>', 'x'), outcome: 'uncatalogued', code: null, ts: '2026-11-27T10:00:00.000Z', message: 'x' },
  { id: 'D2 markup as the model', line: at10(',"model":"<svg onload=alert(1)>","error":{"code":"1211","message":"Unknown Model"}'), outcome: 'catalogued', code: '1211', ts: '2026-11-27T10:00:00.000Z' },
  { id: 'D3 escaped markup stays escaped', line: error('1302', '&lt;script&gt;'), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z', message: '&lt;script&gt;' },
  {
    id: 'D4 script URLs in the message',
    line: error('1302', 'javascript:alert(1) JaVaScRiPt: java\tscript: &#106;avascript: data:text/html,x vbscript:'),
    outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z', message: 'javascript:alert(1) JaVaScRiPt: java\tscript: &#106;avascript: data:text/html,x vbscript:',
  },
  { id: 'D5 a look-alike link in a 1309', line: error('1309', `${BODY_1309} https://z.ai.evil.example/subscribe`), outcome: 'catalogued', code: '1309', ts: '2026-11-27T10:00:00.000Z', message: `${BODY_1309} https://z.ai.evil.example/subscribe` },
  { id: 'D6 template injection', line: error('1302', "{{constructor.constructor('alert(1)')()}} ${alert(1)}"), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z', message: "{{constructor.constructor('alert(1)')()}} ${alert(1)}" },
  { id: 'D7 markdown', line: error('1302', '[click](javascript:alert(1))'), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z', message: '[click](javascript:alert(1))' },
  { id: 'D8 bidi controls', line: error('1302', 'Rate limit \u202Ereached\u202C \u2066x\u2069 \u200E\u200F\u061C'), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z', message: 'Rate limit \u202Ereached\u202C \u2066x\u2069 \u200E\u200F\u061C' },
  { id: 'D9 a zero-width space inside the code', line: error('13\u200B08', 'Usage limit reached'), outcome: 'uncatalogued', code: null, ts: '2026-11-27T10:00:00.000Z' },
  {
    id: 'D10 ANSI colours and an OSC title around a stamped line',
    line: `\x1b[31m2026-11-27T10:00:00Z ERROR\x1b[0m \x1b]0;title\x07 {"error":{"code":"1302","message":"${RATE_LIMIT}"}}`,
    outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z', message: RATE_LIMIT,
  },
  { id: 'D11 line breaks inside the message: one line, one event', line: error('1302', 'line one\nline two\r\nforged 2026-11-27T10:00:00Z ERROR'), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z', message: 'line one\nline two\r\nforged 2026-11-27T10:00:00Z ERROR' },
  { id: 'D12 emoji, combining marks, CJK, Arabic, Hebrew', line: error('1302', '👩‍👩‍👧‍👦 Z̴̡a̷l̶ 该模型 مرحبا שלום'), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z', message: '👩‍👩‍👧‍👦 Z̴̡a̷l̶ 该模型 مرحبا שלום' },
  { id: 'D13 a 1 MB message', line: error('1302', 'x'.repeat(1_000_000)), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z' },
  { id: 'D14 console format strings', line: error('1302', '%s %o %c'), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z', message: '%s %o %c' },
  { id: 'D15 spreadsheet formulas', line: error('1302', '=HYPERLINK("http://evil","x") +cmd @SUM(1)'), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z', message: '=HYPERLINK("http://evil","x") +cmd @SUM(1)' },
  { id: 'D16 "null" as the code, "undefined" as the message', line: error('null', 'undefined'), outcome: 'uncatalogued', code: null, ts: '2026-11-27T10:00:00.000Z', message: 'undefined' },
  { id: 'D16 "[object Object]" as the message', line: error('1302', '[object Object]'), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z', message: '[object Object]' },
];

const E_ROWS: Row[] = [
  {
    id: 'E1 a zone-less reset read as UTC+8, the event in its own zone',
    line: stamped('2026-09-06T06:37:09.823+08:00', '1308', 'Usage limit reached for 5 hour. Your limit will reset at 2026-09-06 09:04:58'),
    outcome: 'catalogued', flags: ['reset_zone_assumed'], code: '1308', ts: '2026-09-05T22:37:09.823Z', reset: '2026-09-06T01:04:58.000Z',
  },
  { id: 'E3 +0800', line: stamped('2026-11-27T18:00:00+0800'), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z' },
  { id: 'E3 +08', line: stamped('2026-11-27T18:00:00+08'), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z' },
  { id: 'E3 lowercase t and z, nine fractional digits', line: stamped('2026-11-27t10:00:00.123456789z'), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.123Z' },
  { id: 'E4 30 February', line: stamped('2025-02-30 10:00:00'), outcome: 'catalogued', flags: ['timestamp_invalid'], code: '1302', ts: null },
  { id: 'E4 hour 24', line: stamped('2025-01-01T24:00:00Z'), outcome: 'catalogued', flags: ['timestamp_invalid'], code: '1302', ts: null },
  { id: 'E4 all zeros', line: stamped('0000-00-00 00:00:00'), outcome: 'catalogued', flags: ['timestamp_invalid'], code: '1302', ts: null },
  { id: 'E5 epoch seconds', line: `{"created":1795773600,"error":{"code":"1302","message":"${RATE_LIMIT}"}}`, outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z' },
  { id: 'E5 epoch milliseconds', line: `{"created":1795773600123,"error":{"code":"1302","message":"${RATE_LIMIT}"}}`, outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.123Z' },
  { id: 'E5 epoch microseconds', line: `{"created":1795773600123456,"error":{"code":"1302","message":"${RATE_LIMIT}"}}`, outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.123Z' },
  { id: 'E5 epoch nanoseconds, past 2^53', line: `{"created":1795773600123456789,"error":{"code":"1302","message":"${RATE_LIMIT}"}}`, outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.123Z' },
  { id: 'E6 the epoch itself', line: stamped('1970-01-01T00:00:00Z'), outcome: 'catalogued', code: '1302', ts: '1970-01-01T00:00:00.000Z' },
  { id: 'E6 year 9999: dated, and in the future', line: stamped('9999-12-31T23:59:59Z'), outcome: 'catalogued', flags: ['timestamp_in_future'], code: '1302', ts: '9999-12-31T23:59:59.000Z' },
  { id: 'E8 CST is not guessed', line: stamped('2026-11-27 10:00:00 CST'), outcome: 'catalogued', flags: ['timestamp_zone_assumed'], code: '1302', ts: '2026-11-27T10:00:00.000Z' },
  { id: 'E8 GMT+8 is honoured', line: stamped('2026-11-27 18:00:00 GMT+8'), outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z' },
  { id: 'E8 北京时间 is honoured', line: `北京时间 ${stamped('2026-11-27 18:00:00')}`, outcome: 'catalogued', code: '1302', ts: '2026-11-27T10:00:00.000Z' },
  { id: 'E9 a clock ahead', line: stamped('2099-01-01T00:00:00Z'), outcome: 'catalogued', flags: ['timestamp_in_future'], code: '1302', ts: '2099-01-01T00:00:00.000Z' },
  {
    id: 'E10 a reset before its event: no countdown',
    line: stamped('2026-09-06T06:37:09Z', '1308', 'Usage limit reached for 5 hour. Your limit will reset at 2026-09-05 09:04:58'),
    outcome: 'catalogued', flags: ['reset_zone_assumed', 'reset_time_implausible'], code: '1308', ts: '2026-09-06T06:37:09.000Z', reset: '2026-09-05T01:04:58.000Z',
  },
  {
    id: 'E11 a 1310 reset with its own zone',
    line: stamped('2026-09-06T06:37:09Z', '1310', 'Weekly/Monthly Limit Exhausted. Your limit will reset at 2026-09-10T00:00:00Z'),
    outcome: 'catalogued', code: '1310', ts: '2026-09-06T06:37:09.000Z', reset: '2026-09-10T00:00:00.000Z',
  },
];

function ledgerOf(row: Row): Partial<Ledger> {
  const flags = Object.fromEntries((row.flags ?? []).map((flag) => [flag, 1]));
  return { lines: 1, records: 1, events: 1, catalogued: row.outcome === 'catalogued' ? 1 : 0, uncatalogued: row.outcome === 'uncatalogued' ? 1 : 0, nonError: 0, rejected: {}, flags };
}

describe.each([
  ['D', D_ROWS],
  ['E', E_ROWS],
])('RELIABILITY %s rows: the ledger and the event of each', (_group, rows) => {
  it.each(rows)('$id', (row) => {
    const { ledger, events } = runIngest(utf8(`${row.line}\n`), [], { classify: (text) => classifyRecord(text, OPTIONS) });
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger).toMatchObject(ledgerOf(row));
    const [event] = events;
    expect(event?.details.code).toBe(row.code);
    expect(event?.details.ts === null || event?.details.ts === undefined ? null : new Date(event.details.ts).toISOString()).toBe(row.ts);
    if (row.message !== undefined) expect(event?.details.message).toBe(row.message);
    if (row.reset !== undefined) expect(event?.details.reset?.at === null || event?.details.reset?.at === undefined ? null : new Date(event.details.reset.at).toISOString()).toBe(row.reset);
  });
});
