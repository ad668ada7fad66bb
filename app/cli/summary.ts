import { QUOTA_WINDOWS } from '../core/catalog/types';
import type { IngestedEvent } from '../core/formats/types';
import { MAX_EXAMPLE_CHARS, mergeLedgers } from '../core/ledger/ledger';
import type { Ledger } from '../core/ledger/types';
import { MAX_CHECKED_IDS } from '../core/store';
import { toDisplayText } from '../core/text/display-text';
import { createSharedIdCount, type SharedIdPart } from './shared-ids';
import { plausibleResetAt, toIso } from './event-json';

interface LatestReset {
  readonly code: string | null;
  readonly window: string;
  readonly at: number;
  readonly file: string;
  readonly line: number;
}

export interface Summary {
  addEvent(file: string, event: IngestedEvent): void;
  addFile(file: string, ledger: Ledger): void;
  toJson(): Record<string, unknown>;
  /** What the events added so far contribute, to be added to another summary with `addPart`. */
  partState(): SummaryPart;
  /** Adds the events of a later part of a file (read in parallel), as if each had been added after the ones before. */
  addPart(part: SummaryPart, lineShift: number): void;
}

/** Resets of one window set aside as implausible (before their event, or beyond the window): no countdown. */
interface SetAsideResets {
  readonly window: string;
  readonly count: number;
  /** The one of the latest event. */
  readonly latest: { readonly code: string | null; readonly written: string; readonly reason: string | null; readonly ts: number; readonly file: string; readonly line: number };
}

/** The events of a summary, without its files: plain data, so it can cross to another thread. */
export interface SummaryPart {
  readonly byCode: ReadonlyArray<readonly [string, number]>;
  readonly byCategory: ReadonlyArray<readonly [string, number]>;
  readonly resets: readonly LatestReset[];
  readonly setAside: readonly SetAsideResets[];
  readonly requestIds: SharedIdPart;
}

/** A count that the map holds by reference: adding to a key costs one lookup, not a lookup and a set. */
interface Counter {
  n: number;
}

function countInto(map: Map<string, Counter>, key: string, n = 1): void {
  const counter = map.get(key);
  if (counter === undefined) map.set(key, { n });
  else counter.n += n;
}

function counts(map: Map<string, Counter>): Array<[string, number]> {
  return [...map].map(([key, counter]) => [key, counter.n]);
}

