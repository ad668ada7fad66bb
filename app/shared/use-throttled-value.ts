import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `intervalMs` (the latest value always lands). While a large file
 * is read the store's version changes four times a second; redrawing every chart that often would starve
 * the page, so the dashboard follows it at this pace.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = Math.max(0, lastShownAt.current + intervalMs - Date.now());
    const timer = setTimeout(() => {
      lastShownAt.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);
  return shown;
}
