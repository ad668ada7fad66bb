import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../core/formats/gb18030.test-support';
import { readRecordText, readRecordWithLineAbove, withoutLastGrapheme } from './read-record';

const FAMILY = '👩‍👩‍👧‍👦';
const encode = (text: string) => new TextEncoder().encode(text);

/** A source of three lines; the record read is the middle one. */
function sourceAround(record: string): { bytes: Uint8Array; offset: number; length: number } {
  const before = '{"first":1}\n';
  return { bytes: encode(`${before}${record}\n{"last":1}\n`), offset: encode(before).byteLength, length: encode(record).byteLength };
}

describe('readRecordText', () => {
  it.each([
    ['a record under the cap, whole', 'plain record', 100, 'plain record'],
    ['a record exactly at the cap, whole', 'abcd', 4, 'abcd'],
    ['ASCII cut at the cap, less its last character (which may have been partial)', 'abcdefgh', 5, 'abcd'],
    ['a family emoji split by the cut goes whole, not half a ZWJ sequence', `ab${FAMILY}${FAMILY}`, 2 + 25 + 10, `ab${FAMILY}`],
    ['a CJK character split by the cut (3 bytes) is not a U+FFFD', '该模型当前访问量过大', 7, '该'],
    ['a letter whose marks the cut split goes with all of them (Zalgo)', 'Z\u0334\u0321a\u0337l\u0336', 7, 'Z\u0334\u0321'],
  ])('%s', async (_name, record, maxBytes, expected) => {
    const { bytes, offset, length } = sourceAround(record);
    for (const blob of [new Blob([bytes.slice()]), new Blob([gzipSync(bytes)])]) {
      const read = await readRecordText(blob, offset, length, maxBytes);
      expect(read.text).toBe(expected);
      // All the record's bytes, or the cap's when it was cut.
      expect(read.bytes).toBe(Math.min(length, maxBytes));
    }
  });

  it('A21: reads a record of a gzip inside a gzip from the inner text, as ingest counted its offset', async () => {
    const { bytes, offset, length } = sourceAround('{"error":{"code":"1302","message":"Rate limit reached for requests"}}');
    for (const level of [0, 9] as const) {
      const read = await readRecordText(new Blob([gzipSync(gzipSync(bytes, { level }))]), offset, length, 1 << 20);
      expect(read.text).toBe('{"error":{"code":"1302","message":"Rate limit reached for requests"}}');
    }
    // The inner layer stored, not compressed: the outer layer's bytes needed run past the record's offset.
    const big = sourceAround(`${'x'.repeat(300_000)}{"error":{"code":"1302"}}`);
    const stored = gzipSync(gzipSync(big.bytes, { level: 0 }), { level: 0 });
    expect((await readRecordText(new Blob([stored]), big.offset, big.length, 1 << 20)).text.endsWith('{"error":{"code":"1302"}}')).toBe(true);
    // An inner gzip of a member per line is larger than its text: the last record is still reached.
    const lines = Array.from({ length: 5_000 }, (_, i) => `{"error":{"code":"1302","n":${i}}}\n`);
    const perLine = lines.map((line) => gzipSync(encode(line)));
    const inner = new Uint8Array(perLine.reduce((n, part) => n + part.length, 0));
    perLine.reduce((at, part) => (inner.set(part, at), at + part.length), 0);
    const lastAt = encode(lines.slice(0, -1).join('')).byteLength;
    const last = (lines.at(-1) ?? '').trimEnd();
    expect(inner.byteLength).toBeGreaterThan(encode(lines.join('')).byteLength);
    expect((await readRecordText(new Blob([gzipSync(inner)]), lastAt, encode(last).byteLength, 1 << 20)).text).toBe(last);
  });

  it('says a record holding bytes that are not UTF-8 is cut, without counting each such byte as three', async () => {
    const record = Uint8Array.from([...encode('ERROR '), ...new Array<number>(2000).fill(0xff)]);
    const read = await readRecordText(new Blob([record]), 0, record.byteLength, 1000);
    expect(read.bytes).toBe(1000);
    expect(read.bytes).toBeLessThan(record.byteLength);
  });

  it('decodes a record of a source read as GB18030 in GB18030', async () => {
    const record = encodeGb18030('{"error":{"code":"1308","message":"已达到 5 小时的使用上限"}}');
    const read = await readRecordText(new Blob([record]), 0, record.byteLength, 64 * 1024, 'gb18030');
    expect(read.text).toBe('{"error":{"code":"1308","message":"已达到 5 小时的使用上限"}}');
  });
});

