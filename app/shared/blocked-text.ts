import type { ContinuingBlock } from '../core/aggregate';
import { formatDuration, formatInstant } from './format';

/** Minutes, as the captions count blocked time; a block of seconds is '<1m', not '0m' as if there were none. */
export function formatBlocked(ms: number): string {
  return ms > 0 && ms < 60_000 ? '<1m' : formatDuration(ms, false);
}

/** ', continuing until 2026-11-23 05:54 UTC (2h 12m beyond this range)', or '' when the range holds the block's end. */
export function continuingText(block: ContinuingBlock | null, tz: 'local' | 'utc' | 'utc+8'): string {
  return block === null ? '' : `, continuing until ${formatInstant(block.until, tz, 'YYYY-MM-DD HH:mm')} (${formatBlocked(block.beyondMs)} beyond this range)`;
}
