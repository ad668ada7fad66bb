/**
 * Frees the memory of typed arrays that are no longer used (grown into larger ones, or copied from another
 * store) at once, where the runtime can (`ArrayBuffer.prototype.transfer`, Chromium 114+, Node 21+). Left
 * to the garbage collector, a worker's spent columns stayed allocated until its next full collection: in
 * the 1 GiB read they were over a hundred megabytes when the parts were joined. A released array reads as
 * empty, so only arrays that nothing reads again are released. Elsewhere this does nothing.
 */
export function releaseBuffers(arrays: Iterable<ArrayBufferView>): void {
  for (const array of arrays) {
    const buffer = array.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
    if (typeof buffer.transfer === 'function' && buffer.byteLength > 0) buffer.transfer(0);
  }
}
