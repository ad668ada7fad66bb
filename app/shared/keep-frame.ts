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
