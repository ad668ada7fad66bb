import type { ResetInfo } from '../classify/outcome';
import { appendAscii, appendBytes, createBytePool, readText, type BytePool } from './byte-pool';
import { GROWTH } from './columns';
import { releaseBuffers } from './release-buffers';
import { capString, detachString, RECENT_LOOKUP } from './string-table';
import { isWallClockText, wallClockText } from '../time/civil';

/**
 * Interned quota resets, one row per distinct reset, in typed arrays. The same reset shows up in thousands
 * of errors (RELIABILITY F8), so events hold an id. A storm that names a new reset each second adds a row
 * per error: about 30 bytes here, where an object and its own copy of the text took about 200 and were
 * moved by every garbage collection while the log was read. Id 0 = no reset. resetInfo reads a row back.
 */
export interface ResetTable {
  /**
   * Recent rows (the last RECENT_LOOKUP added) in an open-addressing hash set keyed by their text and
   * judgment: a slot holds a row id (0: empty), confirmed field by field. In a storm every error names another
   * reset: a map keyed by the text hashed a new string, kept a copy of it and an array per row.
   */
  readonly slots: Int32Array;
  /** Rows in `slots`. */
  slotted: number;
  /** Rows in use, row 0 ("no reset") included. */
  size: number;
  /** Epoch ms; NaN where null (AT_NULL). */
  at: Float64Array;
  /** NaN where null (OFFSET_NULL). */
  assumedOffsetMinutes: Float64Array;
  /** PRESENT, DATE_ONLY, PLAUSIBLE, AT_NULL, OFFSET_NULL. */
  bits: Uint8Array;
  /** Index + 1 into `reasons` (0: no reason): a reason is often shared ("not a valid date"). */
  reasonIds: Uint32Array;
  readonly reasons: string[];
  /** reasons[i] -> i + 1; a reason can name a span ("… 3 h before …"), so there can be many. */
  readonly reasonIndex: Map<string, number>;
  /**
   * The text as written: ASCII (every stamp) as bytes in `raw`; other text, rare, in `otherRaw` (length OTHER_RAW);
   * none for the wall time of the row's instant at its offset (length WALL_CLOCK_RAW), most quota resets.
   */
  rawStart: Uint32Array;
  rawLength: Uint8Array;
  readonly raw: BytePool;
  readonly otherRaw: Map<number, string>;
  /** One bit per ASCII character (lower-cased) some text in `raw` holds: what text search can meet in a reset. */
  readonly rawChars: Uint32Array;
}

export const PRESENT = 1;
export const DATE_ONLY = 2;
export const PLAUSIBLE = 4;
export const AT_NULL = 8;
export const OFFSET_NULL = 16;

/** Reset texts are kept to this many characters. */
export const RESET_RAW_MAX = 100;
const OTHER_RAW = 255;
/** A text that is its instant's wall time at its offset (`2026-11-20 11:00:02`, as Z.ai writes resets): not kept, made again when read. */
const WALL_CLOCK_RAW = 254;
const INITIAL_ROWS = 16;
/** Four slots per recent row: probes stay short. */
const RESET_SLOTS = 4 * RECENT_LOOKUP;

export function createResetTable(): ResetTable {
  return {
    slots: new Int32Array(RESET_SLOTS),
    slotted: 0,
    size: 1,
    at: new Float64Array(INITIAL_ROWS),
    assumedOffsetMinutes: new Float64Array(INITIAL_ROWS),
    bits: new Uint8Array(INITIAL_ROWS),
    reasonIds: new Uint32Array(INITIAL_ROWS),
    reasons: [],
    reasonIndex: new Map(),
    rawStart: new Uint32Array(INITIAL_ROWS),
    rawLength: new Uint8Array(INITIAL_ROWS),
    raw: createBytePool(256),
    otherRaw: new Map(),
    rawChars: new Uint32Array(4),
  };
}

