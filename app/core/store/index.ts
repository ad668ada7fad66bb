export { createEventStore, appendEvent, appendEvents, clearStore } from './event-store';
export type { EventStore } from './event-store';
export { removeSource } from './remove-source';
export { getEvent } from './get-event';
export type { StoredEvent } from './get-event';
export { getTimeOrder } from './time-order';
export type { TimeOrder } from './time-order';
export { BYTES_PER_EVENT, COLUMN_TYPES, columnBytes } from './columns';
export { storeBytes } from './store-bytes';
export type { StoreBytes } from './store-bytes';
export type { ColumnName, EventColumns } from './columns';
export { lookupString } from './string-table';
export { readText } from './byte-pool';
export type { BytePool } from './byte-pool';
export type { StringTable } from './string-table';
export type { ResetTable } from './reset-table';
export { REQUEST_ID_MAX } from './write-row';
export { MESSAGE_MAX } from './message-ids';
export {
  CATEGORY_TABLE, FAMILY_TABLE, VERDICT_TABLE, WINDOW_TABLE, LANGUAGES, QUOTA_FAMILY_ID, THROTTLE_FAMILY_ID, fromTableId, toTableId,
} from './ids';
export { sharedRequestIds, MAX_CHECKED_IDS } from './shared-request-ids';
export type { SharedRequestIds } from './shared-request-ids';