function sortedObject(map: Map<string, Counter>): Record<string, number> {
  return Object.fromEntries(counts(map).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
}

/** Characters of a rejected line shown in `summarize` (graphemes; the ledger keeps 300). */
const PREVIEW_CHARS = 80;

/**
 * A file's ledger for `summarize` (a gzip file's with its `compressed` ledger: the file's own bytes, where
 * `bytesRead` and the rest count the text it unpacked to), its examples of rejected lines made short: per reason, each line's number, its
 * full size in bytes and the start of its text, with controls, bidi and zero-width characters shown as visible
 * marks (`⟨U+202E⟩`, `␛`) and `…` where it was cut.
 * Example: `{ line_too_long: [{ line: 1, bytes: 104857600, preview: 'xxxx…' }] }`.
 */
function fileSummary(file: string, ledger: Ledger): Record<string, unknown> {
  const { examples, ...counts } = ledger;
  const shortExamples = Object.entries(examples).map(([reason, list]) => [
    reason,
    (list ?? []).map(({ line, bytes, text }) => {
      const { shown, truncated } = toDisplayText(text, PREVIEW_CHARS);
      // A text as long as the ledger keeps was cut there, even when it is few graphemes (emoji sequences).
      return { line, bytes, preview: truncated || text.length >= MAX_EXAMPLE_CHARS ? `${shown}…` : shown };
    }),
  ]);
  return { file, ...counts, examples: Object.fromEntries(shortExamples) };
}

/**
 * Accumulates `summarize` output as events and file ledgers arrive; holds no event list. Request ids are
 * compared across files only when `compareRequestIds` (a run of one file has none to share, and a table of
 * every id would slow it).
 */
export function createSummary({ compareRequestIds = false }: { readonly compareRequestIds?: boolean } = {}): Summary {
  const byCode = new Map<string, Counter>();
  const byCategory = new Map<string, Counter>();
  const resets = new Map<string, LatestReset>();
  const setAside = new Map<string, SetAsideResets>();
  const files: Array<{ file: string; ledger: Ledger }> = [];
  const sharedIds = createSharedIdCount(compareRequestIds ? MAX_CHECKED_IDS : 0);
  /** As the page's resets panel: the count, and the reset of the latest event (strictly later wins). */
  const addSetAside = (group: SetAsideResets): void => {
    const known = setAside.get(group.window);
    if (known === undefined) return void setAside.set(group.window, group);
    setAside.set(group.window, { window: group.window, count: known.count + group.count, latest: group.latest.ts > known.latest.ts ? group.latest : known.latest });
  };
  /** Strictly later wins: an equal reset keeps the earlier event. */
  const isLatest = (window: string, at: number): boolean => {
    const latest = resets.get(window);
    return latest === undefined || at > latest.at;
  };

  return {
    addEvent: (file, event) => {
      countInto(byCode, event.details.code ?? event.entry?.code ?? 'none');
      countInto(byCategory, event.entry?.category ?? 'uncatalogued');
      if (compareRequestIds && event.details.requestId !== null) sharedIds.add(file, event.details.requestId);
      const at = plausibleResetAt(event);
      const window = event.details.window ?? event.entry?.window ?? null;
      const { reset, ts } = event.details;
      if (reset !== null && !reset.plausible && window !== null && ts !== null) {
        addSetAside({ window, count: 1, latest: { code: event.details.code, written: reset.raw, reason: reset.implausibleReason, ts, file, line: event.line } });
      }
      if (at === null || window === null || !isLatest(window, at)) return;
      resets.set(window, { code: event.details.code, window, at, file, line: event.line });
    },
    addFile: (file, ledger) => files.push({ file, ledger }),
    partState: () => ({ byCode: counts(byCode), byCategory: counts(byCategory), resets: [...resets.values()], setAside: [...setAside.values()], requestIds: sharedIds.part() }),
    addPart: (part, lineShift) => {
      for (const [code, n] of part.byCode) countInto(byCode, code, n);
      for (const [category, n] of part.byCategory) countInto(byCategory, category, n);
      for (const reset of part.resets) if (isLatest(reset.window, reset.at)) resets.set(reset.window, { ...reset, line: reset.line + lineShift });
      for (const group of part.setAside) addSetAside({ ...group, latest: { ...group.latest, line: group.latest.line + lineShift } });
      sharedIds.addPart(part.requestIds);
    },
    toJson: () => {
      const total = mergeLedgers(files.map((f) => f.ledger));
      const rejected = Object.values(total.rejected).reduce((n, v) => n + (v ?? 0), 0);
      return {
        lines: total.lines,
        outcomes: { catalogued: total.catalogued, uncatalogued: total.uncatalogued, nonError: total.nonError, rejected },
        rejectedByReason: total.rejected,
        events: total.events,
        retriesFolded: total.retriesFolded,
        recordsCut: total.recordsCut,
        byCode: sortedObject(byCode),
        byCategory: sortedObject(byCategory),
        resets: QUOTA_WINDOWS.flatMap((w) => {
          const r = resets.get(w);
          return r ? [{ code: r.code, window: r.window, resetAt: toIso(r.at), file: r.file, line: r.line }] : [];
        }),
        resetsSetAside: QUOTA_WINDOWS.flatMap((w) => {
          const group = setAside.get(w);
          if (group === undefined) return [];
          const { latest } = group;
          return [{ window: w, count: group.count, latest: { code: latest.code, written: latest.written, reason: latest.reason, eventAt: toIso(latest.ts), file: latest.file, line: latest.line } }];
        }),
        // Not compared in a run of one file: there is no other file to share an id with.
        sharedRequestIds: compareRequestIds ? sharedIds.toJson() : { checked: false, ids: 0, eventsByFile: {} },
        files: files.map((f) => fileSummary(f.file, f.ledger)),
        // Text bytes (a plain file's own, a gzip file's once unpacked); with any gzip file, the gzip files' own bytes apart.
        bytes: {
          read: total.bytesRead, inLines: total.bytesInLines, unsplittable: total.bytesUnsplittable, source: total.sourceBytes,
          ...(total.compressed === undefined
            ? {}
            : { compressed: { read: total.compressed.bytesRead, inflated: total.compressed.bytesInflated, unsplittable: total.compressed.bytesUnsplittable } }),
        },
      };
    },
  };
}
