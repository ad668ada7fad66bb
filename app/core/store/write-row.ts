import type { CatalogEntry, Language, QuotaWindow } from '../catalog/types';
import type { RecordFlag } from '../classify/outcome';
import type { IngestedEvent } from '../formats/types';
import type { EventStore } from './event-store';
import { writeOffset } from './columns';
import { CATEGORY_TABLE, FAMILY_TABLE, LANGUAGES, packClasses, toFlagBits, toTableId, VERDICT_TABLE, WINDOW_TABLE } from './ids';
import { internReset } from './reset-table';
import { messageIdOf, plainMessageId } from './message-ids';
import { appendRequestId } from './request-ids';
import { capString, detachString, internString, type StringTable } from './string-table';

/** Request ids are kept to 80 characters (at most 240 UTF-8 bytes), reader names to 32; messages, see message-ids.ts. */
export const REQUEST_ID_MAX = 80;
/** The pool is addressed with Uint32 offsets; past 4 GiB of ids, further ids are not kept. */
export const POOL_MAX = 0xffffffff - 4 * REQUEST_ID_MAX;
const FORMAT_MAX = 32;
const FORMAT_IDS = 255;

/** Writes `event` into row `index` of the store's columns; returns the event time (NaN when undated). */
export function writeRow(store: EventStore, index: number, event: IngestedEvent, sourceId: number): number {
  const c = store.columns;
  const d = event.details;
  const time = typeof d.ts === 'number' && Number.isFinite(d.ts) ? d.ts : NaN;
  c.time[index] = time;
  const ids = rowIds(store, event);
  c.code[index] = ids.code;
  c.classes[index] = ids.classes;
  c.source[index] = clampUint(sourceId, 0xffff);
  c.line[index] = clampUint(event.line, 0xffffffff);
  writeOffset(c, index, event.byteOffset);
  c.byteLength[index] = clampUint(event.byteLength, 0xffffffff);
  c.flags[index] = ids.flagsOf === d.flags ? ids.flagBits : flagBits(ids, d.flags);
  const resetId = internReset(store.resets, d.reset);
  c.reset[index] = resetId;
  c.http[index] = clampUint(d.http ?? 0, 0xffff);
  c.attempts[index] = clampUint(event.attempts, 0xff);
  c.message[index] = messageColumn(store, ids, event, resetId);
  writeRequestId(store, index, d.requestId);
  c.format[index] = ids.format;
  return time;
}

/**
 * The message column value of a row. A row with a reset has its message looked up every time (messageIdOf):
 * a message that names the reset is kept as its wording, which the hits of a storm share; kept whole it would
 * be a string per hit. (Taking the id of the row's RowIds kept it whole whenever the row made new RowIds, as
 * rows of another reader's format do: in the 100 MiB mixed log about 12,700 of its 14,500 messages, and a larger
 * heap in every reader.) A row without one takes the RowIds' message id when it has the same message (a row
 * found by its other fields holds another message).
 */
function messageColumn(store: EventStore, ids: RowIds, event: IngestedEvent, resetId: number): number {
  const d = event.details;
  if (d.reset !== null || ids.messageText !== d.message) return messageIdOf(store, d.message, d.reset, resetId);
  if (ids.message < 0) ids.message = plainMessageId(store, d.message);
  return ids.message;
}

/** The ids of an event's fields that repeat from row to row, and what they were computed from. */
interface RowIds {
  readonly codes: StringTable;
  readonly messages: StringTable;
  readonly entry: CatalogEntry | null;
  readonly codeText: string | null;
  readonly messageText: string | null;
  readonly windowName: QuotaWindow | null;
  readonly languageName: Language | null;
  readonly formatName: string;
  readonly code: number;
  /** Category, verdict, family, quota window and language, packed (see packClasses). */
  readonly classes: number;
  /** The message's id when it is kept whole (a row without a reset), computed for the first such row; -1 until then. */
  message: number;
  readonly format: number;
  flagsOf: readonly RecordFlag[] | null;
  flagBits: number;
}

