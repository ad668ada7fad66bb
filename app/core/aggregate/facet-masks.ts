import { markRequestIdsContaining } from '../store/request-ids';
import type { EventStore } from '../store/event-store';
import { CATEGORY_TABLE, toTableId, VERDICT_TABLE } from '../store/ids';
import type { StringTable } from '../store/string-table';
import { messageTextOf, WORDING_BASE, wordingParts } from '../store/message-ids';
import { isResetChar, type ResetTable } from '../store/reset-table';
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
  /** By wording id (message ids from WORDING_BASE on): 1 when every message of that wording matches. */
  readonly wording: Uint8Array;
  /**
   * By event index: request ids are not interned (see store/request-ids.ts), and a message written as a
   * wording matches by the text of its row's reset when its wording alone cannot tell.
   */
  readonly rows: Uint8Array;
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
  const rows = markRequestIdsContaining(store.requestIds, store.columns.requestIdLength, store.size, needle);
  const wording = wordingMask(store, needle);
  if (wording.some((v) => v === MAYBE)) markWordingRows(store, wording, needle, rows);
  return { message: stringMask(store.messages, needle), code: stringMask(store.codes, needle), wording, rows };
}

const MAYBE = 2;

/**
 * By wording: 1 when the text around the hole holds the needle (every row matches), MAYBE when a match
 * could run into the row's reset text, 0 when none can. The last is decided from the characters reset texts
 * are made of: a match across the hole is the end of the text before it, then characters of a reset text,
 * then the start of the text after it.
 */
function wordingMask(store: EventStore, needle: string): Uint8Array {
  const mask = new Uint8Array(store.wordings.values.length);
  for (let id = 1; id < store.wordings.values.length; id += 1) {
    const [before, after] = wordingParts(store.wordings.values[id] ?? '');
    const [lowBefore, lowAfter] = [before.toLowerCase(), after.toLowerCase()];
    // Lower-casing Σ depends on what follows it: the whole text is read row by row.
    if (before.includes('Σ') || after.includes('Σ')) mask[id] = MAYBE;
    else if (lowBefore.includes(needle) || lowAfter.includes(needle)) mask[id] = 1;
    else mask[id] = mayCross(lowBefore, lowAfter, needle, store.resets) ? MAYBE : 0;
  }
  return mask;
}

/** Whether needle = x + y + z with x ending `before`, y a non-empty run of reset-text characters, z starting `after`. */
function mayCross(before: string, after: string, needle: string, resets: ResetTable): boolean {
  if (resets.otherRaw.size > 0) return true;
  for (let start = 0; start < needle.length; start += 1) {
    if (!before.endsWith(needle.slice(0, start))) continue;
    for (let end = start; end < needle.length && isResetChar(resets, needle.charCodeAt(end)); end += 1) {
      if (after.startsWith(needle.slice(end + 1))) return true;
    }
  }
  return false;
}

/** Marks the rows of MAYBE wordings whose whole message holds the needle; each wording and reset pair is read once. */
function markWordingRows(store: EventStore, wording: Uint8Array, needle: string, rows: Uint8Array): void {
  const { message, reset } = store.columns;
  const known = new Map<number, boolean>();
  for (let i = 0; i < store.size; i += 1) {
    const id = message[i] ?? 0;
    if (id < WORDING_BASE || wording[id - WORDING_BASE] !== MAYBE) continue;
    const resetId = reset[i] ?? 0;
    const key = (id - WORDING_BASE) * store.resets.size + resetId;
    let hit = known.get(key);
    if (hit === undefined) {
      hit = (messageTextOf(store, id, resetId) ?? '').toLowerCase().includes(needle);
      known.set(key, hit);
    }
    if (hit) rows[i] = 1;
  }
}

/** Each distinct string is tested once, however many events carry it. */
function stringMask(table: StringTable, needle: string): Uint8Array {
  const mask = new Uint8Array(table.values.length);
  for (let id = 1; id < table.values.length; id += 1) {
    if ((table.values[id] ?? '').toLowerCase().includes(needle)) mask[id] = 1;
  }
  return mask;
}