export function internReset(table: ResetTable, reset: ResetInfo | null): number {
  if (reset === null) return 0;
  const raw = capString(String(reset.raw), RESET_RAW_MAX);
  const at = typeof reset.at === 'number' && Number.isFinite(reset.at) ? reset.at : null;
  const assumed = typeof reset.assumedOffsetMinutes === 'number' && Number.isFinite(reset.assumedOffsetMinutes) ? reset.assumedOffsetMinutes : null;
  const bits = PRESENT | (reset.dateOnly === true ? DATE_ONLY : 0) | (reset.plausible === true ? PLAUSIBLE : 0) | (at === null ? AT_NULL : 0) | (assumed === null ? OFFSET_NULL : 0);
  const reasonId = reset.implausibleReason === null ? 0 : reasonIdOf(table, capString(String(reset.implausibleReason), RESET_RAW_MAX));
  // Looked up by a hash, then compared field by field: no key string is built or kept per event.
  const mask = RESET_SLOTS - 1;
  const home = slotOf(raw, bits, reasonId);
  let slot = home;
  for (let id = table.slots[slot] ?? 0; id !== 0; id = table.slots[slot] ?? 0) {
    if (isRow(table, id, bits, reasonId, at, assumed, raw)) return id;
    slot = (slot + 1) & mask;
  }
  const id = addRow(table, bits, at ?? NaN, assumed ?? NaN, reasonId, raw);
  if (table.slotted >= RECENT_LOOKUP) {
    table.slots.fill(0);
    table.slotted = 0;
    slot = home;
  }
  table.slots[slot] = id;
  table.slotted += 1;
  return id;
}

function slotOf(raw: string, bits: number, reasonId: number): number {
  let h = Math.imul(bits + 1, 0x9e3779b1) ^ reasonId;
  for (let k = 0; k < raw.length; k += 1) h = (Math.imul(h, 31) + raw.charCodeAt(k)) | 0;
  return (h ^ (h >>> 13)) & (RESET_SLOTS - 1);
}

/** Whether row `id` holds this reset. Equal bits say both instants (and both offsets) are null or neither is. */
function isRow(table: ResetTable, id: number, bits: number, reasonId: number, at: number | null, assumed: number | null, raw: string): boolean {
  if (table.bits[id] !== bits || table.reasonIds[id] !== reasonId) return false;
  if ((at !== null && table.at[id] !== at) || (assumed !== null && table.assumedOffsetMinutes[id] !== assumed)) return false;
  const length = table.rawLength[id];
  if (length === OTHER_RAW) return table.otherRaw.get(id) === raw;
  if (length === WALL_CLOCK_RAW) return isWallClockText(raw, table.at[id] ?? NaN, table.assumedOffsetMinutes[id] ?? NaN);
  // An ASCII text is kept one byte per character; a character over 0x7f never equals a byte here.
  if (length !== raw.length) return false;
  const bytes = table.raw.bytes;
  const start = table.rawStart[id] ?? 0;
  for (let k = 0; k < length; k += 1) if (bytes[start + k] !== raw.charCodeAt(k)) return false;
  return true;
}

/** The reset of row `id` as the classifier gave it (a new frozen object), or null for id 0 or an unknown id. */
export function resetInfo(table: ResetTable, id: number): ResetInfo | null {
  const bits = id > 0 && id < table.size ? (table.bits[id] ?? 0) : 0;
  if ((bits & PRESENT) === 0) return null;
  return Object.freeze({
    raw: resetRaw(table, id),
    at: bits & AT_NULL ? null : (table.at[id] ?? null),
    dateOnly: (bits & DATE_ONLY) !== 0,
    assumedOffsetMinutes: bits & OFFSET_NULL ? null : (table.assumedOffsetMinutes[id] ?? null),
    plausible: (bits & PLAUSIBLE) !== 0,
    implausibleReason: resetReason(table, id),
  });
}

/** Whether the stamp of row `id` gave a day only, with no time of day (E12). */
export function resetDateOnly(table: ResetTable, id: number): boolean {
  return id > 0 && id < table.size && ((table.bits[id] ?? 0) & DATE_ONLY) !== 0;
}