/**
 * Recent RowIds per store, by message and by catalog entry. Errors of a log repeat a handful of wordings (the
 * classifier hands over the same strings and entry for each), so most rows find theirs with one lookup by
 * message instead of one per field; a quota hit whose message names a new reset finds the ids of its other
 * fields under its entry. An entry names the tables it holds ids of: a compacted or cleared store has new
 * tables, and an entry of the old ones never matches.
 */
interface RecentRows {
  readonly byMessage: Map<string | null, RowIds>;
  readonly byEntry: Map<CatalogEntry | null, RowIds>;
}
const recentRows = new WeakMap<EventStore, RecentRows>();
const RECENT_ROWS = 256;

/** Ids of the event's fields; `message` is the event's own only when `messageText` is its message. */
function rowIds(store: EventStore, event: IngestedEvent): RowIds {
  const d = event.details;
  const entry = event.entry;
  const windowName = d.window ?? entry?.window ?? null;
  let recent = recentRows.get(store);
  if (recent === undefined) {
    recent = { byMessage: new Map(), byEntry: new Map() };
    recentRows.set(store, recent);
  }
  const sibling = recent.byEntry.get(entry);
  // A message that names a reset seldom comes back (a storm names a new one each time): its entry's ids come
  // first, and the message is not hashed for a lookup that would miss.
  if (d.reset !== null && sameFields(sibling, store, event, windowName)) return sibling;
  const known = recent.byMessage.get(d.message);
  if (sameFields(known, store, event, windowName)) return known;
  if (sameFields(sibling, store, event, windowName)) return sibling;
  // Kept for later rows, so copied: a message read from a log is often a slice of a whole batch of lines,
  // which it would keep alive (and push into the old generation) for as long as it stays here.
  const messageText = d.message === null ? null : detachString(d.message);
  const ids: RowIds = {
    codes: store.codes,
    messages: store.messages,
    entry,
    codeText: d.code,
    messageText,
    windowName,
    languageName: d.language,
    formatName: event.format,
    code: internString(store.codes, d.code),
    classes: packClasses(
      toTableId(CATEGORY_TABLE, entry?.category),
      toTableId(VERDICT_TABLE, entry?.verdict),
      toTableId(FAMILY_TABLE, entry?.family),
      toTableId(WINDOW_TABLE, windowName),
      toTableId(LANGUAGES, d.language),
    ),
    message: -1,
    format: internFormat(store, event.format),
    flagsOf: null,
    flagBits: 0,
  };
  if (recent.byMessage.size >= RECENT_ROWS) recent.byMessage.clear();
  if (recent.byEntry.size >= RECENT_ROWS) recent.byEntry.clear();
  recent.byMessage.set(messageText, ids);
  recent.byEntry.set(entry, ids);
  return ids;
}

/** Whether `known` holds the ids of the event's fields (its message aside). A function, not a closure: one per row was a tenth of the memory a row allocates. */
function sameFields(known: RowIds | undefined, store: EventStore, event: IngestedEvent, windowName: QuotaWindow | null): known is RowIds {
  const d = event.details;
  return known !== undefined && known.entry === event.entry && known.codeText === d.code && known.windowName === windowName && known.languageName === d.language
    && known.formatName === event.format && known.codes === store.codes && known.messages === store.messages;
}

function flagBits(ids: RowIds, flags: readonly RecordFlag[]): number {
  ids.flagsOf = flags;
  ids.flagBits = toFlagBits(flags);
  return ids.flagBits;
}

function writeRequestId(store: EventStore, index: number, requestId: string | null): void {
  const pool = store.requestIds;
  const keep = requestId !== null && requestId !== '' && pool.length < POOL_MAX;
  store.columns.requestIdLength[index] = keep ? appendRequestId(pool, capString(requestId, REQUEST_ID_MAX)) : 0;
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
