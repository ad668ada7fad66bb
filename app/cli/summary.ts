import { QUOTA_WINDOWS } from '../core/catalog/types';
import type { IngestedEvent } from '../core/formats/types';
import { mergeLedgers } from '../core/ledger/ledger';
import type { Ledger } from '../core/ledger/types';
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

/** The events of a summary, without its files: plain data, so it can cross to another thread. */
export interface SummaryPart {
  readonly byCode: ReadonlyArray<readonly [string, number]>;
  readonly byCategory: ReadonlyArray<readonly [string, number]>;
  readonly resets: readonly LatestReset[];
}

function countInto(map: Map<string, number>, key: string, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

function sortedObject(map: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
}

function fileSummary(file: string, ledger: Ledger): Record<string, unknown> {
  const { examples: _examples, ...counts } = ledger;
  return { file, ...counts };
}

/** Accumulates `summarize` output as events and file ledgers arrive; holds no event list. */
export function createSummary(): Summary {
  const byCode = new Map<string, number>();
  const byCategory = new Map<string, number>();
  const resets = new Map<string, LatestReset>();
  const files: Array<{ file: string; ledger: Ledger }> = [];
  /** Strictly later wins: an equal reset keeps the earlier event. */
  const keepLatest = (reset: LatestReset): void => {
    const latest = resets.get(reset.window);
    if (latest === undefined || reset.at > latest.at) resets.set(reset.window, reset);
  };

  return {
    addEvent: (file, event) => {
      countInto(byCode, event.details.code ?? event.entry?.code ?? 'none');
      countInto(byCategory, event.entry?.category ?? 'uncatalogued');
      const at = plausibleResetAt(event);
      const window = event.details.window ?? event.entry?.window ?? null;
      if (at === null || window === null) return;
      keepLatest({ code: event.details.code, window, at, file, line: event.line });
    },
    addFile: (file, ledger) => files.push({ file, ledger }),
    partState: () => ({ byCode: [...byCode], byCategory: [...byCategory], resets: [...resets.values()] }),
    addPart: (part, lineShift) => {
      for (const [code, n] of part.byCode) countInto(byCode, code, n);
      for (const [category, n] of part.byCategory) countInto(byCategory, category, n);
      for (const reset of part.resets) keepLatest({ ...reset, line: reset.line + lineShift });
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
        byCode: sortedObject(byCode),
        byCategory: sortedObject(byCategory),
        resets: QUOTA_WINDOWS.flatMap((w) => {
          const r = resets.get(w);
          return r ? [{ code: r.code, window: r.window, resetAt: toIso(r.at), file: r.file, line: r.line }] : [];
        }),
        files: files.map((f) => fileSummary(f.file, f.ledger)),
        bytes: { read: total.bytesRead, inLines: total.bytesInLines, unsplittable: total.bytesUnsplittable, source: total.sourceBytes },
      };
    },
  };
}
