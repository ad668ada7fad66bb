/** Bytes a read loop may take before it yields to the worker's message queue (queries, cancel). */
const YIELD_EVERY_BYTES = 4 * 1024 * 1024;

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Stream a Blob (a File) chunk by chunk without ever holding it whole. Returns 'done', 'cancelled', or
 * throws when the browser cannot read the file (deleted or changed after it was picked).
 */
export async function readBlobInChunks(
  blob: Blob,
  onChunk: (chunk: Uint8Array) => void,
  isCancelled: () => boolean,
): Promise<'done' | 'cancelled'> {
  const reader = blob.stream().getReader();
  let sinceYield = 0;
  try {
    for (;;) {
      if (isCancelled()) {
        await reader.cancel();
        return 'cancelled';
      }
      const { value, done } = await reader.read();
      if (done) return 'done';
      onChunk(value);
      sinceYield += value.byteLength;
      if (sinceYield >= YIELD_EVERY_BYTES) {
        sinceYield = 0;
        await yieldToMessages();
      }
    }
  } finally {
    reader.releaseLock();
  }
}
