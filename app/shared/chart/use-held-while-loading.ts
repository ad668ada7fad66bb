import { useState } from 'react';
import { useCommitted } from './use-committed';

/**
 * What a chart draws while the page says it is loading: what it drew before, hidden (`isStale`). A file
 * dropped on the demo turns every chart's answer into the empty one at once, and taking the demo's bars down
 * in all three charts was one task of 50–70 ms at the drop, in some uploads; the chart instead keeps them and
 * moves them to the file's first events when they come.
 *
 * The chart's layers take their data in an effect (useCommitted), a render after the chart's own, so the
 * chart stays hidden until they have drawn what it shows: the demo's bars under the file's caption for a frame
 * otherwise. Other updates are not hidden: there, both lag alike.
 */
export function useHeldWhileLoading<T>(value: T, loading: boolean): { readonly shown: T; readonly isStale: boolean } {
  // Only what was shown once loaded is held: as the page opens, the chart draws its empty frame as it comes.
  const [held, setHeld] = useState<{ readonly value: T } | null>(null);
  // The render-time update pattern: React renders again at once, before committing.
  if (!loading && held?.value !== value) setHeld({ value });
  const shown = loading && held !== null ? held.value : value;
  const drawnShown = useCommitted(shown);
  const drawnValue = useCommitted(value);
  return { shown, isStale: shown !== value || drawnShown !== drawnValue };
}
