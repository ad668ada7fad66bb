import { getPreset } from './presets';
import { isAbsoluteRange, type AbsoluteRange, type ViewState } from './view-state';

export interface TimeAnchors {
  /** The current instant, epoch ms. */
  readonly now: number;
  /** The latest dated event in the data, epoch ms, or null when there is none. */
  readonly latestEventAt: number | null;
}

/**
 * The view's range as half-open epoch ms `[from, to)`, or null for "all data". Relative presets end one
 * millisecond after their anchor so the anchor itself (now, or the latest event) is inside the range.
 * A data-relative preset without any dated data is null (nothing to anchor on).
 * resolveTimeRange({ ...DEFAULT_VIEW, range: '1h' }, { now: 7_200_000, latestEventAt: null })
 *   -> { from: 3_600_001, to: 7_200_001 }
 */
export function resolveTimeRange(view: ViewState, anchors: TimeAnchors): AbsoluteRange | null {
  if (isAbsoluteRange(view.range)) return { from: view.range.from, to: view.range.to };
  const preset = getPreset(view.range);
  if (preset.anchor === 'all') return null;
  const anchor = preset.anchor === 'now' ? anchors.now : anchors.latestEventAt;
  if (anchor === null || !Number.isFinite(anchor)) return null;
  return { from: anchor + 1 - preset.durationMs, to: anchor + 1 };
}
