import { useCallback, useState } from 'react';

/** A display preference kept in localStorage (never in the shared URL), e.g. whether peak hours are shaded. */
export function useBooleanPreference(key: string, initial: boolean): [boolean, (next: boolean) => void] {
  const [value, setValue] = useState<boolean>(() => {
    try {
      const stored = localStorage.getItem(key);
      return stored === null ? initial : stored === 'true';
    } catch {
      return initial;
    }
  });
  const update = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        localStorage.setItem(key, String(next));
      } catch {
        // Storage disabled: the preference lasts for this page only.
      }
    },
    [key],
  );
  return [value, update];
}
