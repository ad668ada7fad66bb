import { LIMITS } from './limits';
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
