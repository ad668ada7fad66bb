import type { EventStore } from '../store/event-store';
import { categoryIdOf, familyIdOf, verdictIdOf } from '../store/ids';

/** Per-code-id tallies over a set of events, shared by the overview and the breakdown table. */
export interface CodeStats {
  readonly count: Uint32Array;
  /** First and last event time per code id (NaN when all its events are undated). */
  readonly first: Float64Array;
  readonly last: Float64Array;
  /** Verdict, category and family id of the code (from its first event; a code has one catalog entry). */
  readonly verdict: Uint8Array;
  readonly category: Uint8Array;
  readonly family: Uint8Array;
}

export function tallyCodes(store: EventStore, indices: Uint32Array): CodeStats {
  const n = store.codes.values.length;
  const stats: CodeStats = {
    count: new Uint32Array(n),
    first: new Float64Array(n).fill(NaN),
    last: new Float64Array(n).fill(NaN),
    verdict: new Uint8Array(n),
    category: new Uint8Array(n),
    family: new Uint8Array(n),
  };
  const c = store.columns;
  for (let k = 0; k < indices.length; k += 1) {
    const i = indices[k] ?? 0;
    const id = c.code[i] ?? 0;
    const t = c.time[i] ?? NaN;
    if (stats.count[id] === 0) {
      const classes = c.classes[i] ?? 0;
      stats.verdict[id] = verdictIdOf(classes);
      stats.category[id] = categoryIdOf(classes);
      stats.family[id] = familyIdOf(classes);
    }
    stats.count[id] = (stats.count[id] ?? 0) + 1;
    if (Number.isNaN(t)) continue;
    const first = stats.first[id] ?? NaN;
    const last = stats.last[id] ?? NaN;
    if (Number.isNaN(first) || t < first) stats.first[id] = t;
    if (Number.isNaN(last) || t > last) stats.last[id] = t;
  }
  return stats;
}
