import type { RejectReason } from '../classify/outcome';
import { createUtf8LineSplitter } from '../formats/utf8-line-splitter';

export interface NdjsonLine {
  /** The line without its terminator (for a rejected line, only its start). */
  readonly text: string;
  /** UTF-8 bytes of the line, terminator excluded. */
  readonly bytes: number;
  /** Why the line is rejected (`line_too_long`, `binary_data`, `truncated_record`), or null. */
  readonly reject: RejectReason | null;
  /** True when invalid UTF-8 was replaced by U+FFFD (the line is kept, flagged). */
  readonly hasInvalidUtf8: boolean;
}

export interface NdjsonFramer {
  /** The next bytes (or decoded text) of the response, split anywhere, even inside a UTF-8 sequence. */
  push(chunk: Uint8Array | string): void;
  /** The response ended normally: a last line without newline is a line. */
  finish(): void;
  /** The connection was cut: a last line without newline is `truncated_record`, never glued to the next. */
  abort(): void;
}

/**
 * NDJSON over HTTP, one line = one record. Reuses the file pipeline's byte splitter (LF, CRLF, lone CR;
 * exact byte cap; a character cut by a chunk boundary decodes whole), but not the whole pipeline: that
 * one sniffs formats and assembles multi-line records, which would hold a live line back until the next
 * one arrives. Blank lines and a leading BOM are skipped. After finish/abort the framer is ready for a new connection.
 * Example: `const f = createNdjsonFramer({ onLine }); f.push(bytes); f.finish();`
 */
export function createNdjsonFramer(options: {
  onLine: (line: NdjsonLine) => void;
  /** Longest accepted line in bytes. Default 4 MiB. */
  maxLineBytes?: number;
}): NdjsonFramer {
  const encoder = new TextEncoder();
  const maxLineBytes = options.maxLineBytes ?? 4 * 1024 * 1024;
  let isFirstLine = true;
  const create = () =>
    createUtf8LineSplitter({
      maxLineBytes,
      onLine: (raw, bytes, _term, kind) => {
        const text = isFirstLine && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
        isFirstLine = false;
        if (kind === 'ok' && text === '') return;
        const reject = kind === 'ok' || kind === 'invalid_utf8' ? null : kind;
        options.onLine({ text, bytes, reject, hasInvalidUtf8: kind === 'invalid_utf8' });
      },
    });
  let splitter = create();
  const end = (tailReason: RejectReason | null): void => {
    splitter.finish(tailReason);
    splitter = create();
    isFirstLine = true;
  };
  return {
    push: (chunk) => splitter.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk),
    finish: () => end(null),
    abort: () => end('truncated_record'),
  };
}
