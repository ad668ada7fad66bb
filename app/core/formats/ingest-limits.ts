import { formatCount, formatCountOf } from '../text/count-text';

const MIB = 1024 * 1024;

/**
 * The limits every read uses, on the page and in the command line. The page and the CLI's help state them from
 * here (describeIngestLimits), so the words cannot drift from the numbers.
 */
export const INGEST_LIMITS = {
  /** Longer lines are rejected as line_too_long, skipped without being held. */
  maxLineBytes: 4 * MIB,
  /** A record of several lines (a stack trace, an HTTP response) ends here; the next line starts a record of its own. */
  maxRecordLines: 1000,
  /** A record of lines a JSON pretty-printer writes (a long response body) may go on to this many. */
  maxPrettyJsonLines: 20_000,
  maxRecordBytes: MIB,
  maxDecompressedBytes: 2048 * MIB,
  /** R11: past this much output, a gzip whose ratio passes gzipMaxRatio is a bomb. */
  gzipRatioAfterBytes: 256 * MIB,
  gzipMaxRatio: 1000,
  /** A HAR is one JSON document, read whole: a larger one is read as text lines. */
  maxHarBytes: 256 * MIB,
} as const;

/**
 * The line caps a source can be read again with, on the page, when lines were too long for the default (a whole
 * response body logged on one line, say). A line is held whole while it is read, and the page holds its text
 * twice over (bytes, then a string), so the page stops at 64 MiB.
 */
export const LINE_CAP_CHOICES: readonly number[] = [INGEST_LIMITS.maxLineBytes, 16 * MIB, 64 * MIB];

/** The command line's `--max-line` takes sizes in this range. */
export const LINE_CAP_RANGE = { min: 1024, max: 256 * MIB } as const;

/**
 * Bytes from a size as a person writes it: parseSize('16MiB') -> 16777216, parseSize('64 M') -> 67108864,
 * parseSize('500000') -> 500000, parseSize('2KB') -> 2048 (sizes here are binary whatever the spelling); null when
 * it reads as no size.
 */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:(k|m|g)(?:i?b)?|b)?\s*$/i.exec(text);
  if (m === null) return null;
  const unit = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 }[(m[2] ?? '').toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  const bytes = Math.round(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** Events the page keeps for charts and tables (about 60 bytes each in the columnar store); the rest are counted. */
export const EVENTS_CAP = 5_000_000;

/** sizeText(2 ** 31) -> '2 GiB'; sizeText(50_000) -> '50,000 bytes': a limit as it was set, not a byte count to decipher. */
export function sizeText(bytes: number): string {
  for (const [unit, size] of [['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${formatCount(bytes)} bytes`;
}

/** The limits of a read, one clause each, for the page's Limits note and the CLI's help. */
export function describeIngestLimits(): readonly string[] {
  const l = INGEST_LIMITS;
  return [
    `a line longer than ${sizeText(l.maxLineBytes)} is rejected as too long (and skipped without being held in memory); the cap can be raised for a source with such lines`,
    `a record of several lines (a stack trace, an HTTP response) ends at ${formatCount(l.maxRecordLines)} lines or ${sizeText(l.maxRecordBytes)}, a pretty-printed JSON body at ${formatCount(l.maxPrettyJsonLines)} lines, and the lines after it are read on their own`,
    `a gzip file is decompressed up to ${sizeText(l.maxDecompressedBytes)}, or until it passes ${formatCount(l.gzipMaxRatio)}:1 once ${sizeText(l.gzipRatioAfterBytes)} are out (a bomb)`,
    `a HAR file over ${sizeText(l.maxHarBytes)} is read as text lines`,
  ];
}

/**
 * What a ledger's recordsCut means, for the page and the CLI: recordsCutText(2) -> '2 records reached the cap of a
 * record (1,000 lines or 1 MiB; 20,000 lines of pretty-printed JSON): cut there, the lines after read on their own'.
 */
export function recordsCutText(records: number): string {
  const l = INGEST_LIMITS;
  const what = formatCountOf(records, 'record');
  return `${what} reached the cap of a record (${formatCount(l.maxRecordLines)} lines or ${sizeText(l.maxRecordBytes)}; ${formatCount(l.maxPrettyJsonLines)} lines of pretty-printed JSON): cut there, the lines after read on their own`;
}