describe('withoutLastGrapheme', () => {
  it.each([
    ['', ''],
    ['a', ''],
    [`ab${FAMILY}`, 'ab'],
    [`${'x'.repeat(1000)}${FAMILY}`, 'x'.repeat(1000)],
    ['שלום', 'שלו'],
  ])('withoutLastGrapheme(%j) = %j', (text, expected) => expect(withoutLastGrapheme(text)).toBe(expected));
});

describe('readRecordWithLineAbove', () => {
  const STAMPED = '2026-11-20 10:00:00,123 - app - ERROR - request failed';
  const TRACE = "Traceback (most recent call last):\n  File \"app.py\", line 3, in <module>\nopenai.RateLimitError: Error code: 429 - {'error': {'code': '1302'}}";
  /** A log whose record (a traceback) sits under a stamped line, with `eol` line ends. */
  function logWith(eol: string, head = 'INFO warming up') {
    const before = `${head}${eol}${STAMPED}${eol}`;
    const record = TRACE.replaceAll('\n', eol);
    return { bytes: encode(`${before}${record}${eol}{"last":1}${eol}`), offset: encode(before).byteLength, length: encode(record).byteLength, record };
  }

  it.each(['\n', '\r\n', '\r'])('reads the record and the line above it, from a plain or a gzip source (line end %j)', async (eol) => {
    const { bytes, offset, length, record } = logWith(eol);
    for (const blob of [new Blob([bytes.slice()]), new Blob([gzipSync(bytes)]), new Blob([gzipSync(gzipSync(bytes))])]) {
      const read = await readRecordWithLineAbove({ blob, offset, length, maxBytes: 64 * 1024 });
      expect(read).toEqual({ text: record, bytes: length, lineAbove: { kind: 'line', text: STAMPED } });
    }
  });

  it('says when the line above is longer than the window, and when the record opens the source', async () => {
    const { bytes, offset, length } = logWith('\n', 'x'.repeat(500));
    const blob = new Blob([bytes.slice()]);
    expect((await readRecordWithLineAbove({ blob, offset, length, maxBytes: 1 << 20, windowBytes: 40 })).lineAbove).toEqual({ kind: 'too-long', windowBytes: 40 });
    expect((await readRecordWithLineAbove({ blob, offset, length, maxBytes: 1 << 20, windowBytes: STAMPED.length + 2 })).lineAbove).toEqual({ kind: 'line', text: STAMPED });
    const first = await readRecordWithLineAbove({ blob, offset: 0, length: 10, maxBytes: 1 << 20 });
    expect(first).toEqual({ text: 'xxxxxxxxxx', bytes: 10, lineAbove: { kind: 'none' } });
  });

  it('cuts the record at the cap as readRecordText does, the line above whole', async () => {
    const { bytes, offset, length } = logWith('\r\n');
    const blob = new Blob([gzipSync(bytes)]);
    const read = await readRecordWithLineAbove({ blob, offset, length, maxBytes: 9 });
    expect(read).toEqual({ ...(await readRecordText(blob, offset, length, 9)), lineAbove: { kind: 'line', text: STAMPED } });
    expect(read.text).toBe('Tracebac');
  });

  it('decodes the line above as the source was read (GB18030)', async () => {
    const before = encodeGb18030(`2026-11-20 10:00:00 错误 请求失败\r\n`);
    const record = encodeGb18030('{"error":{"code":"1302","message":"并发数过高"}}');
    const blob = new Blob([before, record]);
    const read = await readRecordWithLineAbove({ blob, offset: before.byteLength, length: record.byteLength, maxBytes: 1 << 20, encoding: 'gb18030' });
    expect(read.lineAbove).toEqual({ kind: 'line', text: '2026-11-20 10:00:00 错误 请求失败' });
    expect(read.text).toBe('{"error":{"code":"1302","message":"并发数过高"}}');
  });

  it('says the line above is unreadable when the source no longer holds the bytes before the record', async () => {
    const { bytes, offset, length } = logWith('\n');
    const cut = gzipSync(bytes.subarray(0, offset - 5));
    expect((await readRecordWithLineAbove({ blob: new Blob([cut]), offset, length, maxBytes: 1 << 20 })).lineAbove).toEqual({ kind: 'unreadable' });
  });
});
