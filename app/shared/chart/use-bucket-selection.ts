import { useCallback } from 'react';
import { useDismissibleTooltip } from './use-dismissible-tooltip';
import { useDragSelect } from './use-drag-select';

/**
 * How a chart of time buckets narrows the view: a drag across buckets, a click or tap on one with data, or Enter on
 * the one the arrow keys reached (selectBucket, for KeyboardSelect). Whichever it is, the tooltip goes away with the
 * old axis (useDismissibleTooltip): left up, it would describe a bucket of the new one that no one pointed at.
 */
export function useBucketSelection(rows: readonly { readonly t: number }[], bucketMs: number, onSelectRange: (from: number, to: number) => void, hasData: (index: number) => boolean) {
  const { wrapperProps, tooltipProps, hideTooltip } = useDismissibleTooltip();
  const narrow = useCallback(
    (from: number, to: number) => {
      hideTooltip();
      onSelectRange(from, to);
    },
    [hideTooltip, onSelectRange],
  );
  const { selection, handlers } = useDragSelect(
    rows.length,
    ({ start, end }) => {
      const first = rows[start];
      const last = rows[end];
      if (first && last) narrow(first.t, last.t + bucketMs);
    },
    hasData,
  );
  const selectBucket = useCallback((t: number) => narrow(t, t + bucketMs), [narrow, bucketMs]);
  return { selection, handlers, selectBucket, wrapperProps, tooltipProps };
}
