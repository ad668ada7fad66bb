/**
 * Time a read loop may run before it yields to the worker's message queue (progress, queries, cancel).
 * Counted in time, not bytes: a megabyte of gzip can be ten megabytes of text to classify.
 */
const YIELD_EVERY_MS = 100;
/** The one buffer a file is read into, again and again. */
const READ_BUFFER_BYTES = 1024 * 1024;
/**
 * A read of a local file that has not settled after this long has stalled (one takes milliseconds). Taking
 * a slow read for a stall costs nothing but the reused buffer: the rest is read all the same.
 */
const STALL_MS = 1000;

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type ChunkReader = { read(): Promise<ReadableStreamReadResult<Uint8Array>>; cancel(): Promise<void>; releaseLock(): void };

/**
 * Reads into one buffer that is handed back and forth (a BYOB reader): a 1 GiB file then leaves no
 * gigabyte of spent chunks waiting for the garbage collector (Chromium: renderer +34 MiB instead of
 * +223 MiB, and twice as fast, for the bare read). Where a blob stream is not a byte stream, the default
 * reader is used.
 */
function openReader(blob: Blob, bufferBytes: number): ChunkReader {
  const stream = blob.stream();
  let byob: ReadableStreamBYOBReader;
  try {
    byob = stream.getReader({ mode: 'byob' });
  } catch {
    return stream.getReader();
  }
  let buffer = new ArrayBuffer(bufferBytes);
  return {
    read: async () => {
      const result = await byob.read(new Uint8Array(buffer, 0, bufferBytes));
      if (result.value !== undefined) buffer = result.value.buffer as ArrayBuffer;
      return result.done ? { done: true, value: undefined } : { done: false, value: result.value as Uint8Array };
    },
    cancel: () => byob.cancel(),
    releaseLock: () => byob.releaseLock(),
  };
}

/**
 * Stream a Blob (a File) chunk by chunk without ever holding it whole. Returns 'done', 'cancelled', or
 * throws when the browser cannot read the file (deleted or changed after it was picked). A chunk is
 * valid only during its `onChunk` call: its memory is reused for the next read, so a consumer that keeps
 * bytes copies them (the ingest pipeline does; a test holds it to that).
 */
export async function readBlobInChunks(
  blob: Blob,
  onChunk: (chunk: Uint8Array) => void,
  isCancelled: () => boolean,
  {
    bufferBytes = READ_BUFFER_BYTES,
    stallMs = STALL_MS,
    restMs = () => 0,
  }: {
    readonly bufferBytes?: number;
    readonly stallMs?: number;
    /** Asked after each yield: how long to leave the core to others before reading on (0: at once). */
    readonly restMs?: () => number;
  } = {},
): Promise<'done' | 'cancelled'> {
  let reader = openReader(blob, bufferBytes);
  let offset = 0;
  let lastYield = performance.now();
  try {
    for (;;) {
      if (isCancelled()) {
        await reader.cancel();
        return 'cancelled';
      }
      const result = await readWithin(reader, stallMs);
      if (result === 'stalled') {
        // Seen in Chromium with two workers reading two slices of one file: a BYOB read that never settles.
        // The rest is read from where the delivered bytes end, with a default reader.
        const stalled = reader;
        void stalled.cancel().catch(() => undefined);
        reader = blob.slice(offset).stream().getReader();
        continue;
      }
      if (result.done) return 'done';
      offset += result.value.byteLength;
      onChunk(result.value);
      // A rest asked between two reads (a message handled while the read was awaited) starts at once.
      let rest = restMs();
      if (rest === 0 && performance.now() - lastYield >= YIELD_EVERY_MS) {
        await yieldToMessages();
        rest = restMs();
        lastYield = performance.now();
      }
      if (rest > 0) {
        await new Promise<void>((resolve) => setTimeout(resolve, rest));
        lastYield = performance.now();
      }
    }
  } finally {
    try {
      reader.releaseLock();
    } catch {
      // A reader with a read still pending cannot be released; it was cancelled.
    }
  }
}

/** A read, or 'stalled' when it has not settled within `ms` (the read is then left to the cancelled reader). */
function readWithin(reader: ChunkReader, ms: number): Promise<ReadableStreamReadResult<Uint8Array> | 'stalled'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<'stalled'>((resolve) => {
    timer = setTimeout(() => resolve('stalled'), ms);
  });
  return Promise.race([reader.read(), stalled]).finally(() => clearTimeout(timer));
}
