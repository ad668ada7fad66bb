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

/** Past this many events with an id the table (13 bytes a slot, two slots an id) is not built. */
export const MAX_CHECKED_IDS = 1_000_000;

const EMPTY = -1;

/**
 * sharedRequestIds(store) -> { checked: true, ids: 1, eventsBySource: [[0, 1], [2, 1]] } when sources 0 and 2
 * each hold an event of one request id. An id is known by its bytes in the store's pool: the pool writes each id
 * one way (packed hex or text), so equal ids have equal bytes. Two independent 32-bit hashes stand for the bytes
 * (a false match among a million ids: about one chance in 30 million).
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
  const table: Table = { mask: slots - 1, first: new Uint32Array(slots), second: new Uint32Array(slots), owner: new Int32Array(slots).fill(EMPTY) };
  const shared = new Uint8Array(slots);
  let ids = 0;
  for (let i = 0, start = 0; i < store.size; start += lengths[i] ?? 0, i += 1) {
    const length = lengths[i] ?? 0;
    if (length === 0) continue;
    const slot = find(table, bytes, start, length);
    const from = source[i] ?? 0;
    if (table.owner[slot] === EMPTY) {
      table.first[slot] = hashA;
      table.second[slot] = hashB;
      table.owner[slot] = from;
    } else if (table.owner[slot] !== from && shared[slot] === 0) {
      shared[slot] = 1;
      ids += 1;
    }
  }
  // A second pass finds each event's slot again: a column of slots would take 4 bytes per event of the store.
  const events = new Map<number, number>();
  for (let i = 0, start = 0; i < store.size && ids > 0; start += lengths[i] ?? 0, i += 1) {
    const length = lengths[i] ?? 0;
    if (length > 0 && shared[find(table, bytes, start, length)] === 1) events.set(source[i] ?? 0, (events.get(source[i] ?? 0) ?? 0) + 1);
  }
  return { checked: true, ids, eventsBySource: [...events].sort((a, b) => a[0] - b[0]) };
}

interface Table {
  readonly mask: number;
  readonly first: Uint32Array;
  readonly second: Uint32Array;
  readonly owner: Int32Array;
}

let hashA = 0;
let hashB = 0;

/** The slot of the id's bytes: where they are, or the empty slot where they go (hashA and hashB set). */
function find(table: Table, bytes: Uint8Array, start: number, length: number): number {
  hash(bytes, start, length);
  let slot = hashA & table.mask;
  while (table.owner[slot] !== EMPTY && (table.first[slot] !== hashA || table.second[slot] !== hashB)) slot = (slot + 1) & table.mask;
  return slot;
}

/** FNV-1a and a multiply-xorshift of the same bytes, each 32 bits, into hashA and hashB. */
function hash(bytes: Uint8Array, start: number, length: number): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ length;
  for (let k = start; k < start + length; k += 1) {
    const byte = bytes[k] ?? 0;
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b ^ byte, 0x5bd1e995);
    b ^= b >>> 15;
  }
  hashA = a >>> 0;
  hashB = b >>> 0;
}
