import { useEffect, useRef } from 'react';
import type { WindowResets } from '../../core/aggregate';
import { WINDOW_LABELS } from '../../core/catalog/labels';

/**
 * When the user opted in, one browser notification per reset, as its countdown reaches zero while the
 * page is open. A reset already past when first seen is not announced (nothing arrived now).
 */
export function useResetNotifications(resets: readonly WindowResets[], now: number, enabled: boolean): void {
  const pending = useRef(new Map<string, number>());
  useEffect(() => {
    if (!enabled) return;
    for (const w of resets) {
      // A reset known by its day only has no instant to say "the limit has reset" at.
      if (!w.latest || w.latest.dateOnly) continue;
      const key = `${w.window}:${w.latest.resetAt}`;
      if (w.latest.resetAt > now && !pending.current.has(key)) pending.current.set(key, w.latest.resetAt);
    }
    for (const [key, resetAt] of pending.current) {
      if (resetAt > now) continue;
      pending.current.delete(key);
      const window = resets.find((w) => key.startsWith(`${w.window}:`))?.window;
      notify(`Z.ai quota reset: ${window ? WINDOW_LABELS[window] : 'limit'}`, 'The limit has reset: your agent can run again.');
    }
  }, [resets, now, enabled]);
}

function notify(title: string, body: string): void {
  try {
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') new Notification(title, { body, tag: title });
  } catch {
    // Some browsers only allow notifications from a service worker; the countdown still shows the reset.
  }
}
