import type { DroppedParam } from '../core/view-state';
import { SafeText } from './safe-text';

/** One notice for every URL parameter that was invalid and dropped; the parameter values are shown as text. */
export function DroppedParamsNotice({ dropped }: { readonly dropped: readonly DroppedParam[] }) {
  if (dropped.length === 0) return null;
  return (
    <div className="banner banner-warn" role="status" aria-label="Link parameters ignored">
      <strong>Some link parameters were ignored:</strong>
      <ul className="dropped-list">
        {dropped.slice(0, 8).map((d, i) => (
          <li key={i}>
            <code>
              <SafeText text={d.param} max={40} />=<SafeText text={d.value} max={60} />
            </code>{' '}
            <span className="muted">(<SafeText text={d.reason} max={200} />)</span>
          </li>
        ))}
        {dropped.length > 8 ? <li>and {dropped.length - 8} more</li> : null}
      </ul>
    </div>
  );
}
