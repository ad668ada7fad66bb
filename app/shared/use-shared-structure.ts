import { replaceEqualDeep } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * `value`, but wherever it equals what this hook returned last time (deeply: plain objects and arrays),
 * the earlier objects are kept, so memoized children whose part did not change see the same props and
 * do not redraw. TanStack Query shares structure within one query only; a new query key (the view, the
 * minute, the store's version) answers with all-new objects even when most of the answer is unchanged.
 */
export function useSharedStructure<T>(value: T): T {
  const [shared, setShared] = useState({ input: value, output: value });
  if (Object.is(shared.input, value)) return shared.output;
  // The render-time update pattern: React re-renders this component at once, before committing.
  const next = { input: value, output: replaceEqualDeep(shared.output, value) };
  setShared(next);
  return next.output;
}
