import type { ViewState } from './view-state';

/** What a source is known by: the store's id and the name a link gives it. */
export interface NamedSource {
  readonly id: number;
  readonly name: string;
}

/** Stands for a source the view names but none loaded holds: it matches no event. */
const NO_SOURCE = 'none';

/**
 * The view with its sources as the store's source ids. A link names sources: every loaded source of that name
 * is meant (two files called app.log are both shown). A source named by the view but not loaded shows no
 * event, not every event.
 * withSourceIds({ ...view, sources: ['mixed.log'] }, [{ id: 3, name: 'mixed.log' }]).sources -> ['3']
 */
export function withSourceIds(view: ViewState, sources: readonly NamedSource[]): ViewState {
  if (view.sources.length === 0) return view;
  const ids = sources.filter((s) => view.sources.includes(s.name.trim())).map((s) => String(s.id));
  return { ...view, sources: ids.length > 0 ? ids : [NO_SOURCE] };
}

/** The view's sources that match no loaded source, for the note that says so. */
export function sourcesNotLoaded(view: ViewState, sources: readonly NamedSource[]): string[] {
  return view.sources.filter((item) => !sources.some((s) => s.name.trim() === item));
}
