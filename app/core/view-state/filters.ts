import { isSameView } from './serialize-view-state';
import { DEFAULT_VIEW, type ViewState } from './view-state';

/**
 * What "Clear filters" takes back to its default: what narrows the errors shown. Not how they are shown (zone,
 * order), which stream is connected, nor the zone the provider's reset stamps are read in.
 */
const FILTER_KEYS = ['range', 'categories', 'codes', 'verdicts', 'sources', 'q'] as const satisfies readonly (keyof ViewState)[];

/** The view without its filters: clearFilters({ ...view, codes: ['1302'], stream: 'demo' }) keeps the stream. */
export function clearFilters(view: ViewState): ViewState {
  const cleared: Partial<ViewState> = {};
  for (const key of FILTER_KEYS) Object.assign(cleared, { [key]: DEFAULT_VIEW[key] });
  return { ...view, ...cleared };
}

/** Whether any filter narrows the view (Clear filters would change it). */
export function hasFilters(view: ViewState): boolean {
  return !isSameView(view, clearFilters(view));
}

/**
 * The view the quota resets are taken from. Whether a limit blocks, and until when, is about now: neither the time
 * range (a zoom to yesterday) nor a filter on codes, categories, verdicts or text may hide a reset still to come. The
 * sources chosen still count: two files may be two accounts.
 */
export function resetsScope(view: ViewState): ViewState {
  return { ...clearFilters(view), sources: view.sources };
}

/** Whether the resets are taken from more errors than the view shows (see resetsScope). */
export function resetsWiderThanView(view: ViewState): boolean {
  return hasFilters({ ...view, sources: DEFAULT_VIEW.sources });
}
