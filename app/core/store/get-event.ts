import type { Category, Family, Language, QuotaWindow, Verdict } from '../catalog/types';
import type { RecordFlag, ResetInfo } from '../classify/outcome';
import type { EventStore } from './event-store';
import { recordOffset } from './columns';
import {
  CATEGORY_TABLE, categoryIdOf, FAMILY_TABLE, familyIdOf, fromFlagBits, fromTableId, LANGUAGES, languageIdOf, VERDICT_TABLE, verdictIdOf, WINDOW_TABLE, windowIdOf,
} from './ids';
import { readRequestId, requestIdStart } from './request-ids';
import { resetInfo } from './reset-table';
import { messageTextOf } from './message-ids';
import { lookupString } from './string-table';

/** One stored event as a plain object, for the detail pane. */
export interface StoredEvent {
  readonly index: number;
  /** Epoch ms, or null when undated. */
  readonly time: number | null;
  readonly code: string | null;
  /** Null for an uncatalogued error. */
  readonly category: Category | null;
  readonly verdict: Verdict | null;
  readonly family: Family | null;
  readonly sourceId: number;
  readonly line: number;
  readonly byteOffset: number;
  readonly byteLength: number;
  readonly flags: RecordFlag[];
  readonly reset: ResetInfo | null;
  readonly window: QuotaWindow | null;
  readonly http: number | null;
  readonly attempts: number;
  readonly message: string | null;
  readonly language: Language | null;
  readonly requestId: string | null;
  readonly format: string | null;
}

/** getEvent(store, 0) -> { index: 0, time: 1772352000000, code: '1308', ... }, or null when out of range. */
export function getEvent(store: EventStore, index: number): StoredEvent | null {
  if (!Number.isInteger(index) || index < 0 || index >= store.size) return null;
  const c = store.columns;
  const at = <T extends ArrayLike<number>>(column: T): number => column[index] ?? 0;
  const time = at(c.time);
  const http = at(c.http);
  const classes = at(c.classes);
  return {
    index,
    time: Number.isNaN(time) ? null : time,
    code: lookupString(store.codes, at(c.code)),
    category: fromTableId(CATEGORY_TABLE, categoryIdOf(classes)),
    verdict: fromTableId(VERDICT_TABLE, verdictIdOf(classes)),
    family: fromTableId(FAMILY_TABLE, familyIdOf(classes)),
    sourceId: at(c.source),
    line: at(c.line),
    byteOffset: recordOffset(c, index),
    byteLength: at(c.byteLength),
    flags: fromFlagBits(at(c.flags)),
    reset: resetInfo(store.resets, at(c.reset)),
    window: fromTableId(WINDOW_TABLE, windowIdOf(classes)),
    http: http === 0 ? null : http,
    attempts: at(c.attempts),
    message: messageTextOf(store, at(c.message), at(c.reset)),
    language: fromTableId(LANGUAGES, languageIdOf(classes)),
    requestId: at(c.requestIdLength) === 0 ? null : readRequestId(store.requestIds, requestIdStart(store, index), at(c.requestIdLength)),
    format: lookupString(store.formats, at(c.format)),
  };
}
