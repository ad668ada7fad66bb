import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoUtcFast } from '../time/log-timestamp';
import { eventTime, isoUtcTimeAt, leadingStamp } from './event-time';
import { classifyRecord, classifyRecordFull } from './classify';

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
/** Stamps that share days and seconds with each other, some of them no real time (Feb 30th, 24:00, 60 s). */
const stamp = fc
  .tuple(
    fc.constantFrom('2026-11-20', '2026-11-21', '1969-12-31', '2024-02-29', '2026-02-29', '0001-01-01', '2026-13-01'),
    fc.constantFrom('T', ' ', 't'),
    two(24),
    two(60),
    two(60),
    fc.constantFrom('', '.000', '.999', '.5', '.12x'),
    fc.constantFrom('Z', 'Z', 'Z', 'z', '+08:00', ''),
  )
  .map(([day, sep, h, m, s, fraction, zone]) => `${day}${sep}${h}:${m}:${s}${fraction}${zone}`);

describe('isoUtcTimeAt', () => {
  it('dates every line as its stamp read on its own would, whatever the stamps before it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 3 }), stamp, fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 30 }), (lines) => {
        for (const [before, text, after] of lines) {
          const line = `${before}${text}${after}`;
          const time = isoUtcTimeAt(line, before.length, before.length + text.length);
          expect(time?.ts ?? null).toBe(parseIsoUtcFast(text));
          if (time !== null) expect(time).toEqual(eventTime(text, null, 0));
        }
      }),
    );
  });

  it('reads the day again when only the day changes', () => {
    const line = (text: string) => `{"ts":"${text}"}`;
    const at = (text: string) => isoUtcTimeAt(line(text), 7, 7 + text.length)?.ts ?? null;
    expect(at('2026-11-20T10:00:00Z')).toBe(Date.parse('2026-11-20T10:00:00Z'));
    expect(at('2026-11-21T10:00:00Z')).toBe(Date.parse('2026-11-21T10:00:00Z'));
    expect(at('1969-12-31T23:59:59.999Z')).toBe(Date.parse('1969-12-31T23:59:59.999Z'));
    expect(at('1969-12-31T00:00:00.000Z')).toBe(Date.parse('1969-12-31T00:00:00.000Z'));
    expect(at('2026-02-30T10:00:00Z')).toBeNull();
    expect(at('2026-02-30T10:00:01Z')).toBeNull();
  });
});

describe('leadingStamp: zone labels (E8)', () => {
  it.each([
    ['2026-11-27 10:00:00 GMT+8 ERROR x', '2026-11-27 10:00:00+08:00'],
    ['2026-11-27 10:00:00 UTC+08:00 ERROR x', '2026-11-27 10:00:00+08:00'],
    ['2026-11-27T10:00:00 GMT-5:30 x', '2026-11-27T10:00:00-05:30'],
    ['2026-11-27 10:00:00 UTC ERROR x', '2026-11-27 10:00:00Z'],
    ['[2026-11-27 10:00:00] GMT+8 x', null],
    ['北京时间 2026-11-27 10:00:00 调用失败', '2026-11-27 10:00:00+08:00'],
    ['北京时间：2026-11-27 10:00:00', '2026-11-27 10:00:00+08:00'],
    ['Beijing time 2026-11-27T10:00:00Z x', '2026-11-27T10:00:00Z'],
    // Named but not offsets: left zone-less, to be read in the source's zone and flagged.
    ['2026-11-27 10:00:00 CST ERROR x', '2026-11-27 10:00:00'],
    ['2026-11-27 10:00:00 GMT+25 x', '2026-11-27 10:00:00'],
    ['2026-11-27 10:00:00 UTCX x', '2026-11-27 10:00:00'],
    ['2026-11-27 10:00:00 Global x', '2026-11-27 10:00:00'],
    ['2026-11-27 10:00:00 UTC+8: request failed', '2026-11-27 10:00:00+08:00'],
    ['2026-11-27 10:00:00 GMT+0800 x', '2026-11-27 10:00:00+08:00'],
    ['2026-11-27 10:00:00 GMT+8a x', '2026-11-27 10:00:00'],
    ['2026-11-27 10:00:00 GMT+8.5 x', '2026-11-27 10:00:00'],
    ['2026-11-27 10:00:00 UTC+123 x', '2026-11-27 10:00:00'],
    ['2026-11-27 10:00:00 UTC+08:00:01 x', '2026-11-27 10:00:00'],
    ['Beijing 2026-11-27 10:00:00', null],
  ])('%j -> %j', (text, expected) => {
    const stamp = leadingStamp(text);
    if (expected === null) expect(stamp === null || !stamp.endsWith('+08:00')).toBe(true);
    else expect(stamp).toBe(expected);
  });

  it('dates the error by the offset named, and flags only the stamps it had to assume a zone for', () => {
    const at = (prefix: string) => {
      const outcome = classifyRecord(`${prefix} ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}`, { localOffsetMinutes: () => -300 });
      return outcome.kind === 'catalogued' ? [new Date(outcome.details.ts ?? 0).toISOString(), outcome.details.flags.includes('timestamp_zone_assumed')] : null;
    };
    expect(at('2026-11-27 10:00:00 GMT+8')).toEqual(['2026-11-27T02:00:00.000Z', false]);
    expect(at('北京时间 2026-11-27 10:00:00')).toEqual(['2026-11-27T02:00:00.000Z', false]);
    expect(at('2026-11-27 10:00:00 CST')).toEqual(['2026-11-27T15:00:00.000Z', true]);
  });
});

