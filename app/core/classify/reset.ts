import type { QuotaWindow } from '../catalog/types';
import { assessReset } from '../time/assess-reset';
import { plainStampInstant } from '../time/civil';
import { parseProviderStamp, PROVIDER_OFFSET_MINUTES } from '../time/provider-stamp';
import { memoByString } from './memo';
import type { RecordFlag, ResetInfo } from './outcome';

/** A reset stamp in a message: date, optional time (wrapped terminals may break the line), optional zone. */
const STAMP_IN_TEXT = /\d{4}-\d{2}-\d{2}(?:(?:[Tt]|\s{1,4})\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?/;
/** Template placeholders that leaked into a log (C11): classified by text, never counted down. */
const PLACEHOLDER = /\$?\{next_flush_time\}/;

const PLAIN_STAMP_LENGTH = 19;
/** The same reset stamp repeats in every hit of a window. */
const parseDefaultZone = memoByString((raw) => parseProviderStamp(raw));

export interface ResetInput {
  readonly message: string;
  /** The stamp as captured from the template, when the wording matched. */
  readonly captured: string | undefined;
  readonly eventAt: number | null;
  readonly window: QuotaWindow | null;
  readonly providerOffsetMinutes: number;
}

export interface ResetResult {
  readonly reset: ResetInfo;
  readonly flags: readonly RecordFlag[];
}

/**
 * readReset({ message: '… reset at 2026-08-31 18:19:41', … }) -> reset.at = Date.parse('2026-08-31T10:19:41Z'),
 * flags ['reset_zone_assumed']; null when the message names no reset.
 */
export function readReset({ message, captured, eventAt, window, providerOffsetMinutes }: ResetInput): ResetResult | null {
  const placeholder = PLACEHOLDER.exec(message);
  if (placeholder !== null) {
    return { reset: { raw: placeholder[0], at: null, dateOnly: false, assumedOffsetMinutes: null, plausible: false, implausibleReason: 'the message holds the template placeholder, not a time' }, flags: [] };
  }
  const raw = (STAMP_IN_TEXT.exec(captured ?? '') ?? STAMP_IN_TEXT.exec(message))?.[0].replace(/\s+/g, ' ');
  if (raw === undefined) return null;
  return resetFromStamp(raw, eventAt, window, providerOffsetMinutes);
}

/** The reset a stamp found in a message names (`raw` as written, white space collapsed), judged against the event's time. */
export function resetFromStamp(raw: string, eventAt: number | null, window: QuotaWindow | null, providerOffsetMinutes: number): ResetResult {
  // A plain stamp (`2026-11-20 11:00:02`, 19 characters) is read digit by digit faster than a memo hashes it,
  // and in one step (what parseProviderStamp gives it) when it names a real time.
  const at = raw.length === PLAIN_STAMP_LENGTH && Number.isFinite(providerOffsetMinutes) ? plainStampInstant(raw, providerOffsetMinutes, true) : null;
  const stamp =
    at !== null
      ? { at, dateOnly: false, assumedOffsetMinutes: providerOffsetMinutes }
      : providerOffsetMinutes === PROVIDER_OFFSET_MINUTES && raw.length !== PLAIN_STAMP_LENGTH
        ? parseDefaultZone(raw)
        : parseProviderStamp(raw, providerOffsetMinutes);
  if (stamp === null) {
    return { reset: { raw, at: null, dateOnly: false, assumedOffsetMinutes: null, plausible: false, implausibleReason: 'not a valid date' }, flags: ['reset_time_implausible'] };
  }
  const verdict = assessReset({ resetAt: stamp.at, eventAt, window, dateOnly: stamp.dateOnly });
  const flags = RESET_FLAGS[(stamp.assumedOffsetMinutes !== null ? 1 : 0) | (stamp.dateOnly ? 2 : 0) | (verdict.plausible ? 0 : 4)] as readonly RecordFlag[];
  return {
    reset: { raw, at: stamp.at, dateOnly: stamp.dateOnly, assumedOffsetMinutes: stamp.assumedOffsetMinutes, plausible: verdict.plausible, implausibleReason: verdict.reason },
    flags,
  };
}

/**
 * A reset's flags, by zone assumed (1), date only (2) and implausible (4): shared and frozen, as a quota storm
 * reads a reset per line and an array filled by push took a hundred bytes or more each time.
 */
const RESET_FLAGS: readonly (readonly RecordFlag[])[] = Array.from({ length: 8 }, (_, bits) =>
  Object.freeze(
    ([['reset_zone_assumed', 1], ['reset_date_only', 2], ['reset_time_implausible', 4]] as const).flatMap(([flag, bit]) => ((bits & bit) !== 0 ? [flag] : [])),
  ),
);
