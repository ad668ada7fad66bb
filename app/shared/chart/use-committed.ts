import { useEffect, useState, useSyncExternalStore } from 'react';

/**
 * `value` as of the last commit's effects: it changes in a synchronous render right after the effects of
 * the commit that brought it, the same render in which a chart's store hands out what those effects put in.
 * A layer that draws with the chart's scales takes its data through this, so it never draws new data on
 * old axes.
 */
export function useCommitted<T>(value: T): T {
  const [box] = useState(() => createBox(value));
  useEffect(() => box.set(value), [box, value]);
  return useSyncExternalStore(box.subscribe, box.get);
}

function createBox<T>(initial: T) {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(next: T) {
      if (Object.is(next, current)) return;
      current = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
