import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `intervalMs` (the latest value always lands). While a large file
 * is read the store's version changes four times a second; redrawing every chart that often would starve
 * the page, so the dashboard follows it at this pace. A value that comes with a new `landAtOnceKey` lands at
 * once: a source removed (the demo, as a file is dropped on it) is not left on screen for the rest of a second.
 */
export function useThrottledValue<T>(value: T, intervalMs: number, landAtOnceKey: unknown = null): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(0);
  const keyShown = useRef(landAtOnceKey);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = Object.is(landAtOnceKey, keyShown.current) ? Math.max(0, lastShownAt.current + intervalMs - Date.now()) : 0;
    const timer = setTimeout(() => {
      lastShownAt.current = Date.now();
      keyShown.current = landAtOnceKey;
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs, landAtOnceKey]);
  return shown;
}
