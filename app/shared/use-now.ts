import { useSyncExternalStore } from 'react';

/**
 * One shared ticker for the whole page: every countdown and every "now"-relative range reads it, so a
 * hundred countdowns cost one timer. Values are recomputed from Date.now() on every tick and whenever
 * the tab becomes visible again (hidden tabs' timers are throttled to once a minute).
 */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let current = Date.now();

function tick() {
  current = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    current = Date.now();
    timer = setInterval(tick, 1000);
    document.addEventListener('visibilitychange', tick);
    window.addEventListener('pageshow', tick);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
      document.removeEventListener('visibilitychange', tick);
      window.removeEventListener('pageshow', tick);
    }
  };
}

/** The current instant, rounded down to `granularityMs` (1000 for countdowns, 60000 for queries). */
export function useNow(granularityMs = 1000): number {
  return useSyncExternalStore(subscribe, () => Math.floor(current / granularityMs) * granularityMs);
}
