export const LF = 10;
export const CR = 13;

/**
 * Finds the next LF or CR at or after a position, remembering the next of each so a batch is scanned once.
 * `indexOf(from, code)` searches for one terminator code.
 */
export function createTerminatorFinder(indexOf: (from: number, code: number) => number): (from: number) => number {
  let nextLf = -2;
  let nextCr = -2;
  return (from) => {
    if (nextLf !== -1 && nextLf < from) nextLf = indexOf(from, LF);
    if (nextCr !== -1 && nextCr < from) nextCr = indexOf(from, CR);
    if (nextLf < 0) return nextCr;
    if (nextCr < 0) return nextLf;
    return Math.min(nextLf, nextCr);
  };
}

/**
 * Counts line ends as the line splitter ends lines (LF, CRLF, a lone CR), in bytes given in chunks of any size: a CR
 * at a chunk's end is one with the LF that may start the next. How many lines lie in bytes no one read.
 */
export function createLineEndCounter(): { push(chunk: Uint8Array): void; count(): number } {
  let ends = 0;
  let pendingCr = false;
  return {
    push(chunk) {
      if (chunk.length === 0) return;
      if (pendingCr && chunk[0] !== LF) ends += 1;
      pendingCr = false;
      for (let at = chunk.indexOf(LF); at >= 0; at = chunk.indexOf(LF, at + 1)) ends += 1;
      for (let at = chunk.indexOf(CR); at >= 0; at = chunk.indexOf(CR, at + 1)) {
        if (at === chunk.length - 1) pendingCr = true;
        else if (chunk[at + 1] !== LF) ends += 1;
      }
    },
    count: () => ends + (pendingCr ? 1 : 0),
  };
}
