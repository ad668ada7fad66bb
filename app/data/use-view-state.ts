import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseViewState, serializeViewState, type DroppedParam, type ViewState } from '../core/view-state';
import { getLocationSearch, navigate, subscribeToLocation } from './url-location';

export interface ViewStateHandle {
  readonly view: ViewState;
  /** Parameters of the URL that were invalid and dropped; shown once as a notice. */
  readonly dropped: readonly DroppedParam[];
  readonly setView: (next: ViewState, mode?: 'push' | 'replace') => void;
}

/** The view is parsed from the URL once per location change and written back in canonical form. */
export function useViewState(): ViewStateHandle {
  const search = useSyncExternalStore(subscribeToLocation, getLocationSearch);
  const { view, dropped } = useMemo(() => parseViewState(search), [search]);
  const setView = useCallback((next: ViewState, mode: 'push' | 'replace' = 'push') => {
    navigate(serializeViewState(next), mode);
  }, []);
  return { view, dropped, setView };
}
