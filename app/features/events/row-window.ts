/**
 * Browsers cap an element's height (Chromium near 33.5 million px, about 987,000 rows of 34 px): a list
 * taller than this scrolls a spacer of this height, and the scroll position maps to rows in proportion,
 * so the last of 5,000,000 rows can still be reached.
 */
export const MAX_SPACER_PX = 16_000_000;

export interface RowWindow {
  /** Height of the scrolled spacer. */
  readonly spacerHeight: number;
  /** First and last row to draw (inclusive; last < first when there is none). */
  readonly first: number;
  readonly last: number;
  /** Where row `i` goes inside the spacer: `offset(i)` px from its top. */
  readonly offset: (row: number) => number;
}

/** The rows to draw for a scroll position: rowWindow({ scrollTop: 340, viewportHeight: 420, total: 1000, rowHeight: 34, overscan: 0 }).first -> 10 */
export function rowWindow({ scrollTop, viewportHeight, total, rowHeight, overscan }: {
  readonly scrollTop: number;
  readonly viewportHeight: number;
  readonly total: number;
  readonly rowHeight: number;
  readonly overscan: number;
}): RowWindow {
  const fullHeight = total * rowHeight;
  const spacerHeight = Math.min(fullHeight, MAX_SPACER_PX);
  const scrollRange = spacerHeight - viewportHeight;
  const scale = fullHeight > spacerHeight && scrollRange > 0 ? (fullHeight - viewportHeight) / scrollRange : 1;
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, scrollRange)));
  const virtualTop = top * scale;
  const first = Math.max(0, Math.min(Math.floor(virtualTop / rowHeight), total - 1) - overscan);
  const last = Math.min(total - 1, Math.ceil((virtualTop + viewportHeight) / rowHeight) - 1 + overscan);
  return { spacerHeight, first, last, offset: (row) => row * rowHeight - virtualTop + top };
}
