import type { ComponentType } from 'react';

interface ChunkFailedProps {
  /** What could not be loaded, as the sentence's subject: "The charts". */
  readonly what: string;
  readonly error: unknown;
  /** Where it stood in for a dialog: the way to put it away. */
  readonly onClose?: () => void;
}

/**
 * Said where a part of the page loaded apart from it (a chunk: the charts, the event dialog) would be drawn, when it
 * could not be loaded: the site was updated since the page was opened, or the network is gone. A reload loads it
 * again; the rest of the page keeps working meanwhile.
 */
export function ChunkFailed({ what, error, onClose }: ChunkFailedProps) {
  return (
    <div className="panel banner-error" role="alert">
      <strong>{what} could not be loaded.</strong> {error instanceof Error ? error.message : String(error)}{' '}
      <button type="button" className="btn btn-small" onClick={() => window.location.reload()}>
        Reload the page
      </button>
      {onClose ? (
        <button type="button" className="btn btn-small" onClick={onClose}>
          Close
        </button>
      ) : null}
    </div>
  );
}

/**
 * The component a lazy chunk gives, or in its place, if the chunk fails to load, one that says so (`shown`) or shows
 * nothing: React keeps a lazy component's failure for good, so a thrown one left its panel's "Try again" failing.
 */
export function orChunkFailed<P extends object>(load: Promise<ComponentType<P>>, shown: ((error: unknown) => ComponentType<P>) | null): Promise<{ default: ComponentType<P> }> {
  return load.then(
    (component) => ({ default: component }),
    (error: unknown) => ({ default: shown === null ? () => null : shown(error) }),
  );
}
