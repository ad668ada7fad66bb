import { createGunzipStream } from '../core/formats/gunzip-stream';

const MAX_RECORD_BYTES = 64 * 1024;

/**
 * Re-read one record from its source by the byte offset the pipeline noted. Raw text is not kept in
 * memory, so the detail pane asks for it here. Offsets of gzip sources count decompressed bytes, so
 * those are decompressed again up to the record.
 */
export async function readRecordText(blob: Blob, offset: number, length: number): Promise<string> {
  const wanted = Math.min(length, MAX_RECORD_BYTES);
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  const bytes = head[0] === 0x1f && head[1] === 0x8b ? await readDecompressed(blob, offset, wanted) : new Uint8Array(await blob.slice(offset, offset + wanted).arrayBuffer());
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return length > wanted ? `${text}\n… (${length - wanted} more bytes not shown)` : text;
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
