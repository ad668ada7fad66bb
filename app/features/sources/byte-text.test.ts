import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkLedger, createEmptyLedger, mergeLedgers } from '../../core/ledger/ledger';
import { countCompressed, countRecord, countUnsplittable } from '../../core/ledger/ledger-count';
import type { Ledger } from '../../core/ledger/types';
import { fakeClassify, runIngest, utf8 } from '../../core/formats/fake-classifier';
import { createIngestPipeline } from '../../core/formats/pipeline';
import { formatBytes } from '../../shared/format';
import { bytesLine, bytesLineText } from './byte-text';

const MIB = 1024 * 1024;

/** A ledger of `inLines` bytes of text in lines and `cancelled` more never read, as a plain file's. */
function plainLedger(inLines: number, cancelled: number): Ledger {
  const ledger = createEmptyLedger();
  countRecord(ledger, { firstLine: 1, lineCount: 1, byteLength: inLines, firstLineBytes: inLines, text: '' }, { kind: 'non-error' });
  countUnsplittable(ledger, 'cancelled', cancelled);
  ledger.sourceBytes = inLines + cancelled;
  return ledger;
}

/** The 100 MiB NDJSON gzip of the audit (2.9 MiB), cancelled after 13 MiB of its text. */
function cancelledGzip(): Ledger {
  const ledger = createEmptyLedger();
  countRecord(ledger, { firstLine: 1, lineCount: 1, byteLength: 13 * MIB, firstLineBytes: 100, text: '' }, { kind: 'non-error' });
  countCompressed(ledger, 'inflated', 410 * 1024);
  countCompressed(ledger, 'cancelled', 2.5 * MIB);
  ledger.sourceBytes = 410 * 1024 + 2.5 * MIB;
  expect(checkLedger(ledger)).toEqual([]);
  return ledger;
}

describe('bytesLine: the bytes under a ledger, each count in its unit', () => {
  it('a plain file says its bytes as before: read whole, or what of them is in lines', () => {
    expect(bytesLineText(plainLedger(15 * MIB, 0))).toBe('15 MiB read');
    expect(bytesLineText(plainLedger(13 * MIB, 2 * MIB))).toBe('15 MiB of data: 13 MiB in lines, 2.0 MiB not read (cancelled)');
  });

  it('a cancelled gzip: its text all in lines, the unread bytes of the file said as the file\'s, not added to the text', () => {
    expect(bytesLineText(cancelledGzip())).toBe('13 MiB of text, all in lines · 2.9 MiB of gzip: 410 KiB unpacked, 2.5 MiB not read (cancelled)');
    // The gzip part is its own group (the page's data-testid "gzip-bytes"), titled with its unit.
    const gzip = bytesLine(cancelledGzip()).filter((s) => s.group === 'gzip');
    expect(gzip.map((s) => s.text).join('')).toBe('2.9 MiB of gzip: 410 KiB unpacked, 2.5 MiB not read (cancelled)');
    expect(gzip[0]?.title).toMatch(/compressed/);
  });

  it('a gzip cancelled by the real pipeline: the line ledger counts the text it gave, the file its own bytes', () => {
    const text = utf8(Array.from({ length: 20_000 }, (_, i) => `{"error":{"code":"1302","message":"Rate limit ${i * 7919}"}}\n`).join(''));
    const file = gzipSync(text);
    const pipeline = createIngestPipeline({ classify: fakeClassify, sourceBytes: file.length });
    const at = Math.floor(file.length / 3);
    pipeline.push(file.subarray(0, at));
    const ledger = pipeline.cancel();
    const held = ledger.bytesUnsplittable.cancelled ?? 0;
    const textPart = held === 0 ? `${formatBytes(ledger.bytesRead)} of text, all in lines` : `${formatBytes(ledger.bytesRead)} of text: ${formatBytes(ledger.bytesInLines)} in lines, ${formatBytes(held)} not read or cut short (cancelled)`;
    expect(bytesLineText(ledger)).toBe(`${textPart} · ${formatBytes(file.length)} of gzip: ${formatBytes(at)} unpacked, ${formatBytes(file.length - at)} not read (cancelled)`);
  });

  it('a gzip with trailing junk (A19): the junk is the file\'s bytes not unpacked, the text all in lines', () => {
    const text = utf8('{"error":{"code":"1302","message":"Rate limit reached"}}\nok line\n');
    const member = gzipSync(text);
    const file = new Uint8Array([...member, ...utf8('junk')]);
    const { ledger } = runIngest(file, [], { sourceBytes: file.length });
    expect(bytesLineText(ledger)).toBe(`${text.length} B of text, all in lines · ${file.length} B of gzip: ${member.length} B unpacked, 4 B not unpacked (not gzip, or corrupt)`);
  });

  it('All sources, a plain file and a gzip both cancelled: the plain file\'s unread bytes are text, the gzip\'s are the gzip\'s', () => {
    const total = mergeLedgers([plainLedger(1 * MIB, 2 * MIB), cancelledGzip()]);
    expect(checkLedger(total)).toEqual([]);
    expect(bytesLineText(total)).toBe('16 MiB of text: 14 MiB in lines, 2.0 MiB not read or cut short (cancelled) · 2.9 MiB of gzip: 410 KiB unpacked, 2.5 MiB not read (cancelled)');
  });
});
