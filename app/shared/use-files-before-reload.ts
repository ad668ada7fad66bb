import { useEffect, useState } from 'react';

const KEY = 'quotalens.user-sources';

/**
 * Whether this tab held sources of the user's before it was reloaded: the page stores no log, so a reload shows
 * the demo again, and the user should hear that their files were not kept rather than wonder where they went.
 * Kept in sessionStorage (this tab only, gone with it); a flag, never a file name or a byte of a log.
 */
export function useFilesBeforeReload(hasUserSources: boolean): boolean {
  const [hadBefore] = useState(() => {
    try {
      return sessionStorage.getItem(KEY) === '1';
    } catch {
      return false;
    }
  });
  useEffect(() => {
    if (!hasUserSources) return;
    try {
      sessionStorage.setItem(KEY, '1');
    } catch {
      // Storage disabled: after a reload the page cannot say the files were not kept.
    }
  }, [hasUserSources]);
  return hadBefore;
}
