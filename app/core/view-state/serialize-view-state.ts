import { formatInstant } from './instant-codec';
import { normalizeViewState } from './normalize-view';
import { encodeComponent } from './query-string';
import { encodeResetOffset } from './scalar-codecs';
import { DEFAULT_VIEW, isAbsoluteRange, VIEW_FORMAT_VERSION, type ViewState } from './view-state';

/**
 * Writes the canonical query string (without `?`): keys in the order v, range | from+to, cat, code,
 * verdict, src, q, order, tz, rtz, stream, read; defaults omitted; lists sorted, unique, comma-separated, but sources one
 * `src=` per name (a name may hold a comma); instants in UTC
 * with `Z`. `v=1` leads whenever anything is written; the default view is the empty string, so a bare
 * page URL stays bare (a link without `v` is read as the current version).
 * serializeViewState({ ...DEFAULT_VIEW, range: '24h', codes: ['1310', '1308'] }) -> 'v=1&range=24h&code=1308,1310'
 */
export function serializeViewState(view: ViewState): string {
  const v = normalizeViewState(view);
  const parts: string[] = [];
  if (isAbsoluteRange(v.range)) parts.push(`from=${formatInstant(v.range.from)}`, `to=${formatInstant(v.range.to)}`);
  else if (v.range !== DEFAULT_VIEW.range) parts.push(`range=${v.range}`);
  pushList(parts, 'cat', v.categories);
  pushList(parts, 'code', v.codes);
  pushList(parts, 'verdict', v.verdicts);
  for (const source of v.sources) parts.push(`src=${encodeComponent(source)}`);
  if (v.q !== DEFAULT_VIEW.q) parts.push(`q=${encodeComponent(v.q)}`);
  if (v.order !== DEFAULT_VIEW.order) parts.push(`order=${v.order}`);
  if (v.tz !== DEFAULT_VIEW.tz) parts.push(`tz=${encodeComponent(v.tz)}`);
  if (v.resetOffsetMinutes !== DEFAULT_VIEW.resetOffsetMinutes) parts.push(`rtz=${encodeComponent(encodeResetOffset(v.resetOffsetMinutes))}`);
  if (v.stream !== null) parts.push(`stream=${encodeComponent(v.stream)}`);
  if (v.streamRead !== null) parts.push(`read=${v.streamRead}`);
  return parts.length === 0 ? '' : [`v=${VIEW_FORMAT_VERSION}`, ...parts].join('&');
}

/** List items are letters, digits, `-` and `_` only (the codecs guarantee it), so commas stay literal. */
function pushList(parts: string[], name: string, items: readonly string[]): void {
  if (items.length > 0) parts.push(`${name}=${items.map(encodeComponent).join(',')}`);
}

/** Two views are the same when they write the same link (list order and duplicates do not matter). */
export function isSameView(a: ViewState, b: ViewState): boolean {
  return serializeViewState(a) === serializeViewState(b);
}
