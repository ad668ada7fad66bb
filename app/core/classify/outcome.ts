import type { CatalogEntry, Language, QuotaWindow } from '../catalog/types';

/**
 * Why a line was rejected. A bounded set with stable ids: the ledger counts them and the UI explains them.
 */
export const REJECT_REASONS = [
  'line_too_long',
  'malformed_json',
  'json_too_deep',
  'binary_data',
  'truncated_record',
  'decompression_error',
  'decompression_limit',
  'unsupported_format',
  'unsupported_encoding',
  'file_unreadable',
  'frame_too_large',
  'duplicate_event',
  'buffer_overflow',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Flags attached to accepted records; counted separately, never change the outcome. */
export const RECORD_FLAGS = [
  'invalid_utf8_replaced',
  'timestamp_missing',
  'timestamp_zone_assumed',
  'timestamp_invalid',
  'timestamp_from_request_id',
  'reset_time_implausible',
  'reset_zone_assumed',
  'reset_date_only',
  'code_shape_coerced',
  'code_message_mismatch',
  'code_from_text',
  /** B6: a key the classifier reads is written twice in one object; the last value was read, as JSON.parse does. */
  'duplicate_key_last_wins',
  /**
   * B7: a record meant as JSON that is not (NaN, a comment, single quotes, a trailing comma, text between two
   * objects) whose error was read anyway, from its repaired quotes or its text: shown, never passed off as JSON.
   */
  'read_from_malformed_json',
  /** E9: dated more than a few minutes after the clock that read it: a clock ahead, or a time read in the wrong zone. */
  'timestamp_in_future',
  /**
   * No time of its own (an exception, a traceback, a raw HTTP response): dated by the log line right above it, which
   * opens with a stamp and introduced it (`logger.exception`, log4j, `DEBUG response:`). See previous-line-time.ts.
   */
  'timestamp_from_previous_line',
] as const;
export type RecordFlag = (typeof RECORD_FLAGS)[number];

/** A quota reset found in an error message. */
export interface ResetInfo {
  /** The stamp as written, e.g. "2026-08-31 18:19:41". */
  readonly raw: string;
  /** The instant in epoch ms, or null when the text could not be read as a date. */
  readonly at: number | null;
  readonly dateOnly: boolean;
  /** Offset applied to a zone-less stamp (minutes east of UTC; 480 = UTC+8), or null when the stamp had a zone. */
  readonly assumedOffsetMinutes: number | null;
  /** False when the reset is before its event or beyond its window; such a reset gets no countdown. */
  readonly plausible: boolean;
  readonly implausibleReason: string | null;
}

/** What the classifier could read out of an error record. */
export interface ErrorDetails {
  /** The code as ASCII digits ('1308'), a gateway string code ('401'), or null when none could be known. */
  readonly code: string | null;
  readonly http: number | null;
  readonly requestId: string | null;
  /** The provider's message as text (capped), or null. */
  readonly message: string | null;
  readonly language: Language | null;
  readonly window: QuotaWindow | null;
  readonly reset: ResetInfo | null;
  /** Event time in epoch ms (leading stamp, a JSON time field, or the request id), or null. */
  readonly ts: number | null;
  /** Template parameters read from the message (field, API_name, next_flush_time...). */
  readonly params: Readonly<Record<string, string>>;
  readonly flags: readonly RecordFlag[];
}

export interface CataloguedOutcome {
  readonly kind: 'catalogued';
  readonly entry: CatalogEntry;
  readonly details: ErrorDetails;
  /** B8: the other errors of a JSON array of events on the same line, each an event of its own. */
  readonly also?: readonly ErrorOutcome[];
}

export interface UncataloguedOutcome {
  readonly kind: 'uncatalogued';
  readonly details: ErrorDetails;
  /** As CataloguedOutcome.also. */
  readonly also?: readonly ErrorOutcome[];
}

export type ErrorOutcome = CataloguedOutcome | UncataloguedOutcome;

/** The outcome with one more flag on its details (its other errors, B8, keep theirs). */
export function withFlag<T extends ErrorOutcome>(outcome: T, flag: RecordFlag): T {
  return { ...outcome, details: { ...outcome.details, flags: [...outcome.details.flags, flag] } };
}

/** Every error of an outcome, each an event: itself, then those of the same array line (B8). */
export function errorsOf(outcome: ErrorOutcome): readonly ErrorOutcome[] {
  return outcome.also === undefined ? [outcome] : [outcome, ...outcome.also];
}

export type Outcome = ErrorOutcome | { readonly kind: 'non-error'; readonly flags: readonly RecordFlag[] } | { readonly kind: 'rejected'; readonly reason: RejectReason };

export type OutcomeKind = Outcome['kind'];

export interface ClassifyOptions {
  /** Offset for zone-less provider stamps (next_flush_time), minutes east of UTC. Default 480 (UTC+8). */
  readonly providerOffsetMinutes?: number;
  /**
   * Offset for zone-less leading log timestamps, minutes east of UTC, as a function of the wall time read
   * (so DST can be honoured). Default: UTC (0). The page passes the viewer's zone, the CLI the machine's.
   */
  readonly localOffsetMinutes?: (wallTimeAsUtcMs: number) => number;
  /**
   * The clock (epoch ms) errors are read at: one dated past it by more than a few minutes is flagged
   * `timestamp_in_future` (E9). Without it nothing is flagged, so a record classifies the same at any time.
   */
  readonly now?: () => number;
}
