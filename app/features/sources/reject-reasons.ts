import type { RejectReason } from '../../core/classify/outcome';

/** One sentence per rejection reason: what happened and what to do. */
export const REJECT_REASON_TEXT: Readonly<Record<RejectReason, string>> = {
  line_too_long: 'The line is longer than the line cap (4 MiB); it was skipped without being held in memory.',
  malformed_json: 'The line starts like JSON but does not parse; nothing in it was guessed at.',
  json_too_deep: 'The JSON nests deeper than the reader follows.',
  binary_data: 'The data is binary (NUL or control bytes), not log text.',
  truncated_record: 'The input ended inside a record (a truncated gzip, a cut-off line, the unfinished entry of a HAR cut short).',
  decompression_error: 'The gzip data is corrupt from this point on.',
  decompression_limit: 'Decompression stopped at the size cap (a gzip bomb, or a very large archive).',
  unsupported_format: 'An archive format that is not read (zip, tar, bzip2, xz, zstd): unpack it and drop the logs.',
  unsupported_encoding: 'A text encoding that is not read.',
  file_unreadable: 'The browser could not read the file (changed, moved or deleted after it was picked).',
  frame_too_large: 'A stream frame exceeded the frame cap.',
  duplicate_event: 'The stream sent an event id again after a reconnect; counted once.',
  buffer_overflow: 'The live buffer was full; the oldest events were dropped.',
};
