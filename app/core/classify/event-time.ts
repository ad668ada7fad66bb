import { isoDayMs, isoTimeOfDayMs, parseLogTimestamp, type LocalOffset } from '../time/log-timestamp';
import { timestampFromRequestId } from '../time/request-id-time';
import { epochToMs } from '../time/epoch';
import type { RecordFlag } from './outcome';

/** A stamp at the start of a text line, optionally in brackets: `2025-09-30T06:37:09Z ERROR …`, `[2026-01-05 10:00:00.123] …`. */
const LEADING_STAMP = /^\s*\[?(\d{4}[-/]\d{2}[-/]\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?: ?([Zz]|[+-]\d{2}(?::?\d{2})?)\b)?)/;

/** `GMT+8`, `UTC+08:00`, `GMT-5`, `UTC` right after a zone-less stamp: an offset as explicit as `+08:00` (E8). */
const NAMED_OFFSET = /^ ?(?:GMT|UTC)(?:([+-])(\d{1,2}:\d{2}|\d{1,4}))?(?![\w.+-]|:\d)/;
/** `北京时间` (Beijing time) or `Beijing time` before a stamp: UTC+8, which has no daylight saving (E8). */
const BEIJING_PREFIX = /^\s*(?:北京时间|Beijing time)[\s:：]*/i;

/**
 * leadingStamp('2025-09-30T06:37:09Z ERROR …') -> '2025-09-30T06:37:09Z'
 * leadingStamp('2026-11-27 10:00:00 GMT+8 ERROR …') -> '2026-11-27 10:00:00+08:00'
 * leadingStamp('2026-11-27 10:00:00 UTC ERROR …') -> '2026-11-27 10:00:00Z'
 * leadingStamp('北京时间 2026-11-27 10:00:00 …') -> '2026-11-27 10:00:00+08:00'
 * leadingStamp('1759212000 ERROR …') -> '1759212000' (epoch seconds; 13 digits are milliseconds: leadingEpoch)
 * An abbreviation such as `CST` (China, or US Central?) is no offset: the stamp stays zone-less, read in the
 * source's zone and flagged, so the user sees it was assumed and can change it.
 */
