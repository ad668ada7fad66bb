import { parseIsoUtcFast, parseLogTimestamp, type LocalOffset } from '../time/log-timestamp';
import { timestampFromRequestId } from '../time/request-id-time';
import { detachString } from '../store/string-table';
import type { RecordFlag } from './outcome';

/** A stamp at the start of a text line, optionally in brackets: `2025-09-30T06:37:09Z ERROR …`, `[2026-01-05 10:00:00.123] …`. */
const LEADING_STAMP = /^\s*\[?(\d{4}[-/]\d{2}[-/]\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?: ?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)\b)?)/;

/** leadingStamp('2025-09-30T06:37:09Z ERROR …') -> '2025-09-30T06:37:09Z' */
export function leadingStamp(text: string): string | null {
  const first = text.charCodeAt(0);
  if (!(first >= 48 && first <= 57) && first !== 91 && first !== 32 && first !== 9) return null;
  return LEADING_STAMP.exec(text)?.[1] ?? null;
}

/**
 * Lines of one second share their stamp: the last one read is kept (copied, not a slice of the line), with
 * its answer, which the lines share (it is read-only).
 */
let lastIso = '';
let lastIsoTime: EventTime | null = null;

function isoUtcTime(stamp: string): EventTime | null {
  if (stamp === lastIso) return lastIsoTime;
  const at = parseIsoUtcFast(stamp);
  lastIso = detachString(stamp);
  lastIsoTime = at === null ? null : Object.freeze({ ts: at, flags: NO_FLAGS });
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
  const utc = typeof time === 'string' ? isoUtcTime(time) : null;
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
