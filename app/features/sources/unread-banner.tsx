import { SafeText } from '../../shared/safe-text';
import type { UnreadSource } from './unread-sources';

/** Files named at most; the others are counted. */
const NAMED_MAX = 5;

interface UnreadBannerProps {
  readonly unread: readonly UnreadSource[];
  readonly onShowSources: () => void;
  readonly onRemove: (sourceIds: readonly number[]) => void;
}

/**
 * Above the dashboard: the files that gave no line (an archive, an image, an empty file). Alone, such a file left a
 * dashboard of zeros that read as a clean log, its reason only in its row at the foot of the page.
 */
export function UnreadBanner({ unread, onShowSources, onRemove }: UnreadBannerProps) {
  if (unread.length === 0) return null;
  const named = unread.slice(0, NAMED_MAX);
  return (
    <div className="banner banner-warn unread-banner" role="status" aria-label="Files not read">
      <strong>{unread.length === 1 ? 'Not read:' : `${unread.length} files not read:`}</strong>
      <ul className="unread-list">
        {named.map((source) => (
          <li key={source.id}>
            <SafeText text={source.name} max={80} />: <SafeText text={source.reason} max={200} />
          </li>
        ))}
        {unread.length > named.length ? <li>and {unread.length - named.length} more (see Sources)</li> : null}
      </ul>
      <span className="row">
        <button type="button" className="btn btn-small" onClick={onShowSources}>
          Sources
        </button>
        <button type="button" className="btn btn-small" onClick={() => onRemove(unread.map((source) => source.id))}>
          Remove {unread.length === 1 ? 'it' : 'them'}
        </button>
      </span>
    </div>
  );
}