export function leadingStamp(text: string): string | null {
  const first = text.charCodeAt(0);
  // D10: a coloured terminal log (`\x1b[2m2026-…\x1b[0m INFO …`) opens with its colour, not its time.
  if (first === 27) {
    const rest = afterLeadingColours(text);
    return rest === null ? null : leadingStamp(rest);
  }
  // Only a digit, `[` or white space opens a stamp; `北`, `B` or `b` may open the Beijing-time prefix.
  if (!(first >= 48 && first <= 57) && first !== 91 && first !== 32 && first !== 9) return first === 0x5317 || first === 66 || first === 98 ? beijingStamp(text) : null;
  const match = LEADING_STAMP.exec(text);
  const stamp = match?.[1];
  if (match === null || stamp === undefined) return first >= 48 && first <= 57 ? leadingEpoch(text) : null;
  // Its own zone (group 2) is kept as written.
  if (match[2] !== undefined) return stamp;
  const end = match[0].length;
  const next = text.charCodeAt(end + 1);
  // Only `… GMT…` or `… UTC…` can name an offset: the usual line is answered by two comparisons.
  if (text.charCodeAt(end) !== 32 || (next !== 71 && next !== 85)) return stamp;
  const named = NAMED_OFFSET.exec(text.slice(end, end + 16));
  if (named === null) return stamp;
  const [, sign, value] = named;
  if (sign === undefined || value === undefined) return `${stamp}Z`;
  // `8`, `08`, `0800` or `8:00`; three digits (`123`) say nothing sure.
  const colon = value.indexOf(':');
  if (colon < 0 && value.length === 3) return stamp;
  const hours = Number(colon >= 0 ? value.slice(0, colon) : value.length === 4 ? value.slice(0, 2) : value);
  const minutes = colon >= 0 ? Number(value.slice(colon + 1)) : value.length === 4 ? Number(value.slice(2)) : 0;
  if (hours > 14 || minutes > 59) return stamp;
  return `${stamp}${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Colour codes skipped before a stamp: more, or a longer one, is no terminal's colouring of a time. */
const MAX_LEADING_COLOURS = 4;
const MAX_COLOUR_CHARS = 24;

/**
 * The text after the ANSI colour codes (CSI `ESC [ params m`, and any other final byte) that open it, or null when
 * it opens with none or with something else: afterLeadingColours('\x1b[1;31m\x1b[2m2026-…') -> '2026-…'.
 */
function afterLeadingColours(text: string): string | null {
  let at = 0;
  for (let n = 0; n < MAX_LEADING_COLOURS && text.charCodeAt(at) === 27 && text.charCodeAt(at + 1) === 91; n += 1) {
    let end = at + 2;
    const limit = Math.min(text.length, at + MAX_COLOUR_CHARS);
    // Parameter and intermediate bytes (0x20–0x3F), then one final byte (0x40–0x7E).
    while (end < limit && text.charCodeAt(end) >= 0x20 && text.charCodeAt(end) <= 0x3f) end += 1;
    const final = text.charCodeAt(end);
    if (end >= limit || final < 0x40 || final > 0x7e) return null;
    at = end + 1;
  }
  return at === 0 || text.charCodeAt(at) === 27 ? null : text.slice(at);
}

/** Digits read by leadingEpoch: one more than the longest it takes, to see a longer number. */
const EPOCH_SCAN = 14;

/**
 * Epoch seconds (10 digits) or milliseconds (13) opening a line, then a space or a tab:
 * leadingEpoch('1759212000 ERROR …') -> '1759212000'; leadingEpoch('1759212000123\tERROR …') -> '1759212000123'.
 * Not a number of another length (`12345 ERROR`, 11 or 12 digits say no unit), nor one glued to more digits, a
 * letter or a fraction (`1759212000abc`, `1759212000.5`). The digits are what the JSON reader reads from a time
 * field (epochToMs: its lengths and its range), and are returned only when it reads them, so a line it would not
 * date stays undated rather than flagged `timestamp_invalid`.
 */
function leadingEpoch(text: string): string | null {
  let n = 0;
  while (n < EPOCH_SCAN) {
    const c = text.charCodeAt(n);
    if (!(c >= 48 && c <= 57)) break;
    n += 1;
  }
  if (n !== 10 && n !== 13) return null;
  const after = text.charCodeAt(n);
  if (after !== 32 && after !== 9) return null;
  const digits = text.slice(0, n);
  return epochToMs(digits) === null ? null : digits;
}

function beijingStamp(text: string): string | null {
  const prefix = BEIJING_PREFIX.exec(text);
  if (prefix === null) return null;
  const match = LEADING_STAMP.exec(text.slice(prefix[0].length));
  const stamp = match?.[1];
  if (match === null || stamp === undefined) return null;
  return match[2] !== undefined ? stamp : `${stamp}+08:00`;
}

/**
 * Lines of one second share their stamp: the last one read is kept with its answer, which the lines share (it
 * is read-only). It is a slice of its line, not a copy: it keeps one batch of log text alive, no more. A
 * string comparison runs as a builtin from the first line on, where a loop over characters runs slowly until
 * it is compiled.
 */
let lastIso = '';
let lastIsoTime: EventTime | null = null;
/** The day of the last stamp (isoDayMs): the next stamps of its day read only their time of day. */
let lastIsoDay: number | null = null;
/** `YYYY-MM-DDT`: the characters of a stamp isoDayMs reads. */
const ISO_DAY_LENGTH = 11;

/** The time of the ISO UTC stamp text[start, end) (parseIsoUtcFast), or null. */
export function isoUtcTimeAt(text: string, start: number, end: number): EventTime | null {
  const n = end - start;
  // The two lengths parseIsoUtcFast reads: `…:00Z` and `…:00.000Z`.
  if (n !== 20 && n !== 24) return null;
  const stamp = text.slice(start, end);
  if (stamp === lastIso) return lastIsoTime;
  let same = 0;
  if (lastIsoDay !== null) while (same < ISO_DAY_LENGTH && stamp.charCodeAt(same) === lastIso.charCodeAt(same)) same += 1;
  const day = same === ISO_DAY_LENGTH ? lastIsoDay : isoDayMs(stamp);
  const time = day === null ? -1 : isoTimeOfDayMs(stamp);
  lastIso = stamp;
  lastIsoDay = day;
  lastIsoTime = day === null || time < 0 ? null : { ts: day + time, flags: NO_FLAGS };
  return lastIsoTime;
}

const NO_FLAGS: readonly RecordFlag[] = Object.freeze([]);
const ZONE_ASSUMED: readonly RecordFlag[] = Object.freeze(['timestamp_zone_assumed'] as const);

export interface EventTime {
  readonly ts: number | null;
  readonly flags: readonly RecordFlag[];
}

/**
 * The event time: the record's own stamp (zone-less → `localOffset`, flagged), else the Beijing time in
 * a Z.ai request id (flagged), else none (`timestamp_missing`). An unreadable stamp is flagged
 * `timestamp_invalid` (E4: never rolled over to a wrong time); the request id may still date the record.
 */
export function eventTime(time: string | number | null, requestId: string | null, localOffset: LocalOffset): EventTime {
  const utc = typeof time === 'string' ? isoUtcTimeAt(time, 0, time.length) : null;
  if (utc !== null) return utc;
  if (time !== null) {
    const parsed = parseLogTimestamp(time, localOffset);
    if (parsed !== null) return { ts: parsed.at, flags: parsed.zoneAssumed ? ZONE_ASSUMED : NO_FLAGS };
  }
  const fromId = requestId === null ? null : timestampFromRequestId(requestId);
  const invalid: RecordFlag[] = time === null ? [] : ['timestamp_invalid'];
  if (fromId !== null) return { ts: fromId, flags: [...invalid, 'timestamp_from_request_id'] };
  return { ts: null, flags: invalid.length > 0 ? invalid : ['timestamp_missing'] };
}
