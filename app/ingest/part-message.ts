import { COLUMN_NAMES } from '../core/store/columns';
import { packStrings, unpackStrings, type PackedStrings } from '../core/store/packed-values';
import { resetTableBuffers } from '../core/store/reset-table';
import { failedPart, type PartResult } from './read-part';

/** The part's result; its store's messages travel packed, beside it. */
export interface PartDone {
  readonly type: 'done';
  readonly result: PartResult;
  readonly packed: { readonly messages: PackedStrings };
}

/**
 * The message that carries a part's result to the ingest worker, with what can be transferred instead of
 * copied. The columns, the request id pool and the reset table's rows move; of the interned tables only the
 * values go (appendStore takes them over), not their lookup maps, and the many messages go packed (see
 * packed-values.ts).
 */
export function toPartDone(result: PartResult): { readonly message: PartDone; readonly transfer: ArrayBuffer[] } {
  const { store } = result;
  const packed = { messages: packStrings(store.messages.values) };
  const transfer = [
    ...COLUMN_NAMES.map((name) => store.columns[name].buffer),
    store.requestIds.bytes.buffer,
    packed.messages.lengths.buffer,
    ...resetTableBuffers(store.resets),
  ] as ArrayBuffer[];
  const tables = {
    codes: { ...store.codes, ids: new Map() },
    messages: { ...store.messages, ids: new Map(), values: [] },
    wordings: { ...store.wordings, ids: new Map() },
    formats: { ...store.formats, ids: new Map() },
  };
  return { message: { type: 'done', result: { ...result, store: { ...store, ...tables } }, packed }, transfer };
}

/** A result that cannot be unpacked counts as a failed part: the first reader then reads the rest itself. */
export function unpackedOrFailed(done: PartDone): PartResult {
  try {
    return unpacked(done);
  } catch {
    return failedPart();
  }
}

/** The part's result with its messages unpacked into its store. */
function unpacked({ result, packed }: PartDone): PartResult {
  const { store } = result;
  return { ...result, store: { ...store, messages: { ...store.messages, values: unpackStrings(packed.messages) } } };
}
