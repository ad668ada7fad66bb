/**
 * The browser location as an external store: components read the search string through
 * useSyncExternalStore and write it through `navigate`, so Back and Forward re-render the view.
 */
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

// Back or Forward lands on another entry: a search still waiting to be written belonged to the one left.
window.addEventListener('popstate', () => {
  if (pendingReplace !== null) {
    clearTimeout(pendingReplace);
    pendingReplace = null;
  }
  notify();
});

export function subscribeToLocation(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getLocationSearch(): string {
  return window.location.search;
}

// Browsers rate-limit the History API (Safari throws past 100 calls in 30 s); replace-writes such as
// typing in the search box are coalesced so that never happens.
const REPLACE_DELAY_MS = 150;
let pendingReplace: ReturnType<typeof setTimeout> | null = null;

/** Replaces the search string at once, for a link whose secrets must leave the address bar and its history entry. */
export function replaceLocationNow(search: string): void {
  if (pendingReplace !== null) {
    clearTimeout(pendingReplace);
    pendingReplace = null;
  }
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`);
  notify();
}

/** Write a new search string: push for a view change the user may want to go Back from, replace otherwise. */
export function navigate(search: string, mode: 'push' | 'replace'): void {
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  if (pendingReplace !== null) {
    clearTimeout(pendingReplace);
    pendingReplace = null;
  }
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  if (mode === 'push') {
    window.history.pushState(null, '', url);
    notify();
    return;
  }
  pendingReplace = setTimeout(() => {
    pendingReplace = null;
    // The entry stays the one it was, so it keeps what its state says (a chart's zoom keeps its way back).
    window.history.replaceState(window.history.state, '', url);
    notify();
  }, REPLACE_DELAY_MS);
}
