import type { RejectReason } from '../core/classify/outcome';
import type { Ledger, RejectExample } from '../core/ledger/types';
import { LINE_CAP_RANGE, recordsCutText, sizeText } from '../core/formats/ingest-limits';
import { isInformationNotice } from '../core/ledger/notices';
import { formatBytes } from './format-count';


/** The notice of a file decoded as UTF-16 by its byte order mark, and the encoding it names. */
const UTF16_NOTICE = /^decoded as (UTF-16[LB]E)$/;

/**
 * What a file's ledger says was not read as it should be, for stderr: lines rejected (with where the first of
 * each reason is, and its size), bytes not split into lines, a file with no line at all, bytes that are not
 * UTF-8 (or not UTF-16, for a file with a UTF-16 byte order mark), a notice of something wrong (a checksum that
 * does not match). Null when the file read cleanly.
 * Example: `warningOf(ledgerOf('archive.zip'), { utf8Assumed: true })` → `'nothing read; bytes not read as lines (unsupported_format 64); zip file: not read (extract or decompress it first)'`.
 */
export function warningOf(ledger: Ledger, run: { readonly utf8Assumed: boolean }): string | null {
  const { utf8Assumed } = run;
  const parts = [rejectedLines(ledger), longLinesHint(ledger), unsplitBytes(ledger), gzipBytesLeft(ledger), undecodedBytes(ledger, utf8Assumed), ledger.recordsCut > 0 ? recordsCutText(ledger.recordsCut) : null].filter(
    (part) => part !== null,
  );
  if (parts.length === 0 && ledger.lines > 0 && ledger.notices.every(isInformationNotice)) return null;
  const head = ledger.lines === 0 ? ['nothing read'] : [];
  return [...head, ...parts, ...ledger.notices].join('; ');
}

/** `'3 lines rejected (line_too_long 1: line 1, 104,857,600 bytes; malformed_json 2: first line 4, 17 bytes)'`, or null. */
function rejectedLines(ledger: Ledger): string | null {
  const rejected = Object.entries(ledger.rejected).filter(([, n]) => (n ?? 0) > 0) as Array<[RejectReason, number]>;
  const lines = rejected.reduce((sum, [, n]) => sum + n, 0);
  if (lines === 0) return null;
  const reasons = rejected.map(([reason, n]) => `${reason} ${n}${whereFirst(ledger.examples[reason]?.[0], n)}`);
  return `${lines} line${lines === 1 ? '' : 's'} rejected (${reasons.join('; ')})`;
}

/**
 * How to read the lines too long: '--max-line 5MiB reads them all' (the longest rounded up to a MiB), or that the
 * longest is past what --max-line reads. Null when no line was too long.
 */
function longLinesHint(ledger: Ledger): string | null {
  if ((ledger.rejected.line_too_long ?? 0) === 0) return null;
  const mib = Math.ceil(ledger.longestLineTooLong / 2 ** 20);
  if (mib * 2 ** 20 > LINE_CAP_RANGE.max) return `the longest line is past the ${sizeText(LINE_CAP_RANGE.max)} that --max-line reads`;
  return `--max-line ${mib}MiB reads them all`;
}

/** Where the first line rejected for a reason is, and its size: the size is what tells a line too long (A13). */
function whereFirst(example: RejectExample | undefined, count: number): string {
  return example === undefined ? '' : `: ${count === 1 ? '' : 'first '}line ${example.line}, ${formatBytes(example.bytes)}`;
}

/** `'bytes not read as lines (binary_data 16)'`; for a gzip file, `'unpacked bytes not read as lines (…)'`: bytes of its text. */
function unsplitBytes(ledger: Ledger): string | null {
  const list = reasonList(ledger.bytesUnsplittable);
  if (list === null) return null;
  return `${ledger.compressed === undefined ? '' : 'unpacked '}bytes not read as lines (${list})`;
}

/** A gzip file's own bytes that were not unpacked: `'gzip file bytes not unpacked (decompression_error 4)'`, or null. */
function gzipBytesLeft(ledger: Ledger): string | null {
  const list = ledger.compressed === undefined ? null : reasonList(ledger.compressed.bytesUnsplittable);
  return list === null ? null : `gzip file bytes not unpacked (${list})`;
}

/** `'decompression_error 4, cancelled 2'`, or null when every count is zero. */
function reasonList(counts: Partial<Record<string, number>>): string | null {
  const list = Object.entries(counts).filter(([, n]) => (n ?? 0) > 0);
  return list.length === 0 ? null : list.map(([reason, n]) => `${reason} ${n}`).join(', ');
}

/**
 * Records with text that could not be decoded (the flag is named for UTF-8, but counts U+FFFD from any decoder).
 * A file decoded as UTF-16 by its byte order mark is not helped by GB18030: its bytes are not UTF-16, most
 * often an odd last byte (half a UTF-16 code unit). The GB18030 hint is for a file read as UTF-8.
 */
function undecodedBytes(ledger: Ledger, utf8Assumed: boolean): string | null {
  const replaced = ledger.flags.invalid_utf8_replaced ?? 0;
  if (replaced === 0) return null;
  const records = `${replaced} record${replaced === 1 ? '' : 's'}`;
  const utf16 = ledger.notices.map((notice) => UTF16_NOTICE.exec(notice)?.[1]).find((name) => name !== undefined);
  if (utf16 !== undefined) {
    // Every line of UTF-16 text is whole code units (the BOM's two bytes go with line 1): an odd count is a cut byte.
    const odd = ledger.bytesInLines % 2 === 1 ? '; the file ends in an odd byte, half a UTF-16 character' : '';
    return `${records} held bytes that are not valid ${utf16}, read as U+FFFD${odd}`;
  }
  return utf8Assumed ? `${records} held bytes that are not UTF-8; a log written on Chinese Windows reads right with --encoding gb18030` : null;
}
