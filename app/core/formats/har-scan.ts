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

/** JSON's whitespace: space, tab, LF, CR. */
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** What the bracket scan of a HAR text found. */
export interface HarScan {
  /** Character ranges `[start, end)` of the complete objects of `log.entries`, in order. */
  readonly ranges: Array<[number, number]>;
  /** Index of the `[` that opens `log.entries`, or -1. */
  readonly entriesOpen: number;
  /** Index of the `]` that closes it, or -1. */
  readonly entriesClose: number;
  /** Start of the entry object still open where the text ends, or -1. */
  readonly unfinished: number;
  /** The text ends inside its structure: a bracket still open or a string not closed (a HAR cut short). */
  readonly openAtEnd: boolean;
  /**
   * Something stands where a HAR has nothing: a second root or a second `log.entries`, an item of `entries`
   * that is not an object, a missing or extra comma between them, or anything but `}` after the array.
   */
  readonly stray: boolean;
}

/**
 * The bracket scan of a HAR text, without recursion (strings skipped with indexOf), in one pass.
 * Example: `scanHar('{"log":{"entries":[{},{')` → ranges `[[19,21]]`, unfinished 22, openAtEnd true, stray false.
 */
export function scanHar(text: string): HarScan {
  const stack: Frame[] = [];
  const ranges: Array<[number, number]> = [];
  let lastString: string | null = null;
  let pendingKey: string | null = null;
  let entryStart = -1;
  let entriesOpen = -1;
  let entriesClose = -1;
  let roots = 0;
  let stray = false;
  let openString = false;
  /** The innermost open bracket is `log.entries` (the scan is between its items). */
  let inEntries = false;
  /** Between items of `log.entries`: what was last seen there. */
  let lastInEntries: 'open' | 'item' | 'comma' = 'open';
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (inEntries) {
      if (c === 44) stray ||= lastInEntries !== 'item';
      else if (c === 123) stray ||= lastInEntries === 'item';
      else if (c === 93) stray ||= lastInEntries === 'comma';
      else stray = true;
      if (c === 44) lastInEntries = 'comma';
    } else if (entriesClose >= 0 && c !== 125) stray = true;
    if (c === 34) {
      const end = stringEnd(text, i);
      if (end < 0) {
        openString = true;
        break;
      }
      lastString = end - i - 1 <= MAX_KEY_CHARS ? text.slice(i + 1, end) : null;
      i = end;
    } else if (c === 58) pendingKey = lastString;
    else if (c === 44) pendingKey = null;
    else if (c === 123 || c === 91) {
      if (stack.length === 0) {
        roots += 1;
        stray ||= roots > 1;
      }
      if (inEntries && c === 123) entryStart = i;
      stack.push({ isArray: c === 91, key: pendingKey });
      pendingKey = null;
      inEntries = isEntriesArray(stack);
      if (inEntries) {
        stray ||= entriesOpen >= 0;
        entriesOpen = i;
        lastInEntries = 'open';
      }
    } else if (c === 125 || c === 93) {
      if (inEntries) entriesClose = i;
      stack.pop();
      inEntries = isEntriesArray(stack);
      if (entryStart >= 0 && inEntries) {
        ranges.push([entryStart, i + 1]);
        entryStart = -1;
        lastInEntries = 'item';
      }
    }
  }
  return { ranges, entriesOpen, entriesClose, unfinished: entryStart, openAtEnd: openString || stack.length > 0, stray };
}

/**
 * Character ranges `[start, end)` of the objects in `log.entries` of a HAR text, in order, found without
 * recursion (strings skipped with indexOf). Example: for `{"log":{"entries":[{},{}]}}` → `[[19,21],[22,24]]`.
 */
export function findHarEntryRanges(text: string): Array<[number, number]> {
  return scanHar(text).ranges;
}
