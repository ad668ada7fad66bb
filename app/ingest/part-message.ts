import { COLUMN_NAMES } from '../core/store/columns';
import { packedBuffers, packResets, packStrings, unpackResets, unpackStrings, type PackedResets, type PackedStrings } from '../core/store/packed-values';
import { failedPart, type PartResult } from './read-part';

/** The part's result; its store's messages and resets travel packed, beside it. */
export interface PartDone {
  readonly type: 'done';
  readonly result: PartResult;
  readonly packed: { readonly messages: PackedStrings; readonly resets: PackedResets };
}

/**
 * The message that carries a part's result to the ingest worker, with what can be transferred instead of
 * copied. The columns and the request id pool move; of the interned tables only the values go (appendStore
 * takes them over), not their lookup maps, and the many messages and resets go packed (see packed-values.ts).
 */
export function toPartDone(result: PartResult): { readonly message: PartDone; readonly transfer: ArrayBuffer[] } {
  const { store } = result;
  const packed = { messages: packStrings(store.messages.values), resets: packResets(store.resets.values) };
  const transfer = [...COLUMN_NAMES.map((name) => store.columns[name].buffer), store.requestIds.bytes.buffer, ...packedBuffers(packed.messages, packed.resets)] as ArrayBuffer[];
  const tables = {
    codes: { ...store.codes, ids: new Map() },
    messages: { ...store.messages, ids: new Map(), values: [] },
    formats: { ...store.formats, ids: new Map() },
    resets: { ids: new Map(), values: [] },
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

/** The part's result with its messages and resets unpacked into its store. */
function unpacked({ result, packed }: PartDone): PartResult {
  const { store } = result;
  return {
    ...result,
    store: {
      ...store,
      messages: { ...store.messages, values: unpackStrings(packed.messages) },
      resets: { ...store.resets, values: unpackResets(packed.resets) },
    },
  };
}
