import { useState } from 'react';

/**
 * Whether an empty chart keeps its frame (axes, no bars) rather than saying its view is empty. A chart keeps
 * it while a file is read, and then until it shows an answer computed since: the answer on screen when a read
 * ends was computed before it (the charts follow the store at their own pace), and saying "No dated errors"
 * from it was saying something false, on every page load about the demo. A chart also keeps it from the start
 * until such an answer exists, as the demo is on its way. When the answer is not current (a view or a live
 * stream's next answer is on its way), the chart keeps what it did: an empty view does not flicker between
 * the frame and the message.
 */
export function nextKeepFrame(kept: boolean, isReadingFile: boolean, isAnswerCurrent: boolean): boolean {
  if (isReadingFile) return true;
  return isAnswerCurrent ? false : kept;
}

/** nextKeepFrame as a chart's state; starts kept (the page starts by reading the demo). */
export function useKeepFrame(isReadingFile: boolean, isAnswerCurrent: boolean): boolean {
  const [kept, setKept] = useState(true);
  const next = nextKeepFrame(kept, isReadingFile, isAnswerCurrent);
  // The render-time update pattern: React renders again at once, before committing.
  if (next !== kept) setKept(next);
  return next;
}

/** Whether `value` has been true in any render so far: once true, it stays true. */
export function useOnceTrue(value: boolean): boolean {
  const [seen, setSeen] = useState(false);
  // The render-time update pattern, as in useKeepFrame.
  if (value && !seen) setSeen(true);
  return seen || value;
}

/**
 * How a chart shows its staged answer: whether it keeps its frame when empty, and whether it says it is
 * loading: until the page's first answer worth showing, and whenever the answer comes from a store that held
 * no event, unless it is current with no file read. A file dropped on the demo empties the store at once (the
 * demo leaves), and its zeros said the user's log had no errors before a line of it was read, and again for a
 * moment after its read, until the answer computed since came.
 */
export function useAnswerDisplay(isReadingFile: boolean, isAnswerCurrent: boolean, isWorthShowing: boolean, isFromEmptyStore: boolean): { keepFrame: boolean; loading: boolean } {
  const keepFrame = useKeepFrame(isReadingFile, isAnswerCurrent);
  // The page's first answer is computed before the demo (or any source) has been read, and its zeros said "No
  // errors in this view" and "No quota hit" for a moment on every page load. Until an answer holds errors, or
  // is current once no file is read, or the demo could not be fetched, the panels say they are loading.
  const loading = !useOnceTrue(isWorthShowing) || isAwaitingEvents(isFromEmptyStore, isReadingFile, isAnswerCurrent);
  return { keepFrame, loading };
}

/** Whether an answer from a store that held no event says nothing yet: it does unless it is current with no file read. */
export function isAwaitingEvents(isFromEmptyStore: boolean, isReadingFile: boolean, isAnswerCurrent: boolean): boolean {
  return isFromEmptyStore && (isReadingFile || !isAnswerCurrent);
}
