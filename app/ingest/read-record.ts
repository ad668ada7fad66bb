import { createGunzipStream } from '../core/formats/gunzip-stream';

export interface RecordText {
  readonly text: string;
  /** Bytes of the record that `text` holds: all of them, or fewer when the record was cut at `maxBytes`. */
  readonly bytes: number;
}

/**
 * Re-read one record from its source by the byte offset the pipeline noted, its first `maxBytes` at most. Raw text
 * is not kept in memory, so the detail pane asks for it here. Offsets of gzip sources count decompressed bytes, so
 * those are decompressed again up to the record.
 * Example: a 2 MiB record read with maxBytes 1 MiB -> { text: its first 1,048,5xx bytes as text, bytes: 1,048,5xx }
 */
export async function readRecordText(blob: Blob, offset: number, length: number, maxBytes: number): Promise<RecordText> {
  const wanted = Math.min(length, maxBytes);
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  const bytes = head[0] === 0x1f && head[1] === 0x8b ? await readDecompressed(blob, offset, wanted) : new Uint8Array(await blob.slice(offset, offset + wanted).arrayBuffer());
  if (length <= wanted) return { text: new TextDecoder('utf-8', { fatal: false }).decode(bytes), bytes: bytes.byteLength };
  // Cut: `stream` leaves a character split by the cut undecoded instead of making it U+FFFD, and the last grapheme
  // goes whole, since the cut may fall inside one (a family emoji is 25 bytes, a letter with its accents more).
  const text = withoutLastGrapheme(new TextDecoder('utf-8', { fatal: false }).decode(bytes, { stream: true }));
  return { text, bytes: new TextEncoder().encode(text).byteLength };
}

/** Far enough back to start on a grapheme boundary in any text but a pathological run of combining marks. */
const GRAPHEME_WINDOW = 256;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** withoutLastGrapheme('ab👩‍👩') -> 'ab': the text ends at a grapheme boundary before the possibly partial last one. */
export function withoutLastGrapheme(text: string): string {
  const windowStart = Math.max(0, text.length - GRAPHEME_WINDOW);
  let lastStart = 0;
  for (const { index } of segmenter.segment(text.slice(windowStart))) lastStart = index;
  return text.slice(0, windowStart + lastStart);
}

async function readDecompressed(blob: Blob, offset: number, wanted: number): Promise<Uint8Array> {
  const out = new Uint8Array(wanted);
  let position = 0;
  let filled = 0;
  const gunzip = createGunzipStream({
    maxOutputBytes: offset + wanted,
    onData: (chunk) => {
      const start = Math.max(0, offset - position);
      const end = Math.min(chunk.byteLength, offset + wanted - position);
      if (end > start) {
        out.set(chunk.subarray(start, end), filled);
        filled += end - start;
      }
      position += chunk.byteLength;
    },
  });
  const reader = blob.stream().getReader();
  while (filled < wanted) {
    const { value, done } = await reader.read();
    if (done) break;
    gunzip.push(value);
  }
  await reader.cancel();
  return out.subarray(0, filled);
}