/** Whether row `id`'s stamp had no zone of its own, so was read in an assumed one (false for id 0). */
export function resetZoneAssumed(table: ResetTable, id: number): boolean {
  return id > 0 && id < table.size && ((table.bits[id] ?? 0) & (PRESENT | OFFSET_NULL)) === PRESENT;
}

/** The text of row `id` as written ('' for id 0). */
export function resetRaw(table: ResetTable, id: number): string {
  if (id <= 0 || id >= table.size) return '';
  const length = table.rawLength[id] ?? 0;
  if (length === WALL_CLOCK_RAW) return wallClockText(table.at[id] ?? NaN, table.assumedOffsetMinutes[id] ?? NaN);
  return length === OTHER_RAW ? (table.otherRaw.get(id) ?? '') : readText(table.raw, table.rawStart[id] ?? 0, length);
}

/** Whether some ASCII reset text holds the character `code` (lower-cased: `code` is a lower-case needle's). */
export function isResetChar(table: ResetTable, code: number): boolean {
  return code < 128 && ((table.rawChars[code >> 5] ?? 0) & (1 << (code & 31))) !== 0;
}

/** The implausible reason of row `id`, or null. */
export function resetReason(table: ResetTable, id: number): string | null {
  const reason = id > 0 && id < table.size ? (table.reasonIds[id] ?? 0) : 0;
  return reason === 0 ? null : (table.reasons[reason - 1] ?? null);
}

/**
 * Appends rows 1.. of `part` (a table filled elsewhere, see appendStore) after the rows of `table`; returns
 * how far the part's ids move. Rows are copied as they are, not looked up: a reset may then hold two ids.
 */
export function appendResetTable(table: ResetTable, part: ResetTable): number {
  const shift = table.size - 1;
  const rows = part.size - 1;
  if (rows <= 0) return shift;
  // Grown to fit, not by a growth step: the part's rows come at once, once the file is read (see appendBytes).
  if (table.size + rows > table.bits.length) grow(table, table.size + rows);
  const to = table.size;
  table.at.set(part.at.subarray(1, part.size), to);
  table.assumedOffsetMinutes.set(part.assumedOffsetMinutes.subarray(1, part.size), to);
  table.bits.set(part.bits.subarray(1, part.size), to);
  table.rawLength.set(part.rawLength.subarray(1, part.size), to);
  const reasonOf = part.reasons.map((reason) => reasonIdOf(table, reason));
  const rawBase = appendBytes(table.raw, part.raw.bytes.subarray(0, part.raw.length));
  for (let id = 1; id < part.size; id += 1) {
    const reason = part.reasonIds[id] ?? 0;
    table.reasonIds[id + shift] = reason === 0 ? 0 : (reasonOf[reason - 1] ?? 0);
    table.rawStart[id + shift] = (part.rawStart[id] ?? 0) + rawBase;
  }
  for (const [id, text] of part.otherRaw) table.otherRaw.set(id + shift, text);
  for (let k = 0; k < 4; k += 1) table.rawChars[k] = (table.rawChars[k] ?? 0) | (part.rawChars[k] ?? 0);
  table.size += rows;
  return shift;
}

/** Rebuilds a table with only the rows still used by `column[0..size)` and rewrites the column in place (after removing a source). */
export function compactResetTable(table: ResetTable, column: Uint32Array, size: number): ResetTable {
  const next = createResetTable();
  const ids = new Int32Array(table.size).fill(-1);
  ids[0] = 0;
  for (let i = 0; i < size; i += 1) {
    const id = column[i] ?? 0;
    let kept = id < table.size ? (ids[id] ?? 0) : 0;
    if (kept < 0) {
      kept = internReset(next, resetInfo(table, id));
      ids[id] = kept;
    }
    column[i] = kept;
  }
  return next;
}

/** The typed arrays the table holds. */
function tableArrays(table: ResetTable): ArrayBufferView[] {
  return [table.slots, table.at, table.assumedOffsetMinutes, table.bits, table.reasonIds, table.rawStart, table.rawLength, table.raw.bytes];
}

