import { LIMITS } from './limits';
import { EVENT_ORDERS, STREAM_READS, type EventOrder, type StreamRead } from './view-state';
import { isPresetId, type PresetId } from './presets';
import { hasLoneSurrogate } from './query-string';
import { isTimeZoneId, type TimeZoneId } from './time-zones';
import { VIEW_FORMAT_VERSION } from './view-state';

/** A scalar codec: the canonical value, or a reason why the text is invalid (then the default applies). */
export type Decoded<T> = { readonly value: T } | { readonly reason: string };

/** `range=24h`; ids are case-insensitive on input, lower case on output. */
export function decodePreset(raw: string): Decoded<PresetId> {
  const id = raw.trim().toLowerCase();
  return isPresetId(id) ? { value: id } : { reason: 'not a known range preset' };
}

/**
 * `tz=local|utc|utc+8`. An unencoded `+` in a link reads as a space (form encoding), so `utc 8` is taken
 * as `utc+8`; the canonical link writes `utc%2B8`.
 */
/** decodeStreamRead('NDJSON') -> { value: 'ndjson' } */
export function decodeStreamRead(raw: string): Decoded<StreamRead> {
  const read = raw.trim().toLowerCase();
  return isStreamRead(read) ? { value: read } : { reason: 'not sse or ndjson' };
}

/** decodeOrder('Newest') -> { value: 'newest' } */
export function decodeOrder(raw: string): Decoded<EventOrder> {
  const order = raw.trim().toLowerCase();
  return isEventOrder(order) ? { value: order } : { reason: 'not oldest or newest' };
}

export function isEventOrder(value: unknown): value is EventOrder {
  return (EVENT_ORDERS as readonly unknown[]).includes(value);
}

export function isStreamRead(value: unknown): value is StreamRead {
  return (STREAM_READS as readonly unknown[]).includes(value);
}

/** Only an http(s) stream has a choice of reading. */
export function canChooseRead(stream: string | null): boolean {
  return stream !== null && /^https?:/i.test(stream);
}

export function decodeTimeZone(raw: string): Decoded<TimeZoneId> {
  const id = raw.trim().toLowerCase().replace(/^utc 8$/, 'utc+8');
  return isTimeZoneId(id) ? { value: id } : { reason: 'not local, utc or utc+8' };
}

/** C0/C1 controls and DEL: a search box never produces them, and they would hide text in the notice. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return true;
  }
  return false;
}

/** `q=...`: trimmed; at most `qChars` characters; no control characters or broken UTF-16. */
export function decodeQuery(raw: string): Decoded<string> {
  const q = raw.trim();
  if (q === '') return { reason: 'empty value' };
  if (q.length > LIMITS.qChars) return { reason: `longer than ${LIMITS.qChars} characters` };
  if (hasControlCharacter(q) || hasLoneSurrogate(q)) return { reason: 'contains control characters' };
  return { value: q };
}

/** `v=1`. Another version is reported and the link is read as the current version. */
export function decodeVersion(raw: string): Decoded<number> {
  return raw.trim() === String(VIEW_FORMAT_VERSION)
    ? { value: VIEW_FORMAT_VERSION }
    : { reason: `unsupported version; read as version ${VIEW_FORMAT_VERSION}` };
}

/** Reset-stamp zones a user can pick: whole and half hours from UTC−12 to UTC+14. */
export function isResetOffset(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes % 30 === 0 && minutes >= -720 && minutes <= 840;
}

/** `rtz=utc+8`, `rtz=utc`, `rtz=utc-5`, `rtz=utc+5:30` -> minutes east of UTC. */
export function decodeResetOffset(raw: string): Decoded<number> {
  const m = /^utc(?:([+ -])(\d{1,2})(?::(\d{2}))?)?$/.exec(raw.trim().toLowerCase());
  if (!m) return { reason: 'not a zone like utc+8' };
  const sign = m[1] === '-' ? -1 : 1;
  const minutes = m[2] === undefined ? 0 : sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  return isResetOffset(minutes) ? { value: minutes } : { reason: 'not a zone between utc-12 and utc+14 in half hours' };
}

/** encodeResetOffset(480) -> 'utc+8'; encodeResetOffset(-330) -> 'utc-5:30' */
export function encodeResetOffset(minutes: number): string {
  if (minutes === 0) return 'utc';
  const abs = Math.abs(minutes);
  const tail = abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`;
  return `utc${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${tail}`;
}
