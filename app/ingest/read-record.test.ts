import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../core/formats/gb18030.test-support';
import { readRecordText, withoutLastGrapheme } from './read-record';

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
