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
  return FILTER_KEYS.some((key) => JSON.stringify(view[key]) !== JSON.stringify(DEFAULT_VIEW[key]));
}
