import { useState } from 'react';
import { TIME_ZONES, isTimeZoneId, type ViewState } from '../../core/view-state';
import { ThemeToggle } from '../../shared/theme-toggle';

interface HeaderActionsProps {
  readonly view: ViewState;
  readonly onChange: (next: ViewState) => void;
}

export function HeaderActions({ view, onChange }: HeaderActionsProps) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied('idle'), 2500);
  };
  return (
    <>
      <label className="field inline-field">
        <span>Time zone</span>
        <select value={view.tz} onChange={(event) => isTimeZoneId(event.target.value) && onChange({ ...view, tz: event.target.value })}>
          {TIME_ZONES.map((tz) => (
            <option key={tz.id} value={tz.id}>
              {tz.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn" onClick={() => void copyLink()}>
        {copied === 'copied' ? 'Link copied' : copied === 'failed' ? 'Copy failed: use the address bar' : 'Copy link'}
      </button>
      <ThemeToggle />
    </>
  );
}
