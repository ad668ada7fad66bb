import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkLedger } from '../ledger/ledger';
import { runIngest, utf8 } from './fake-classifier';
import { encodeGb18030 } from './gb18030.test-support';
import { randomBytes } from './random-bytes.test-support';

/** A3 through the pipeline: a binary file is one file-level binary_data of its whole size, nothing read as text. */

const join = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));
const logOf = (line: (i: number) => string): string => Array.from({ length: 200 }, (_, i) => `${line(i)}\n`).join('');
const LOG = logOf((i) => `2026-08-25 10:00:${i % 60} ERROR 1302 rate limit ${i}`);

describe('A3 binary files without a known text layout → file-level binary_data', () => {
  it.each([
    ['a GIF', join(utf8('GIF89a'), randomBytes(1, 2766)), 'GIF image'],
    ['random bytes', randomBytes(2, 256 * 1024), 'control bytes and invalid UTF-8 throughout'],
    ['raw deflate of a log (no magic)', deflateSync(utf8(LOG)), 'control bytes and invalid UTF-8 throughout'],
  ])('%s', (_name, input, hint) => {
    for (const cuts of [[], [1, 700, 1023, 1025], [5000]]) {
      const { ledger } = runIngest(input, cuts);
      expect(checkLedger(ledger)).toEqual([]);
      expect(ledger).toMatchObject({ lines: 0, records: 0, bytesRead: input.length, bytesInLines: 0, bytesUnsplittable: { binary_data: input.length } });
      expect(ledger.notices).toContain(`binary data (${hint}): not read as text`);
    }
  });
});

describe('text with traits of binary is still read line by line', () => {
  it.each([
    ['ANSI colours', utf8(LOG.replaceAll('ERROR', '\u001b[1;31mERROR\u001b[0m')), {}],
    ['GBK text', encodeGb18030(LOG.replaceAll('rate limit', '请求过于频繁')), {}],
    ['a NUL on every 10th line', utf8(logOf((i) => `2026-08-25 ERROR 1302 rate limit${i % 10 === 0 ? '\u0000' : ''}`)), { binary_data: 20 }],
  ])('%s', (_name, input, rejected) => {
    const { ledger } = runIngest(input);
    expect(checkLedger(ledger)).toEqual([]);
    expect(ledger).toMatchObject({ lines: 200, rejected, bytesUnsplittable: {}, bytesInLines: input.length });
  });
});
