import { useCallback, useSyncExternalStore } from 'react';

/** The layout of phones and narrow windows, as the stylesheet's `@media (max-width: 900px)` rules draw it. */
export const NARROW_LAYOUT = '(max-width: 900px)';

/** Whether a media query matches now, kept current as the window changes: `useMediaQuery(NARROW_LAYOUT)`. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches, () => false);
}
