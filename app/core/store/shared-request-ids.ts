import type { EventStore } from './event-store';

/**
 * Request ids that events of more than one source hold: the same failed request, logged by the agent, its proxy
 * and the browser, is one event per source. Counted so the page can say so; the events stay as read.
 */
export interface SharedRequestIds {
  /** False when the store holds more ids than are checked (MAX_CHECKED_IDS): the counts are then zero. */
  readonly checked: boolean;
  /** Distinct request ids found in two sources or more. */
  readonly ids: number;
  /** Per source id: its events whose request id another source's event holds too. */
  readonly eventsBySource: ReadonlyArray<readonly [sourceId: number, events: number]>;
}

/** Past this many events with an id the table (12 bytes a slot, two slots an id, and 4 bytes an event) is not built. */
export const MAX_CHECKED_IDS = 1_000_000;

/** Source ids are 16-bit in the store. */
const SOURCE_IDS = 0x10000;

/**
 * sharedRequestIds(store) -> { checked: true, ids: 1, eventsBySource: [[0, 1], [2, 1]] } when sources 0 and 2
 * each hold an event of one request id. An id is known by its bytes in the store's pool (the pool writes each id
 * one way, packed hex or text, so equal ids have equal bytes): a table keyed by their hash, each slot pointing at
 * the bytes of the first event that held the id, which a match compares whole.
 */
export function sharedRequestIds(store: EventStore, maxIds = MAX_CHECKED_IDS): SharedRequestIds {
  const { requestIdLength: lengths, source } = store.columns;
  const bytes = store.requestIds.bytes;
  let withId = 0;
  for (let i = 0; i < store.size; i += 1) if ((lengths[i] ?? 0) > 0) withId += 1;
  if (withId > maxIds) return { checked: false, ids: 0, eventsBySource: [] };
  if (withId === 0) return { checked: true, ids: 0, eventsBySource: [] };
  let slots = 2;
  while (slots < withId * 2) slots *= 2;
  // A slot's three words side by side: a probe reads one cache line, not one per array.
  const table = new Uint32Array(slots * SLOT_WORDS);
  const mask = slots - 1;
  // The slot of each event with an id, in store order, so the count per source needs no second probe.
  const slotOfRow = new Uint32Array(withId);
  let ids = 0;
  for (let i = 0, start = 0, row = 0; i < store.size; start += lengths[i] ?? 0, i += 1) {
    const length = lengths[i] ?? 0;
    if (length === 0) continue;
    const hash = hashOf(bytes, start, length);
    const from = source[i] ?? 0;
    let slot = hash & mask;
    for (;;) {
      const at = slot * SLOT_WORDS;
      const state = table[at + 2] ?? 0;
      if (state === 0) {
        table[at] = hash;
        table[at + 1] = start;
        table[at + 2] = OCCUPIED | (length << 16) | from;
        break;
      }
      if (table[at] === hash && (state >>> 16 & 0xff) === length && sameBytes(bytes, table[at + 1] ?? 0, start, length)) {
        if ((state & 0xffff) !== from && (state & SHARED) === 0) {
          table[at + 2] = state | SHARED;
          ids += 1;
        }
        break;
      }
      slot = (slot + 1) & mask;
    }
    slotOfRow[row] = slot;
    row += 1;
  }
  const perSource = new Uint32Array(SOURCE_IDS);
  for (let i = 0, row = 0; i < store.size && ids > 0; i += 1) {
    if ((lengths[i] ?? 0) === 0) continue;
    if (((table[(slotOfRow[row] ?? 0) * SLOT_WORDS + 2] ?? 0) & SHARED) !== 0) {
      const from = source[i] ?? 0;
      perSource[from] = (perSource[from] ?? 0) + 1;
    }
    row += 1;
  }
  const eventsBySource: [number, number][] = [];
  perSource.forEach((events, sourceId) => events > 0 && eventsBySource.push([sourceId, events]));
  return { checked: true, ids, eventsBySource };
}

/**
 * Open addressing with linear probing, never more than half full, so a probe ends at an empty slot. A slot is
 * three words: the id's hash; where in the pool the first event holding it has its bytes; and its state: occupied,
 * shared (held by a second source), the id's length in bytes (bits 16-23) and the first source (bits 0-15).
 */
const SLOT_WORDS = 3;
const OCCUPIED = 1 << 24;
const SHARED = 1 << 25;

function sameBytes(bytes: Uint8Array, at: number, start: number, length: number): boolean {
  for (let k = 0; k < length; k += 1) if (bytes[at + k] !== bytes[start + k]) return false;
  return true;
}

/** FNV-1a over the id's bytes. */
function hashOf(bytes: Uint8Array, start: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let k = start; k < start + length; k += 1) hash = Math.imul(hash ^ (bytes[k] ?? 0), 0x01000193);
  return hash >>> 0;
}
