import { markContaining } from '../store/byte-pool';
import type { EventStore } from '../store/event-store';
import { CATEGORY_TABLE, toTableId, VERDICT_TABLE } from '../store/ids';
import type { StringTable } from '../store/string-table';
import { NO_CODE, type ViewState } from '../view-state/view-state';

/**
 * Per-facet lookup tables, indexed by the ids stored in the columns: mask[id] === 1 when an event with
 * that id passes. Null = no filter on that facet. Built once per filter pass, so the pass over 1 M events
 * reads only typed arrays.
 */
export interface FacetMasks {
  readonly category: Uint8Array | null;
  readonly verdict: Uint8Array | null;
  readonly code: Uint8Array | null;
  readonly source: Uint8Array | null;
  readonly text: TextMasks | null;
}

/** Free text matches when the message, the code or the request id contains it (case-insensitive). */
export interface TextMasks {
  /** By message id and code id: each distinct string is tested once. */
  readonly message: Uint8Array;
  readonly code: Uint8Array;
  /** By event index: request ids are not interned (see store/byte-pool.ts). */
  readonly requestId: Uint8Array;
}

export function buildFacetMasks(store: EventStore, view: ViewState): FacetMasks {
  return {
    category: tableMask(CATEGORY_TABLE, view.categories),
    verdict: tableMask(VERDICT_TABLE, view.verdicts),
    code: view.codes.length === 0 ? null : codeMask(store.codes, view.codes),
    source: view.sources.length === 0 ? null : sourceMask(view.sources),
    text: view.q === '' ? null : textMasks(store, view.q),
  };
}

/** True when no facet filters anything. */
export function hasNoFacet(masks: FacetMasks): boolean {
  return masks.category === null && masks.verdict === null && masks.code === null && masks.source === null && masks.text === null;
}

function tableMask<T>(table: readonly T[], selected: readonly T[]): Uint8Array | null {
  if (selected.length === 0) return null;
  const mask = new Uint8Array(table.length + 1);
  for (const value of selected) {
    const id = toTableId(table, value);
    if (id > 0) mask[id] = 1;
  }
  return mask;
}

function codeMask(codes: StringTable, selected: readonly string[]): Uint8Array {
  const mask = new Uint8Array(codes.values.length);
  for (const code of selected) {
    const id = code === NO_CODE ? 0 : codes.ids.get(code);
    if (id !== undefined) mask[id] = 1;
  }
  return mask;
}

/** Source ids are numbers in the store and canonical decimal strings in the view ('3', not '03'). */
function sourceMask(selected: readonly string[]): Uint8Array {
  const mask = new Uint8Array(0x10000);
  for (const source of selected) {
    const id = Number(source);
    if (Number.isInteger(id) && id >= 0 && id <= 0xffff && String(id) === source) mask[id] = 1;
  }
  return mask;
}

function textMasks(store: EventStore, q: string): TextMasks {
  const needle = q.toLowerCase();
  const { requestIdStart, requestIdLength } = store.columns;
  return {
    message: stringMask(store.messages, needle),
    code: stringMask(store.codes, needle),
    requestId: markContaining(store.requestIds, requestIdStart, requestIdLength, store.size, needle),
  };
}

/** Each distinct string is tested once, however many events carry it. */
function stringMask(table: StringTable, needle: string): Uint8Array {
  const mask = new Uint8Array(table.values.length);
  for (let id = 1; id < table.values.length; id += 1) {
    if ((table.values[id] ?? '').toLowerCase().includes(needle)) mask[id] = 1;
  }
  return mask;
}
