const LF = 10;
const CR = 13;

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
