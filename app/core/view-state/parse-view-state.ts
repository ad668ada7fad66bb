import { createDropLog, type DropLog, type DroppedParam } from './dropped';
import { firstValid } from './first-valid';
import { decodeRange } from './range-codec';
import { categoriesCodec, codesCodec, decodeList, sourcesCodec, verdictsCodec, type ListCodec } from './list-codecs';
import { readQueryPairs } from './query-string';
import { canChooseRead, decodeOrder, decodeQuery, decodeResetOffset, decodeStreamRead, decodeTimeZone, decodeVersion, type Decoded } from './scalar-codecs';
import { decodeStream, holdsSecret, redactStream, removedNotice } from './stream-codec';
import { DEFAULT_VIEW, type ViewState } from './view-state';

/** URL parameter names in canonical order. */
export const PARAM_NAMES = ['v', 'range', 'from', 'to', 'cat', 'code', 'verdict', 'src', 'q', 'order', 'tz', 'rtz', 'stream', 'read'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];

const KNOWN: readonly string[] = PARAM_NAMES;

export interface ParsedView {
  readonly view: ViewState;
  /** Everything not taken, for ONE notice; empty for a canonical link. */
  readonly dropped: DroppedParam[];
  /** The link held a password or token that the view left out: the page's address should lose it at once. */
  readonly heldSecrets: boolean;
}

/**
 * Reads the view from a query string (with or without `?`). Never throws. Rules:
 * - unknown parameters (including `__proto__[x]`) and empty values are dropped;
 * - lists (`cat`, `code`, `verdict`, `src`): every occurrence counts, invalid items are dropped one by one;
 * - scalars (`range`, `from`, `to`, `q`, `order`, `tz`, `stream`, `read`, `v`): the first valid occurrence wins, later ones
 *   are dropped as duplicates;
 * - `from`/`to` win over `range`; `from > to` is swapped, `from == to` dropped (see range-codec.ts).
 * parseViewState('?v=1&range=24h&code=1308,abc') -> view with range '24h', codes ['1308'], one dropped entry
 */
export function parseViewState(search: string): ParsedView {
  const log = createDropLog();
  const secrets = { held: false };
  try {
    return { view: readView(String(search), log, secrets), dropped: log.toList(), heldSecrets: secrets.held };
  } catch {
    // Last resort: every codec is total, so this is not expected; a broken link must still show the page.
    log.add('…', '', 'the link could not be read; the default view is shown');
    return { view: DEFAULT_VIEW, dropped: log.toList(), heldSecrets: secrets.held };
  }
}

function readView(search: string, log: DropLog, secrets: { held: boolean }): ViewState {
  const values = groupByName(search, log);
  const all = (name: ParamName): string[] => values.get(name) ?? [];
  const list = <T extends string>(codec: ListCodec<T>): T[] =>
    decodeList(codec, all(codec.param as ParamName), (value, reason) => log.add(codec.param, value, reason));
  firstValid('v', all('v'), decodeVersion, log);
  // Every value, taken or not: a second stream= with a token is in the address too.
  if (all('stream').some(holdsSecret)) secrets.held = true;
  const stream = firstValid('stream', all('stream'), decodeStreamParam(log), log, redactStream);
  const reads = all('read');
  if (!canChooseRead(stream ?? null)) for (const value of reads) log.add('read', value, 'only an http or https stream has a choice of reading');
  const streamRead = canChooseRead(stream ?? null) ? firstValid('read', reads, decodeStreamRead, log) : undefined;
  return {
    range: decodeRange({ range: all('range'), from: all('from'), to: all('to') }, log),
    categories: list(categoriesCodec),
    codes: list(codesCodec),
    verdicts: list(verdictsCodec),
    sources: list(sourcesCodec),
    q: firstValid('q', all('q'), decodeQuery, log) ?? DEFAULT_VIEW.q,
    tz: firstValid('tz', all('tz'), decodeTimeZone, log) ?? DEFAULT_VIEW.tz,
    stream: stream ?? DEFAULT_VIEW.stream,
    streamRead: streamRead ?? DEFAULT_VIEW.streamRead,
    resetOffsetMinutes: firstValid('rtz', all('rtz'), decodeResetOffset, log) ?? DEFAULT_VIEW.resetOffsetMinutes,
    order: firstValid('order', all('order'), decodeOrder, log) ?? DEFAULT_VIEW.order,
  };
}

/** Known names -> their non-empty values in order; a Map, so hostile names cannot touch prototypes. */
function groupByName(search: string, log: DropLog): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const { name, value } of readQueryPairs(search, log)) {
    if (!KNOWN.includes(name)) log.add(name, value, 'unknown parameter');
    else if (value.trim() === '') log.add(name, value, 'empty value');
    else {
      const list = values.get(name);
      if (list === undefined) values.set(name, [value]);
      else list.push(value);
    }
  }
  return values;
}

function decodeStreamParam(log: DropLog): (raw: string) => Decoded<string> {
  return (raw) => {
    const decoded = decodeStream(raw);
    if ('reason' in decoded) return decoded;
    if (decoded.removed.length > 0) log.add('stream', decoded.stream, removedNotice(decoded.removed));
    return { value: decoded.stream };
  };
}
