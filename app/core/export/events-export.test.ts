import { describe, expect, it } from 'vitest';
import { toCsv, toCsvCell, type ExportRow } from './events-export';

describe('toCsvCell', () => {
  it.each([
    ['plain', 'plain'],
    [1308, '1308'],
    [null, ''],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tTAB', "'\tTAB"],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['say "hi"', '"say ""hi"""'],
    ['＝1+1', "'＝1+1"],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ] as const)('%j -> %s', (input, expected) => {
    expect(toCsvCell(input)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes a header and one line per row', () => {
    const row: ExportRow = {
      time: '2026-11-27T10:00:00.000Z', code: '1308', category: 'api-policy-block', verdict: 'wait-for-reset', http: 429,
      message: 'Usage limit reached for 5 hour.', requestId: null, resetAt: '2026-11-27T13:30:00.000Z', window: '5-hour', attempts: 1,
      source: 'agent.log', line: 3,
    };
    expect(toCsv([row]).split('\r\n')).toEqual([
      'time,code,category,verdict,http,message,requestId,resetAt,window,attempts,source,line',
      '2026-11-27T10:00:00.000Z,1308,api-policy-block,wait-for-reset,429,Usage limit reached for 5 hour.,,2026-11-27T13:30:00.000Z,5-hour,1,agent.log,3',
      '',
    ]);
  });
});