/** Bytes of the table's typed arrays: what its rows fill (their fields and texts), and what is allocated. */
export function resetTableBytes(table: ResetTable): { readonly used: number; readonly held: number } {
  const rowFields = [table.at, table.assumedOffsetMinutes, table.bits, table.reasonIds, table.rawStart, table.rawLength];
  const perRow = rowFields.reduce((sum, field) => sum + field.BYTES_PER_ELEMENT, 0);
  return { used: (table.size - 1) * perRow + table.raw.length, held: tableArrays(table).reduce((sum, array) => sum + array.byteLength, 0) };
}

/** Releases the memory of a table nothing reads again (see release-buffers.ts). */
export function releaseResetTable(table: ResetTable): void {
  releaseBuffers(tableArrays(table));
}

/** The buffers of the table's rows, to transfer to another worker instead of copying them. */
export function resetTableBuffers(table: ResetTable): ArrayBuffer[] {
  return tableArrays(table).map((a) => a.buffer as ArrayBuffer);
}

function reasonIdOf(table: ResetTable, reason: string): number {
  const known = table.reasonIndex.get(reason);
  if (known !== undefined) return known;
  const kept = detachString(reason);
  const id = table.reasons.push(kept);
  table.reasonIndex.set(kept, id);
  return id;
}

function addRow(table: ResetTable, bits: number, at: number, assumed: number, reasonId: number, raw: string): number {
  const id = table.size;
  if (id === table.bits.length) grow(table, Math.ceil(id * GROWTH));
  table.at[id] = at;
  table.assumedOffsetMinutes[id] = assumed;
  table.bits[id] = bits;
  table.reasonIds[id] = reasonId;
  table.rawStart[id] = table.raw.length;
  // Whole minutes only: the instant and its offset then give the text back exactly (no rounding of a fraction).
  if (!Number.isNaN(at) && Number.isInteger(assumed) && isWallClockText(raw, at, assumed)) {
    table.rawLength[id] = WALL_CLOCK_RAW;
    markChars(table.rawChars, raw);
  } else if (appendAscii(table.raw, raw)) {
    table.rawLength[id] = raw.length;
    markChars(table.rawChars, raw);
  } else {
    // Bytes would not keep a lone surrogate: text from a log is kept as it came.
    table.rawLength[id] = OTHER_RAW;
    table.otherRaw.set(id, detachString(raw));
  }
  table.size = id + 1;
  return id;
}

/** Sets the bit of each character of ASCII `text`, lower-cased, in `chars` (four words of 32 bits). */
function markChars(chars: Uint32Array, text: string): void {
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  for (let k = 0; k < text.length; k += 1) {
    const c = text.charCodeAt(k);
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    const bit = 1 << (lower & 31);
    if (lower < 32) w0 |= bit;
    else if (lower < 64) w1 |= bit;
    else if (lower < 96) w2 |= bit;
    else w3 |= bit;
  }
  chars[0] = (chars[0] ?? 0) | w0;
  chars[1] = (chars[1] ?? 0) | w1;
  chars[2] = (chars[2] ?? 0) | w2;
  chars[3] = (chars[3] ?? 0) | w3;
}

function grow(table: ResetTable, rows: number): void {
  const copy = <A extends Float64Array | Uint32Array | Uint8Array>(from: A, make: (n: number) => A): A => {
    const next = make(rows);
    next.set(from.subarray(0, table.size));
    releaseBuffers([from]);
    return next;
  };
  table.at = copy(table.at, (n) => new Float64Array(n));
  table.assumedOffsetMinutes = copy(table.assumedOffsetMinutes, (n) => new Float64Array(n));
  table.bits = copy(table.bits, (n) => new Uint8Array(n));
  table.reasonIds = copy(table.reasonIds, (n) => new Uint32Array(n));
  table.rawStart = copy(table.rawStart, (n) => new Uint32Array(n));
  table.rawLength = copy(table.rawLength, (n) => new Uint8Array(n));
}
