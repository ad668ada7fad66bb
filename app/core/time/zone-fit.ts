import type { QuotaWindow } from '../catalog/types';
import { assessReset } from './assess-reset';

/** The zones a source's zone-less times can be read in, as the Sources panel offers them (null: the viewer's). */
export const SOURCE_ZONE_CHOICES: readonly (readonly [label: string, offsetMinutes: number | null])[] = [
  ['your zone', null],
  ['UTC', 0],
  ['UTC+8', 480],
  ['UTC−5', -300],
  ['UTC+1', 60],
  ['UTC+5:30', 330],
  ['UTC+9', 540],
];

export interface MisfitReset {
  /** The event's instant, its zone-less time read at `readAtOffset` minutes east of UTC. */
  readonly eventAt: number;
  readonly readAtOffset: number;
  readonly resetAt: number;
  readonly window: QuotaWindow | null;
  readonly dateOnly: boolean;
}

/**
 * The source zones (of SOURCE_ZONE_CHOICES, the viewer's aside) in which an error whose time had no zone would
 * have a plausible reset: a log written in UTC and read in New York puts its errors five hours late, and
 * their resets before them. Read at offset O', the event's wall time is its instant moved by O − O'.
 * fittingZones({ eventAt: T, readAtOffset: -300, resetAt: T - 3 h, window: '5-hour', dateOnly: false }) -> [['UTC', 0], ['UTC+1', 60]]
 */
export function fittingZones(misfit: MisfitReset): (readonly [string, number])[] {
  const fits: (readonly [string, number])[] = [];
  for (const [label, offset] of SOURCE_ZONE_CHOICES) {
    if (offset === null || offset === misfit.readAtOffset) continue;
    const eventAt = misfit.eventAt + (misfit.readAtOffset - offset) * 60_000;
    if (assessReset({ resetAt: misfit.resetAt, eventAt, window: misfit.window, dateOnly: misfit.dateOnly }).plausible) fits.push([label, offset]);
  }
  return fits;
}