describe('leadingStamp: epoch seconds or milliseconds opening a text line', () => {
  const body = 'ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}';
  const dated = (line: string) => {
    const outcome = classifyRecord(line, { localOffsetMinutes: () => 480 });
    return outcome.kind === 'catalogued' ? [outcome.details.ts === null ? null : new Date(outcome.details.ts).toISOString(), outcome.details.flags] : null;
  };

  it.each([
    ['1759212000 ERROR x', '1759212000'],
    ['1759212000\tERROR x', '1759212000'],
    ['1759212000123 ERROR x', '1759212000123'],
    ['1759212000123\tERROR x', '1759212000123'],
  ])('%j -> %j', (line, stamp) => expect(leadingStamp(line)).toBe(stamp));

  // No 10- or 13-digit number is out of the JSON reader's range (epochToMs: from 1970 to the year 10000): what is
  // refused is a number of another length, or glued to what follows it.
  it.each([
    '12345 ERROR x',
    '175921200 ERROR x',
    '17592120001 ERROR x',
    '175921200012 ERROR x',
    '17592120001234 ERROR x',
    '1759212000123456 ERROR x',
    '1759212000abc ERROR x',
    '1759212000.5 ERROR x',
    '1759212000:ERROR x',
    '1759212000',
    '1759212000123',
    '[1759212000] ERROR x',
    ' 1759212000 ERROR x',
  ])('reads no time from %j', (line) => expect(leadingStamp(line)).toBeNull());

  it('dates the error by it as the JSON reader dates epoch digits: no zone to assume', () => {
    expect(dated(`1759212000 ${body}`)).toEqual(['2025-09-30T06:00:00.000Z', []]);
    expect(dated(`1759212000123\t${body}`)).toEqual(['2025-09-30T06:00:00.123Z', []]);
    expect(dated(`1759212000 ${body}`)).toEqual(dated(`{"ts":1759212000,"error":{"code":"1302","message":"Rate limit reached for requests"}}`));
    expect(dated(`12345 ${body}`)).toEqual([null, ['timestamp_missing']]);
    expect(dated(`17592120001 ${body}`)).toEqual([null, ['timestamp_missing']]);
    expect(dated(`1759212000abc ${body}`)).toEqual([null, ['timestamp_missing']]);
  });

  it('reads with the shortcuts as without them', () => {
    for (const line of [`1759212000 ${body}`, `1759212000123 ${body}`, `1759212000abc ${body}`, '1759212000 INFO ok', `12345 ${body}`]) {
      expect(classifyRecord(line)).toEqual(classifyRecordFull(line));
    }
  });
});

describe('leadingStamp: a coloured terminal log (D10)', () => {
  const SGR = (codes: string) => `\x1b[${codes}m`;
  it.each([
    [`${SGR('31')}2026-11-27T10:00:00Z ERROR x`, '2026-11-27T10:00:00Z'],
    [`${SGR('1;31')}${SGR('2')}2026-11-27 10:00:00.123${SGR('0')} INFO x`, '2026-11-27 10:00:00.123'],
    [`${SGR('90')}1759212000 ERROR x`, '1759212000'],
    [`${SGR('31')}ERROR 2026-11-27T10:00:00Z x`, null],
    // Not colours: an OSC title, a lone ESC, a sequence that never ends, more codes than a terminal colours a time with.
    [`\x1b]0;title\x072026-11-27T10:00:00Z ERROR x`, null],
    ['\x1b2026-11-27T10:00:00Z ERROR x', null],
    [`\x1b[${'1;'.repeat(40)}m2026-11-27T10:00:00Z ERROR x`, null],
    [`${SGR('1').repeat(5)}2026-11-27T10:00:00Z ERROR x`, null],
  ])('%j -> %j', (line, stamp) => expect(leadingStamp(line)).toBe(stamp));
});
