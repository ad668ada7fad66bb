import { releaseBuffers } from './release-buffers';

/**
 * The per-event columns. One typed array per field, grown by half again when full (GROWTH); ids are small integers with 0
 * meaning "none" (so freshly allocated memory reads as "none"). Bytes per event: see BYTES_PER_EVENT.
 */
export const COLUMN_TYPES = {
  /** Event time, epoch ms; NaN when undated. */
  time: Float64Array,
  /** Interned code id (0 = no code). Uint32: a hostile log can carry more than 65k distinct codes. */
  code: Uint32Array,
  /** Category, verdict, family, quota window and language, as table ids packed in 16 bits (see CLASS_FIELDS in ids.ts). */
  classes: Uint16Array,
  source: Uint16Array,
  /** 1-based line of the record's first line. */
  line: Uint32Array,
  /**
   * The record's byte offset in two parts, its low 32 bits and the bits above (see recordOffset): offsets pass
   * 4 GiB in large decompressed logs, and six bytes reach 256 TiB where a Float64 took eight.
   */
  byteOffset: Uint32Array,
  byteOffsetHigh: Uint16Array,
  byteLength: Uint32Array,
  /** RECORD_FLAGS bitmask; 15 flags, so 16 bits. */
  flags: Uint16Array,
  /** Interned reset id (0 = none); the reset table holds the instant, text and plausibility. */
  reset: Uint32Array,
  /** HTTP status (0 = none). */
  http: Uint16Array,
  /** Attempts folded into the incident, capped at 255. */
  attempts: Uint8Array,
  message: Uint32Array,
  /** Bytes of the request id in the store's pool (0 = none); ids are kept there in row order (see request-ids.ts). */
  requestIdLength: Uint8Array,
  /** Interned reader name ('ndjson', 'text'...). */
  format: Uint8Array,
} as const;

export type ColumnName = keyof typeof COLUMN_TYPES;
export type EventColumns = { [K in ColumnName]: InstanceType<(typeof COLUMN_TYPES)[K]> };

export const COLUMN_NAMES = Object.keys(COLUMN_TYPES) as ColumnName[];

/**
 * 45 bytes with the layout above: 1 M events take 45 MB of columns (45.4 MB at the capacity of 1,008,917
 * that growing reaches). Strings come on top: interned codes and messages are few (a quota storm's messages
 * share a wording, see message-ids.ts); request ids take their bytes in the byte pool (16 for a Z.ai id of 30
 * digits, see request-ids.ts); a distinct reset takes a row of 26 bytes in the reset table, and its text unless
 * it is the instant's wall time (a quota storm has one per error). storeBytes counts them all.
 */
export const BYTES_PER_EVENT = COLUMN_NAMES.reduce((sum, name) => sum + COLUMN_TYPES[name].BYTES_PER_ELEMENT, 0);

export const INITIAL_CAPACITY = 1024;
/**
 * Full columns grow by half again, not double: the room growing leaves empty is at most a third of the
 * columns, not half. In the 1 GiB read each worker held 524,288 rows for about 415,000 events, 4.9 MB empty
 * each; now 448,407 rows, 1.5 MB empty. A row is copied about three times over a read instead of twice.
 */
export const GROWTH = 1.5;

export function allocateColumns(capacity: number): EventColumns {
  const columns: Partial<Record<ColumnName, unknown>> = {};
  for (const name of COLUMN_NAMES) columns[name] = new COLUMN_TYPES[name](capacity);
  return columns as EventColumns;
}

/** New columns of `capacity` holding the first `size` rows of `old`; `old` is released (see release-buffers.ts). */
export function growColumns(old: EventColumns, size: number, capacity: number): EventColumns {
  const next = { ...old };
  for (const name of COLUMN_NAMES) growColumn(next, name, size, capacity);
  return next;
}

/** Gives column `name` room for `capacity` rows: a new column holding its first `size` rows, the old one released. */
export function growColumn(columns: EventColumns, name: ColumnName, size: number, capacity: number): void {
  const column = columns[name];
  if (column.length >= capacity) return;
  const next = new COLUMN_TYPES[name](capacity);
  (next as Uint8Array).set((column as Uint8Array).subarray(0, size));
  releaseBuffers([column]);
  (columns as Record<ColumnName, typeof next>)[name] = next;
}

/** Releases the memory of columns nothing reads again (see release-buffers.ts). */
export function releaseColumns(columns: EventColumns): void {
  releaseBuffers(COLUMN_NAMES.map((name) => columns[name]));
}

const OFFSET_SPLIT = 2 ** 32;
/** Offsets from 256 TiB on are not kept (the largest a row can hold is stored instead). */
export const OFFSET_MAX = OFFSET_SPLIT * 0x10000 - 1;

/** Writes a record's byte offset into row `index`: writeOffset(c, 0, 5_000_000_000) -> low 705_032_704, high 1. */
export function writeOffset(columns: EventColumns, index: number, offset: number): void {
  const kept = offset > 0 ? Math.min(Math.floor(offset), OFFSET_MAX) : 0;
  // Not `kept % OFFSET_SPLIT`: a remainder of doubles is a call to C's fmod in compiled code, at every row.
  const high = Math.floor(kept / OFFSET_SPLIT);
  columns.byteOffset[index] = kept - high * OFFSET_SPLIT;
  columns.byteOffsetHigh[index] = high;
}

/** The byte offset of row `index`'s record. */
export function recordOffset(columns: EventColumns, index: number): number {
  return (columns.byteOffsetHigh[index] ?? 0) * OFFSET_SPLIT + (columns.byteOffset[index] ?? 0);
}

/** Bytes held by the columns (capacity, not size). */
export function columnBytes(columns: EventColumns): number {
  return COLUMN_NAMES.reduce((sum, name) => sum + columns[name].byteLength, 0);
}
