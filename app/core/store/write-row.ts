import type { IngestedEvent } from '../formats/types';
import type { EventStore } from './event-store';
import { CATEGORY_TABLE, FAMILY_TABLE, LANGUAGES, toFlagBits, toTableId, VERDICT_TABLE, WINDOW_TABLE } from './ids';
import { internReset } from './reset-table';
import { appendText } from './byte-pool';
import { capString, internString } from './string-table';

/** Messages are kept to 300 characters, request ids to 80 (at most 240 UTF-8 bytes), reader names to 32. */
export const MESSAGE_MAX = 300;
export const REQUEST_ID_MAX = 80;
/** The pool is addressed with Uint32 offsets; past 4 GiB of ids, further ids are not kept. */
export const POOL_MAX = 0xffffffff - 4 * REQUEST_ID_MAX;
const FORMAT_MAX = 32;
const FORMAT_IDS = 255;

/** Writes `event` into row `index` of the store's columns; returns the event time (NaN when undated). */
export function writeRow(store: EventStore, index: number, event: IngestedEvent, sourceId: number): number {
  const c = store.columns;
  const d = event.details;
  const entry = event.entry;
  const time = typeof d.ts === 'number' && Number.isFinite(d.ts) ? d.ts : NaN;
  c.time[index] = time;
  c.code[index] = internString(store.codes, d.code);
  c.category[index] = toTableId(CATEGORY_TABLE, entry?.category);
  c.verdict[index] = toTableId(VERDICT_TABLE, entry?.verdict);
  c.family[index] = toTableId(FAMILY_TABLE, entry?.family);
  c.source[index] = clampUint(sourceId, 0xffff);
  c.line[index] = clampUint(event.line, 0xffffffff);
  c.byteOffset[index] = clampUint(event.byteOffset, Number.MAX_SAFE_INTEGER);
  c.byteLength[index] = clampUint(event.byteLength, 0xffffffff);
  c.flags[index] = toFlagBits(d.flags);
  c.reset[index] = internReset(store.resets, d.reset);
  c.quotaWindow[index] = toTableId(WINDOW_TABLE, d.window ?? entry?.window);
  c.http[index] = clampUint(d.http ?? 0, 0xffff);
  c.attempts[index] = clampUint(event.attempts, 0xff);
  c.message[index] = internString(store.messages, d.message === null ? null : capString(d.message, MESSAGE_MAX));
  c.language[index] = toTableId(LANGUAGES, d.language);
  writeRequestId(store, index, d.requestId);
  c.format[index] = internFormat(store, event.format);
  return time;
}

function writeRequestId(store: EventStore, index: number, requestId: string | null): void {
  const pool = store.requestIds;
  store.columns.requestIdStart[index] = pool.length;
  const keep = requestId !== null && requestId !== '' && pool.length < POOL_MAX;
  store.columns.requestIdLength[index] = keep ? appendText(pool, capString(requestId, REQUEST_ID_MAX)) : 0;
}

/** Reader names are few; past 255 distinct ones (a hostile caller), the last id is reused. */
export function internFormat(store: EventStore, format: string): number {
  const id = internString(store.formats, capString(String(format), FORMAT_MAX));
  return Math.min(id, FORMAT_IDS);
}

/** A non-negative integer no larger than `max`; anything else (NaN, negative) is 0. */
export function clampUint(value: number, max: number): number {
  if (!(value > 0)) return 0;
  return Math.min(Math.floor(value), max);
}
