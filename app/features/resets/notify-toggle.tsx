import { useState } from 'react';

interface NotifyToggleProps {
  readonly enabled: boolean;
  readonly onChange: (enabled: boolean) => void;
}

/** Opt-in browser notifications: asked for only when the user clicks, and the answer is shown. */
export function NotifyToggle({ enabled, onChange }: NotifyToggleProps) {
  const supported = typeof Notification !== 'undefined';
  // Read once: the permission is a synchronous call into the browser, and this panel redraws while a file is read.
  const [denied, setDenied] = useState(() => supported && Notification.permission === 'denied');
  if (!supported) return <span className="small muted">This browser cannot show notifications.</span>;
  const turnOn = async () => {
    const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    setDenied(permission === 'denied');
    onChange(permission === 'granted');
  };
  return (
    <span className="row small">
      <label className="row">
        <input type="checkbox" checked={enabled} onChange={(event) => (event.target.checked ? void turnOn() : onChange(false))} />
        Notify me when a reset arrives
      </label>
      {denied ? <span className="muted">(blocked in the browser’s site settings)</span> : null}
    </span>
  );
}
