import type { RecordFlag } from '../core/classify/outcome';

/** A few words per flag, as the page names it. */
export const RECORD_FLAG_LABEL: Readonly<Record<RecordFlag, string>> = {
  invalid_utf8_replaced: 'bytes not UTF-8',
  timestamp_missing: 'no time',
  timestamp_zone_assumed: 'time without a zone',
  timestamp_invalid: 'impossible time',
  timestamp_from_request_id: 'dated by request id',
  reset_time_implausible: 'implausible reset',
  reset_zone_assumed: 'reset without a zone',
  reset_date_only: 'reset day only',
  code_shape_coerced: 'code written oddly',
  code_message_mismatch: 'code and wording differ',
  code_from_text: 'code from the text',
  duplicate_key_last_wins: 'key written twice',
  read_from_malformed_json: 'not valid JSON',
  timestamp_in_future: 'dated in the future',
  timestamp_from_previous_line: 'dated by the line above',
};

/** One sentence per flag: what was read with a caveat, and why it still counts. */
export const RECORD_FLAG_TEXT: Readonly<Record<RecordFlag, string>> = {
  invalid_utf8_replaced: 'Bytes that are not UTF-8 were shown as \uFFFD (a log written in GBK can be read again as such).',
  timestamp_missing: 'No time in the record: it is counted but not drawn on the time charts.',
  timestamp_zone_assumed: "The time had no zone and was read in the source's zone.",
  timestamp_invalid: 'The time could not be a date (30 February, hour 24): the record is undated.',
  timestamp_from_request_id: 'Dated by its request id, whose first 14 digits are Beijing time.',
  reset_time_implausible: 'The reset lies before its error or beyond its window: no countdown.',
  reset_zone_assumed: 'The reset time had no zone and was read in the reset zone (UTC+8 by default).',
  reset_date_only: 'The reset names a day only: its time of day is unknown.',
  code_shape_coerced: 'The code was written oddly (1308.0, " 1308 ", 01308) and read as the code.',
  code_message_mismatch: "The message is another code's wording: the code was believed.",
  code_from_text: 'No code field: the code was read from the message text.',
  duplicate_key_last_wins: 'A key was written twice in one object: its last value was read, as JSON.parse does.',
  read_from_malformed_json: 'Meant as JSON but not JSON (NaN, a comment, single quotes, a trailing comma): the error was read from its text.',
  timestamp_in_future:
    "Dated more than five minutes after the clock that read it: the logging machine's clock was ahead, or a time without a zone was read in the wrong zone. It is drawn at the time it gives.",
  timestamp_from_previous_line: 'No time of its own (a stack trace, a raw HTTP response): dated by the stamped log line right above it, which introduced it.',
};
