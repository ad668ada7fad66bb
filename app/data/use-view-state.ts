import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { parseViewState, serializeViewState, type DroppedParam, type ViewState } from '../core/view-state';
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
