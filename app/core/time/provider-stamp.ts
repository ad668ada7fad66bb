import { civilToInstant } from './civil';
import { readStamp } from './read-stamp';

/** Z.ai writes `next_flush_time` in China Standard Time (UTC+8, no DST) without saying so. */
export const PROVIDER_OFFSET_MINUTES = 480;

export interface ProviderStamp {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly dateOnly: boolean;
  /** The offset that was assumed for a zone-less stamp, or null when the stamp carried its own zone. */
  readonly assumedOffsetMinutes: number | null;
}

/**
 * Reads a provider reset stamp. Zone-less stamps are wall time at `offsetMinutes` (UTC+8 by default);
 * stamps with `Z` or an offset keep theirs; a date alone is the start of that day. Invalid dates → null.
 * parseProviderStamp('2026-08-31 18:19:41') -> { at: Date.parse('2026-08-31T10:19:41Z'), dateOnly: false, assumedOffsetMinutes: 480 }
 */
export function parseProviderStamp(raw: string, offsetMinutes: number = PROVIDER_OFFSET_MINUTES): ProviderStamp | null {
  const parts = readStamp(raw);
  if (parts === null) return null;
  const assumed = parts.offsetMinutes === null;
  const at = civilToInstant(parts.civil, assumed ? offsetMinutes : (parts.offsetMinutes ?? 0));
  if (at === null) return null;
  return { at, dateOnly: parts.dateOnly, assumedOffsetMinutes: assumed ? offsetMinutes : null };
}
