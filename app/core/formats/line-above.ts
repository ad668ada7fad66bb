import type { RecordEncoding } from './pipeline';

/**
 * The line right above a record, found again in the bytes before it: an error without a time of its own takes the
 * time of that line (record-sink.ts), and the detail shows it so the dating can be checked. Raw text is not kept,
 * so the source is read again, a bounded window before the record's offset: a line longer than the window is not
 * looked for further up.
 */
export const LINE_ABOVE_WINDOW_BYTES = 64 * 1024;

export type LineAbove =
  /** The line, decoded as the source was read (without its terminator). */
  | { readonly kind: 'line'; readonly text: string }
  /** The record opens its source: there is no line above it. */
  | { readonly kind: 'none' }
  /** No line start in the window: the line above is longer than `windowBytes`. */
  | { readonly kind: 'too-long'; readonly windowBytes: number }
  /** The bytes right before the record do not end a line (the source is not what was read, or was read short). */
  | { readonly kind: 'unreadable' };

const LF = 0x0a;
const CR = 0x0d;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Where to read before a record: lineAboveWindow(100_000) -> { start: 34_464, end: 100_000 }; at 0 -> { start: 0, end: 0 }. */
export function lineAboveWindow(recordOffset: number, windowBytes: number = LINE_ABOVE_WINDOW_BYTES): { readonly start: number; readonly end: number } {
  return { start: Math.max(0, recordOffset - windowBytes), end: recordOffset };
}

/**
 * The last complete line of `bytes`, the window that ends right where the record starts. Lines end as the splitter
 * ends them (LF, CRLF or a lone CR; for UTF-16, those code units). The window's first line is partial (and may start
 * inside a character) unless the window starts the source, so it is never the answer.
 * findLineAbove({ bytes: '…ms\r\n2026-11-20 10:00:00 DEBUG response:\r\n', isSourceStart: false, encoding: 'utf-8' })
 *   -> { kind: 'line', text: '2026-11-20 10:00:00 DEBUG response:' }
 */
export function findLineAbove({ bytes, isSourceStart, encoding }: { bytes: Uint8Array; isSourceStart: boolean; encoding: RecordEncoding }): LineAbove {
  const unit = encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : 1;
  const unitAt = unitReader(bytes, encoding);
  // Code units are counted back from the record, which starts on one; an odd byte left at the front is not text.
  const first = bytes.byteLength % unit;
  if (bytes.byteLength - first === 0) return isSourceStart ? { kind: 'none' } : { kind: 'unreadable' };
  let end = bytes.byteLength - unit;
  const terminator = unitAt(end);
  if (terminator !== LF && terminator !== CR) return { kind: 'unreadable' };
  if (terminator === LF && end - unit >= first && unitAt(end - unit) === CR) end -= unit;
  let start = end;
  while (start - unit >= first && !isTerminator(unitAt(start - unit))) start -= unit;
  if (start - unit < first && !(isSourceStart && first === 0)) return { kind: 'too-long', windowBytes: bytes.byteLength };
  return { kind: 'line', text: decodeLine(bytes.subarray(start, end), encoding, isSourceStart && start === 0) };
}

const isTerminator = (code: number | undefined): boolean => code === LF || code === CR;

function unitReader(bytes: Uint8Array, encoding: RecordEncoding): (at: number) => number | undefined {
  if (encoding === 'utf-16le') return (at) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
  if (encoding === 'utf-16be') return (at) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
  return (at) => bytes[at];
}

/**
 * Decoded as the record is (read-record.ts). The first line of a source may open with a byte order mark: UTF-8's and
 * UTF-16's decoders drop their own, and a UTF-8 one in a source read as GB18030 is dropped here, as the splitter
 * reads it as one U+FEFF, not as two Chinese characters.
 */
function decodeLine(line: Uint8Array, encoding: RecordEncoding, isSourceStart: boolean): string {
  const hasUtf8Bom = isSourceStart && encoding === 'gb18030' && UTF8_BOM.every((byte, i) => line[i] === byte);
  return new TextDecoder(encoding).decode(hasUtf8Bom ? line.subarray(UTF8_BOM.length) : line);
}
