import { concatBytes } from '../core/formats/bytes';
import { createGunzipStream } from '../core/formats/gunzip-stream';
import { INGEST_LIMITS } from '../core/formats/ingest-limits';
import { findLineAbove, LINE_ABOVE_WINDOW_BYTES, lineAboveWindow, type LineAbove } from '../core/formats/line-above';
import { sniffBytes } from '../core/formats/sniff';
import type { RecordEncoding } from '../core/formats/pipeline';
import { graphemeBoundaryAtOrBefore } from '../core/text/grapheme-boundary';

export interface RecordText {
  readonly text: string;
  /** Bytes of the record read: all of them, or `maxBytes` when the record was cut there (the text then ends a character or two sooner). */
  readonly bytes: number;
}

/**
 * Re-read one record from its source by the byte offset the pipeline noted, its first `maxBytes` at most. Raw text
 * is not kept in memory, so the detail pane asks for it here. Offsets of gzip sources count decompressed bytes, so
 * those are decompressed again up to the record.
 * Example: a 2 MiB record read with maxBytes 1 MiB -> { text: its first 1,048,5xx bytes as text, bytes: 1,048,5xx }
 */
export async function readRecordText(blob: Blob, offset: number, length: number, maxBytes: number, encoding: RecordEncoding = 'utf-8'): Promise<RecordText> {
  const wanted = Math.min(length, maxBytes);
  return recordTextOf({ bytes: await readSourceBytes(blob, offset, wanted), length, wanted, encoding });
}

export interface RecordWithLineAbove extends RecordText {
  /** The line right above the record, found in the `windowBytes` before it (see core/formats/line-above.ts). */
  readonly lineAbove: LineAbove;
}

/**
 * readRecordText, and the line right above the record: the one that dated an error without a time of its own, so
 * the detail can show it. The window before the record and the record are read in one range, so a gzip source is
 * decompressed once for both.
 * Example: a traceback under `2026-11-20 10:00:00 ERROR failed` -> { text: 'Traceback …', lineAbove: { kind: 'line', text: '2026-11-20 10:00:00 ERROR failed' } }
 */
export async function readRecordWithLineAbove(options: {
  blob: Blob;
  offset: number;
  length: number;
  maxBytes: number;
  encoding?: RecordEncoding | undefined;
  windowBytes?: number;
}): Promise<RecordWithLineAbove> {
  const { blob, offset, length, maxBytes, encoding = 'utf-8', windowBytes = LINE_ABOVE_WINDOW_BYTES } = options;
  const wanted = Math.min(length, maxBytes);
  const window = lineAboveWindow(offset, windowBytes);
  const before = window.end - window.start;
  const bytes = await readSourceBytes(blob, window.start, before + wanted);
  // Fewer bytes than the window (a gzip source that ends sooner now): the bytes before the record are not all there.
  const lineAbove: LineAbove = bytes.byteLength < before ? { kind: 'unreadable' } : findLineAbove({ bytes: bytes.subarray(0, before), isSourceStart: window.start === 0, encoding });
  return { ...recordTextOf({ bytes: bytes.subarray(Math.min(before, bytes.byteLength)), length, wanted, encoding }), lineAbove };
}

/** `length` bytes of the source's text from `offset`: a plain file's bytes, a gzip file's once decompressed. */
async function readSourceBytes(blob: Blob, offset: number, length: number): Promise<Uint8Array> {
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b ? readDecompressed(blob, offset, length) : new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
}

function recordTextOf({ bytes, length, wanted, encoding }: { bytes: Uint8Array; length: number; wanted: number; encoding: RecordEncoding }): RecordText {
  // Decoded as the source was read: a GB18030 log shows its Chinese, a UTF-16 one its text, not UTF-8's U+FFFD and NULs.
  const decoder = new TextDecoder(encoding, { fatal: false });
  if (length <= wanted) return { text: decoder.decode(bytes), bytes: bytes.byteLength };
  // Cut: `stream` leaves a character split by the cut undecoded instead of making it U+FFFD, and the last grapheme
  // goes whole, since the cut may fall inside one (a family emoji is 25 bytes, a letter with its accents more).
  // The bytes are those read, not the text encoded again: a byte that was not UTF-8 would count three.
  return { text: withoutLastGrapheme(decoder.decode(bytes, { stream: true })), bytes: wanted };
}

/** withoutLastGrapheme('ab👩‍👩') -> 'ab': the text ends at a grapheme boundary before the possibly partial last one. */
export function withoutLastGrapheme(text: string): string {
  return text.slice(0, graphemeBoundaryAtOrBefore(text, text.length - 1));
}

async function readDecompressed(blob: Blob, offset: number, wanted: number): Promise<Uint8Array> {
  const out = new Uint8Array(wanted);
  let position = 0;
  let filled = 0;
  const text = gunzipIfGzip(offset + wanted, (chunk) => {
    const start = Math.max(0, offset - position);
    const end = Math.min(chunk.byteLength, offset + wanted - position);
    if (end > start) {
      out.set(chunk.subarray(start, end), filled);
      filled += end - start;
    }
    position += chunk.byteLength;
  });
  // The outer layer's output is not bounded by the record's offset: an inner gzip of many small members is larger
  // than the text it holds. The read stops once the record is in, so only ingest's own cap applies.
  const gunzip = createGunzipStream({ maxOutputBytes: INGEST_LIMITS.maxDecompressedBytes, onData: text.push });
  const reader = blob.stream().getReader();
  while (filled < wanted) {
    const { value, done } = await reader.read();
    if (done) break;
    gunzip.push(value);
  }
  if (filled < wanted) {
    gunzip.finish();
    text.finish();
  }
  await reader.cancel();
  return out.subarray(0, filled);
}


/**
 * Passes on decompressed bytes, or decompresses them once more when they are gzip themselves: ingest reads a gzip
 * inside a gzip (A21), and its offsets count the inner text's bytes.
 */
function gunzipIfGzip(maxOutputBytes: number, onText: (chunk: Uint8Array) => void): { push: (chunk: Uint8Array) => void; finish: () => void } {
  let head: Uint8Array = new Uint8Array(0);
  let target: ((chunk: Uint8Array) => void) | null = null;
  const decide = () => {
    if (sniffBytes(head).kind === 'gzip') {
      const inner = createGunzipStream({ maxOutputBytes, onData: onText });
      target = (chunk) => inner.push(chunk);
    } else target = onText;
    if (head.byteLength > 0) target(head);
  };
  return {
    push: (chunk) => {
      if (target !== null) return target(chunk);
      head = concatBytes([head, chunk]);
      if (head.byteLength >= GZIP_MAGIC_BYTES) decide();
    },
    finish: () => {
      if (target === null) decide();
    },
  };
}

const GZIP_MAGIC_BYTES = 3;
