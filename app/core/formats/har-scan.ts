interface Frame {
  readonly isArray: boolean;
  readonly key: string | null;
}

/** Keys longer than this are never `log` or `entries`; their text is not kept. */
const MAX_KEY_CHARS = 16;

/** Index of the quote that closes the string opened at `open`, or -1. */
function stringEnd(text: string, open: number): number {
  let at = open + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return -1;
    let slashes = 0;
    for (let k = quote - 1; k > open && text.charCodeAt(k) === 92; k -= 1) slashes += 1;
    if (slashes % 2 === 0) return quote;
    at = quote + 1;
  }
}

function isEntriesArray(stack: readonly Frame[]): boolean {
  const [root, log, entries] = stack;
  return stack.length === 3 && !root?.isArray && log?.key === 'log' && entries?.isArray === true && entries.key === 'entries';
}

/**
 * Character ranges `[start, end)` of the objects in `log.entries` of a HAR text, in order, found without
 * recursion (strings skipped with indexOf). Example: for `{"log":{"entries":[{},{}]}}` → `[[19,21],[22,24]]`.
 */
export function findHarEntryRanges(text: string): Array<[number, number]> {
  const stack: Frame[] = [];
  const ranges: Array<[number, number]> = [];
  let lastString: string | null = null;
  let pendingKey: string | null = null;
  let entryStart = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringEnd(text, i);
      if (end < 0) break;
      lastString = end - i - 1 <= MAX_KEY_CHARS ? text.slice(i + 1, end) : null;
      i = end;
    } else if (c === 58) pendingKey = lastString;
    else if (c === 44) pendingKey = null;
    else if (c === 123 || c === 91) {
      if (c === 123 && isEntriesArray(stack)) entryStart = i;
      stack.push({ isArray: c === 91, key: pendingKey });
      pendingKey = null;
    } else if (c === 125 || c === 93) {
      stack.pop();
      if (entryStart >= 0 && isEntriesArray(stack)) {
        ranges.push([entryStart, i + 1]);
        entryStart = -1;
      }
    }
  }
  return ranges;
}
