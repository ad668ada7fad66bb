/**
 * What a history entry pushed by a chart's zoom (a drag, a tap or Enter on a bar) remembers, in its
 * `history.state`: never in the link, which says only the range. Back from it is the range before the zoom; so is
 * the chart's "Back to …" button, which goes Back. A run of zooms is undone at once by going back `depth`
 * entries. A reload keeps an entry's state; a link opened afresh has none, and no zoom to undo.
 */
export interface ZoomTrail {
  /** The query string of the entry under this one, without `?` (Back returns there). */
  readonly back: string;
  /** The query string of the entry before the first zoom of the run that led here. */
  readonly origin: string;
  /** How many zooms in a row led here: `history.go(-depth)` is the origin. */
  readonly depth: number;
}

/** The key of the trail in `history.state`. */
const STATE_KEY = 'quotalensZoom';
/** More zooms in a row than anyone makes: a state claiming more is not ours. */
const MAX_DEPTH = 1000;

/**
 * The trail of a history entry, from whatever its state holds: null unless it is one this page wrote (another
 * page's state, an older format, a hand-edited one).
 * readZoomTrail({ quotalensZoom: { back: '', origin: '', depth: 1 } }) -> { back: '', origin: '', depth: 1 }
 */
export function readZoomTrail(state: unknown): ZoomTrail | null {
  if (typeof state !== 'object' || state === null || !Object.hasOwn(state, STATE_KEY)) return null;
  const trail: unknown = (state as Record<string, unknown>)[STATE_KEY];
  if (typeof trail !== 'object' || trail === null) return null;
  const { back, origin, depth } = trail as Record<string, unknown>;
  if (typeof back !== 'string' || typeof origin !== 'string') return null;
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) return null;
  return { back: withoutQuestionMark(back), origin: withoutQuestionMark(origin), depth };
}

/**
 * The trail of the entry a zoom pushes on top of the entry at `search` whose trail is `current`: one more zoom in
 * its run, or the first of one.
 * nextZoomTrail(null, '?v=1&range=24h') -> { back: 'v=1&range=24h', origin: 'v=1&range=24h', depth: 1 }
 */
export function nextZoomTrail(current: ZoomTrail | null, search: string): ZoomTrail {
  const back = withoutQuestionMark(search);
  if (current === null || current.depth >= MAX_DEPTH) return { back, origin: back, depth: 1 };
  return { back, origin: current.origin, depth: current.depth + 1 };
}

/** The `history.state` that holds a trail. */
export function toZoomState(trail: ZoomTrail): { readonly [STATE_KEY]: ZoomTrail } {
  return { [STATE_KEY]: trail };
}

const withoutQuestionMark = (search: string) => (search.startsWith('?') ? search.slice(1) : search);
