import { describe, expect, it } from 'vitest';
import { classifyRecord, classifyRecordFull } from './classify';
import { errorsOf, type ErrorDetails, type Outcome } from './outcome';
import { quoteInexactNumbers } from './exact-numbers';

const ERROR = '"error":{"code":"1302","message":"Rate limit reached for requests"}';
const detailsOf = (o: Outcome): ErrorDetails | null => (o.kind === 'catalogued' || o.kind === 'uncatalogued' ? o.details : null);
const idsOf = (o: Outcome) => (o.kind === 'catalogued' || o.kind === 'uncatalogued' ? errorsOf(o).map((e) => e.details.requestId) : []);

describe('quoteInexactNumbers (B5)', () => {
  it.each([
    ['{"request_id":18446744073709551616}', '{"request_id":"18446744073709551616"}'],
    ['{"requestId" : 1e309}', '{"requestId" : "1e309"}'],
    ['{"id":12345678901234567890123,"code":-1.5e400}', '{"id":"12345678901234567890123","code":"-1.5e400"}'],
    // Numbers a double holds exactly stay numbers: a numeric code keeps reading as one.
    ['{"request_id":9007199254740991,"code":1308,"c":1308.0}', '{"request_id":9007199254740991,"code":1308,"c":1308.0}'],
    ['{"request_id":9007199254740993}', '{"request_id":"9007199254740993"}'],
    // Other keys, and the text of strings, are left alone.
    ['{"count":18446744073709551616,"message":"request_id 18446744073709551616"}', '{"count":18446744073709551616,"message":"request_id 18446744073709551616"}'],
    ['{"message":"\\"request_id\\":18446744073709551616"}', '{"message":"\\"request_id\\":18446744073709551616"}'],
  ])('%s -> %s', (json, expected) => expect(quoteInexactNumbers(json)).toBe(expected));
});

describe('classifyRecord: a request id beyond 2^53 is kept as written (B5)', () => {
  it.each([
    ['request_id', `{${ERROR},"request_id":18446744073709551616}`, '18446744073709551616'],
    ['requestId, with spaces', `{${ERROR}, "requestId" : 12345678901234567890123}`, '12345678901234567890123'],
    ['inside the error object', '{"error":{"code":"1302","message":"x","request_id":99999999999999999999}}', '99999999999999999999'],
    ['a completion id with finish_reason sensitive', '{"id":12345678901234567890123,"choices":[{"index":0,"finish_reason":"sensitive"}]}', '12345678901234567890123'],
    ['a fraction', `{${ERROR},"request_id":1.50}`, '1.50'],
    ['1e309 (Infinity)', `{${ERROR},"request_id":1e309}`, '1e309'],
    ['in a body after `API Error: 429`', `API Error: 429 {${ERROR},"request_id":18446744073709551616}`, '18446744073709551616'],
    ['in JSON escaped in a message', `{"error":{"message":"{\\"error\\":{\\"code\\":\\"1302\\",\\"message\\":\\"x\\"},\\"request_id\\":18446744073709551616}"}}`, '18446744073709551616'],
    ['a safe integer', `{${ERROR},"request_id":9007199254740991}`, '9007199254740991'],
    ['a string (unchanged)', `{${ERROR},"request_id":"18446744073709551616"}`, '18446744073709551616'],
  ])('%s', (_name, line, id) => {
    const outcome = classifyRecord(line);
    expect(detailsOf(outcome)?.requestId).toBe(id);
    expect(classifyRecordFull(line)).toEqual(outcome);
  });

  it('keeps each id of an array line, though both read as the same double', () => {
    const line = `[{${ERROR},"request_id":18446744073709551616},{"level":"info"},{${ERROR},"request_id":18446744073709551617}]`;
    expect(idsOf(classifyRecord(line))).toEqual(['18446744073709551616', '18446744073709551617']);
  });

  it('dates a record by a numeric Z.ai id as by the same id in quotes', () => {
    // 30 decimal digits are a Z.ai id (14 digits of Beijing time, 16 hexadecimal digits): 2026-08-31 09:19:41 +08:00.
    const id = '202608310919410123456789012345';
    const numeric = detailsOf(classifyRecord(`{${ERROR},"request_id":${id}}`));
    expect(numeric).toMatchObject({ requestId: id, ts: Date.parse('2026-08-31T01:19:41Z') });
    expect(numeric?.flags).toContain('timestamp_from_request_id');
    expect(numeric).toEqual(detailsOf(classifyRecord(`{${ERROR},"request_id":"${id}"}`)));
  });
});

/** Every number of an outcome, at any depth: none may be Infinity or NaN, nor any string read "Infinity". */
function numbersAndStrings(value: unknown, found: unknown[] = []): unknown[] {
  if (typeof value === 'number' || typeof value === 'string') found.push(value);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) numbersAndStrings(v, found);
  return found;
}

describe('classifyRecord: 1e309 never becomes Infinity in an event (B5)', () => {
  it.each([
    ['a code', '{"error":{"code":1e309,"message":"x"}}', { code: null, params: { rawCode: '1e309' } }],
    ['a code beyond 2^53', '{"error":{"code":13080000000000000001,"message":"x"}}', { code: null, params: { rawCode: '13080000000000000001' } }],
    ['a status', `{"status":1e309,${ERROR}}`, { code: '1302', http: null }],
    ['a status in the error', '{"error":{"code":"1302","status":-1e309,"message":"x"}}', { code: '1302', http: null }],
    ['an epoch time', `{"ts":1e309,${ERROR}}`, { code: '1302', ts: null, flags: ['timestamp_invalid'] }],
    ['an epoch time as text', `{"ts":"1e309",${ERROR}}`, { code: '1302', ts: null, flags: ['timestamp_invalid'] }],
    ['an epoch time beyond 2^53', `{"ts":17556156001234567890123,${ERROR}}`, { code: '1302', ts: null, flags: ['timestamp_invalid'] }],
    ['a reset time', '{"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 1e309"}}', { code: '1308', reset: null }],
    ['a reset time of year 9999…', '{"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 99999-99-99 99:99:99"}}', { code: '1308' }],
  ])('%s', (_name, line, expected) => {
    const outcome = classifyRecord(line);
    expect(detailsOf(outcome)).toMatchObject(expected);
    for (const v of numbersAndStrings(outcome)) expect(typeof v === 'number' ? Number.isFinite(v) : !String(v).includes('Infinity'), String(v)).toBe(true);
    expect(classifyRecordFull(line)).toEqual(outcome);
  });
});
