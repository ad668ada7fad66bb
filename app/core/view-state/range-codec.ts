import type { DropLog } from './dropped';
import { decodeInstant, formatInstant } from './instant-codec';
import { firstValid } from './first-valid';
import { DEFAULT_PRESET } from './presets';
import { decodePreset, type Decoded } from './scalar-codecs';
import type { ViewRange } from './view-state';

export interface RangeParams {
  readonly range: readonly string[];
  readonly from: readonly string[];
  readonly to: readonly string[];
}

/**
 * The time range from `range` or `from`/`to` (never both in a canonical link). Decisions:
 * - valid `from` and `to` win over `range`, which is then dropped;
 * - `from > to` is swapped and reported (Grafana #42917: a reversed range must not lock the picker);
 * - `from == to` (an empty range) drops both; a lone `from` or `to` is dropped;
 * - otherwise a valid `range` preset, else the default (`all`).
 */
export function decodeRange(params: RangeParams, log: DropLog): ViewRange {
  const preset = firstValid('range', params.range, decodePreset, log);
  const from = firstValid('from', params.from, instant, log);
  const to = firstValid('to', params.to, instant, log);
  if (from !== null && to !== null) {
    const absolute = orderRange(from, to, log);
    if (absolute !== null) {
      if (preset !== null) log.add('range', preset, 'from/to given as well; from/to kept');
      return absolute;
    }
  } else if (from !== null) {
    log.add('from', formatInstant(from), 'needs to as well');
  } else if (to !== null) {
    log.add('to', formatInstant(to), 'needs from as well');
  }
  return preset ?? DEFAULT_PRESET;
}

function orderRange(from: number, to: number, log: DropLog): ViewRange | null {
  if (from === to) {
    log.add('from', formatInstant(from), 'from equals to (an empty range)');
    return null;
  }
  if (from > to) {
    log.add('from', formatInstant(from), 'later than to; the two were swapped');
    return { from: to, to: from };
  }
  return { from, to };
}

function instant(raw: string): Decoded<number> {
  const decoded = decodeInstant(raw);
  return 'at' in decoded ? { value: decoded.at } : decoded;
}
