import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { nextZoomTrail, parseViewState, readZoomTrail, serializeViewState, toZoomState, type DroppedParam, type ViewRange, type ViewState, type ZoomTrail } from '../core/view-state';
import { getLocationSearch, navigate, replaceLocationNow, subscribeToLocation } from './url-location';

/** The notice of a link whose secrets were taken out of the address, kept for the address without them. */
const noticeCarried = new Map<string, readonly DroppedParam[]>();

export interface ViewStateHandle {
  readonly view: ViewState;
  /** Parameters of the URL that were invalid and dropped; shown once as a notice. */
  readonly dropped: readonly DroppedParam[];
  readonly setView: (next: ViewState, mode?: 'push' | 'replace') => void;
}

/** The view is parsed from the URL once per location change and written back in canonical form. */
export function useViewState(): ViewStateHandle {
  const search = useSyncExternalStore(subscribeToLocation, getLocationSearch);
  const parsed = useMemo(() => parseViewState(search), [search]);
  const { view } = parsed;
  const dropped = parsed.dropped.length > 0 ? parsed.dropped : (noticeCarried.get(search) ?? parsed.dropped);
  useEffect(() => {
    if (!parsed.heldSecrets) return;
    const canonical = serializeViewState(parsed.view);
    noticeCarried.set(canonical === '' ? '' : `?${canonical}`, parsed.dropped);
    replaceLocationNow(canonical);
  }, [parsed]);
  const setView = useCallback((next: ViewState, mode: 'push' | 'replace' = 'push') => {
    navigate(serializeViewState(next), mode);
  }, []);
  return { view, dropped, setView };
}

/** The zoom that led to the current history entry: the ranges it undoes to, as its `history.state` tells (see ZoomTrail). */
export interface ChartZoomTrail {
  /** The range Back returns to. */
  readonly back: ViewRange;
  /** The range before the first zoom of the run that led here. */
  readonly origin: ViewRange;
  /** How many zooms in a row led here (1: `back` is `origin`). */
  readonly depth: number;
}

export interface ChartZoomHandle {
  /** Null when the current entry did not come from a chart's zoom (a filter, a link opened afresh, Back past the zoom). */
  readonly trail: ChartZoomTrail | null;
  /** Runs `narrow`, which pushes the narrowed view (a chart's onSelectRange), and marks the entry it pushed as a zoom. */
  readonly recordZoom: (narrow: () => void) => void;
  /** Back, as the browser's: to the range before the last zoom. */
  readonly goBack: () => void;
  /** Back past the whole run of zooms, to the range before the first. */
  readonly goToOrigin: () => void;
}

const zoomListeners = new Set<() => void>();

function subscribeToZoom(listener: () => void): () => void {
  const unsubscribe = subscribeToLocation(listener);
  zoomListeners.add(listener);
  return () => {
    unsubscribe();
    zoomListeners.delete(listener);
  };
}

let lastTrail: ZoomTrail | null = null;

/** The current entry's trail, the same object while it reads the same: a snapshot must compare equal while unchanged. */
function getZoomSnapshot(): ZoomTrail | null {
  const trail = readZoomTrail(window.history.state);
  const isSame = trail === lastTrail || (trail !== null && lastTrail !== null && trail.back === lastTrail.back && trail.origin === lastTrail.origin && trail.depth === lastTrail.depth);
  if (!isSame) lastTrail = trail;
  return lastTrail;
}

function recordZoom(narrow: () => void): void {
  const search = window.location.search;
  const current = readZoomTrail(window.history.state);
  narrow();
  // The view was pushed at once (navigate), as a new entry: the mark goes on it. A zoom to the range shown pushes none.
  if (window.location.search === search) return;
  window.history.replaceState(toZoomState(nextZoomTrail(current, search)), '', window.location.href);
  for (const listener of zoomListeners) listener();
}

const goBack = () => window.history.back();

/**
 * How a chart undoes its zooms: the same history entries a drag, a tap or Enter pushes and Back walks through, each
 * marked as a zoom in its `history.state`, so the chart can offer Back where the user is, saying what it returns to.
 */
export function useChartZoom(): ChartZoomHandle {
  const read = useSyncExternalStore(subscribeToZoom, getZoomSnapshot);
  const trail = useMemo(
    (): ChartZoomTrail | null => (read === null ? null : { back: parseViewState(read.back).view.range, origin: parseViewState(read.origin).view.range, depth: read.depth }),
    [read],
  );
  const depth = trail?.depth ?? 0;
  const goToOrigin = useCallback(() => {
    if (depth > 0) window.history.go(-depth);
  }, [depth]);
  return useMemo(() => ({ trail, recordZoom, goBack, goToOrigin }), [trail, goToOrigin]);
}
