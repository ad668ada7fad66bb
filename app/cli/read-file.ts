import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Outcome } from '../core/classify/outcome';
import { createIngestPipeline } from '../core/formats/pipeline';
import type { IngestedEvent } from '../core/formats/types';
import type { Ledger } from '../core/ledger/types';

const CHUNK_BYTES = 1024 * 1024;

export type FileCheck = { readonly ok: true; readonly size: number } | { readonly ok: false; readonly message: string };

/** Checks that a path names a readable regular file, before any output is written. */
export async function checkFile(path: string): Promise<FileCheck> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, message: `${path}: is a directory` };
    if (!info.isFile()) return { ok: false, message: `${path}: not a regular file` };
    return { ok: true, size: info.size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: `${path}: no such file` };
    if (code === 'EACCES') return { ok: false, message: `${path}: permission denied` };
    return { ok: false, message: `${path}: cannot read (${code ?? 'error'})` };
  }
}

export interface FileResult {
  readonly ledger: Ledger;
  /** Set when reading failed part-way (the ledger then holds what was read, the rest as file_unreadable). */
  readonly error: string | null;
}

/**
 * Streams a file through the core ingest pipeline in 1 MiB chunks (the same pipeline as the page).
 * Example: `await ingestFile({ path: 'app.log.gz', size, classify, onEvent })`.
 */
export async function ingestFile(options: {
  path: string;
  size: number;
  classify: (text: string) => Outcome;
  onEvent: (event: IngestedEvent) => void;
}): Promise<FileResult> {
  const pipeline = createIngestPipeline({ classify: options.classify, onEvent: options.onEvent, sourceBytes: options.size });
  let done = 0;
  try {
    for await (const chunk of createReadStream(options.path, { highWaterMark: CHUNK_BYTES })) {
      const bytes = chunk as Buffer;
      done += bytes.length;
      pipeline.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    }
    return { ledger: pipeline.finish(), error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ledger: pipeline.fail('file_unreadable', Math.max(0, options.size - done)), error: `${options.path}: ${message}` };
  }
}
