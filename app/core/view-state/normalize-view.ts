import { isValidInstant } from './instant-codec';
import { categoriesCodec, codesCodec, sourcesCodec, verdictsCodec, type ListCodec } from './list-codecs';
import { isPresetId } from './presets';
import { canChooseRead, decodeQuery, isEventOrder, isResetOffset, isStreamRead } from './scalar-codecs';
import { decodeStream } from './stream-codec';
import { isTimeZoneId } from './time-zones';
import { DEFAULT_VIEW, isAbsoluteRange, type ViewRange, type ViewState } from './view-state';

/**
 * The canonical form of a view, as `parseViewState` would return it: lists valid, unique, sorted and
 * capped; q trimmed; range valid (reversed absolute ranges swapped, empty ones -> default); stream
 * without credentials. Views built by the UI go through this before they are compared or written.
 */
export function normalizeViewState(view: ViewState): ViewState {
  const q = decodeQuery(view.q);
  const decoded = view.stream === null ? null : decodeStream(view.stream);
  const stream = decoded !== null && 'stream' in decoded ? decoded.stream : null;
  return {
    range: normalizeRange(view.range),
    categories: normalizeList(categoriesCodec, view.categories),
    codes: normalizeList(codesCodec, view.codes),
    verdicts: normalizeList(verdictsCodec, view.verdicts),
    sources: normalizeList(sourcesCodec, view.sources),
    q: 'value' in q ? q.value : DEFAULT_VIEW.q,
    tz: isTimeZoneId(view.tz) ? view.tz : DEFAULT_VIEW.tz,
    stream,
    streamRead: canChooseRead(stream) && isStreamRead(view.streamRead) ? view.streamRead : null,
    resetOffsetMinutes: isResetOffset(view.resetOffsetMinutes) ? view.resetOffsetMinutes : DEFAULT_VIEW.resetOffsetMinutes,
    order: isEventOrder(view.order) ? view.order : DEFAULT_VIEW.order,
  };
}

function normalizeRange(range: ViewRange): ViewRange {
  if (!isAbsoluteRange(range)) return isPresetId(range) ? range : DEFAULT_VIEW.range;
  const from = Math.floor(Math.min(range.from, range.to));
  const to = Math.floor(Math.max(range.from, range.to));
  return isValidInstant(from) && isValidInstant(to) && from < to ? { from, to } : DEFAULT_VIEW.range;
}

function normalizeList<T extends string>(codec: ListCodec<T>, items: readonly string[]): T[] {
  const kept = new Set<T>();
  for (const item of items) {
    if (kept.size >= codec.max) break;
    const decoded = codec.decode(String(item).trim());
    if (typeof decoded === 'string') kept.add(decoded);
  }
  return [...kept].sort(codec.compare);
}
