import type { RejectReason } from '../../core/classify/outcome';
import type { Ledger } from '../../core/ledger/types';
import { formatBytes } from '../../shared/format';
import { REJECT_REASON_TEXT } from './reject-reasons';

type ByteReason = RejectReason | 'cancelled';

/** The part of the bytes line a segment belongs to: the text's bytes in no line, or the gzip files' own bytes. */
export type ByteGroup = 'outside-lines' | 'gzip';

/** A piece of the bytes line under a ledger's table; `title` explains a count, `group` is the part it is in. */
export interface ByteSegment {
  readonly text: string;
  readonly title?: string;
  readonly group?: ByteGroup;
}

/** Text bytes in no line (a plain file's, or what a gzip unpacked to), by reason. */
const TEXT_LABEL: Partial<Record<ByteReason, string>> = {
  cancelled: 'not read (cancelled)',
  decompression_limit: 'past the decompression limit',
  decompression_error: 'after a gzip error',
};

/**
 * With a gzip source, the text's cancelled bytes are the last line the Cancel cut short (the gzip file's unread
 * rest is counted in its own unit), and in a total with plain files also their unread rest: "32 B not read" alone
 * read as if almost nothing was lost.
 */
function textLabel(reason: ByteReason, withGzip: boolean): string {
  if (withGzip && reason === 'cancelled') return 'not read or cut short (cancelled)';
  return TEXT_LABEL[reason] ?? reason.replaceAll('_', ' ');
}

/** A gzip file's own bytes not unpacked, by reason. */
const GZIP_LABEL: Partial<Record<ByteReason, string>> = {
  cancelled: 'not read (cancelled)',
  file_unreadable: 'not read (file unreadable)',
  decompression_error: 'not unpacked (not gzip, or corrupt)',
  decompression_limit: 'not unpacked (past the decompression limit)',
  truncated_record: 'in a cut header or trailer',
};

const GZIP_TITLE: Partial<Record<RejectReason, string>> = {
  decompression_error: 'Bytes after the last gzip member that are not gzip (junk, zero padding), or the corrupt rest of a member.',
  truncated_record: 'The file ends inside a member header or trailer: it is truncated.',
};

const TEXT_NOUN_TITLE = "Bytes of text: a plain file's own bytes, a gzip file's bytes once unpacked.";
const GZIP_NOUN_TITLE = "The gzip files' own, compressed bytes: unpacked into the text counted before, or not (and why).";

/**
 * The bytes line under a ledger's table, in two units that are never added up: the text (a plain file's bytes,
 * a gzip file's once unpacked) and how much of it is in lines; then, for gzip sources, the gzip files' own bytes
 * and how many were unpacked. A total over a plain and a gzip file thus counts the plain file's unread bytes in
 * the first part and the gzip file's in the second, each said in its own unit.
 * Examples (joined with bytesLineText):
 * - plain, read whole: `15 MiB read`;
 * - plain, cancelled: `15 MiB of data: 13 MiB in lines, 2.0 MiB not read (cancelled)`;
 * - gzip, cancelled: `13 MiB of text, all in lines · 2.9 MiB of gzip: 412 KiB unpacked, 2.5 MiB not read (cancelled)`.
 */
export function bytesLine(ledger: Ledger): ByteSegment[] {
  const gzip = ledger.compressed;
  const outside = nonZero(ledger.bytesUnsplittable);
  const segments: ByteSegment[] = [{ text: formatBytes(ledger.bytesRead), ...(gzip === undefined ? {} : { title: TEXT_NOUN_TITLE }) }];
  if (outside.length === 0) {
    segments.push({ text: gzip === undefined ? ' read' : ' of text, all in lines' });
  } else {
    segments.push({ text: ` of ${gzip === undefined ? 'data' : 'text'}: ${formatBytes(ledger.bytesInLines)} in lines, `, group: 'outside-lines' });
    outside.forEach(([reason, n], i) =>
      segments.push({
        text: `${i > 0 ? ', ' : ''}${formatBytes(n)} ${textLabel(reason, gzip !== undefined)}`,
        title: reason === 'cancelled' ? 'Not read: the read was cancelled.' : REJECT_REASON_TEXT[reason],
        group: 'outside-lines',
      }),
    );
  }
  if (gzip === undefined) return segments;
  segments.push({ text: ' · ' }, { text: `${formatBytes(gzip.bytesRead)} of gzip`, title: GZIP_NOUN_TITLE, group: 'gzip' });
  const left = nonZero(gzip.bytesUnsplittable);
  if (left.length === 0) return [...segments, { text: ', all unpacked', group: 'gzip' }];
  segments.push({ text: `: ${formatBytes(gzip.bytesInflated)} unpacked`, group: 'gzip' });
  for (const [reason, n] of left) {
    segments.push({
      text: `, ${formatBytes(n)} ${GZIP_LABEL[reason] ?? reason.replaceAll('_', ' ')}`,
      title: reason === 'cancelled' ? 'Bytes of the gzip file not read: the read was cancelled.' : (GZIP_TITLE[reason] ?? REJECT_REASON_TEXT[reason]),
      group: 'gzip',
    });
  }
  return segments;
}

/** The bytes line as the page shows it (its text content). */
export function bytesLineText(ledger: Ledger): string {
  return bytesLine(ledger).map((s) => s.text).join('');
}

/** The entries of a count record that are above zero: nonZero({ a: 2, b: 0 }) -> [['a', 2]] */
export function nonZero<K extends string>(counts: Partial<Record<K, number>>): [K, number][] {
  return (Object.entries(counts) as [K, number | undefined][]).flatMap(([key, n]) => ((n ?? 0) > 0 ? [[key, n ?? 0] as [K, number]] : []));
}
