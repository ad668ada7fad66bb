import type { CompressedLedger, Ledger, RejectExample } from './types';
import type { RecordFlag, RejectReason } from '../classify/outcome';
import { formatCount } from '../text/count-text';

/** Examples kept per reject reason, and the characters kept of each example's text. */
export const MAX_EXAMPLES_PER_REASON = 20;
export const MAX_EXAMPLE_CHARS = 300;
/** Line numbers kept per caveat flag: enough to find the first ones in the file. */
export const MAX_FLAG_LINES = 5;

/** A ledger with every counter at zero: `createEmptyLedger().lines === 0`. */
export function createEmptyLedger(): Ledger {
  return {
    lines: 0,
    catalogued: 0,
    uncatalogued: 0,
    nonError: 0,
    rejected: {},
    records: 0,
    events: 0,
    retriesFolded: 0,
    recordsCut: 0,
    bytesRead: 0,
    bytesInLines: 0,
    bytesUnsplittable: {},
    sourceBytes: 0,
    flags: {},
    longestLineTooLong: 0,
    flagLines: {},
    examples: {},
    notices: [],
  };
}

/** A compressed ledger with every counter at zero (a gzip source before its first byte is counted). */
export function createEmptyCompressedLedger(): CompressedLedger {
  return { bytesRead: 0, bytesInflated: 0, bytesUnsplittable: {} };
}

function sumValues(map: Partial<Record<string, number>>): number {
  let total = 0;
  for (const value of Object.values(map)) total += value ?? 0;
  return total;
}

/**
 * The invariants a ledger violates, as sentences; empty when it reconciles.
 * Example: `checkLedger(createEmptyLedger())` → `[]`.
 */
export function checkLedger(ledger: Ledger): string[] {
  const problems: string[] = [];
  const rejected = sumValues(ledger.rejected);
  const outcomes = ledger.catalogued + ledger.uncatalogued + ledger.nonError + rejected;
  if (ledger.lines !== outcomes) {
    problems.push(`lines ${ledger.lines} != catalogued + uncatalogued + nonError + rejected = ${outcomes}`);
  }
  const unsplittable = sumValues(ledger.bytesUnsplittable);
  if (ledger.bytesRead !== ledger.bytesInLines + unsplittable) {
    problems.push(`bytesRead ${ledger.bytesRead} != bytesInLines + bytesUnsplittable = ${ledger.bytesInLines + unsplittable}`);
  }
  const counters: Array<[string, number]> = [
    ['lines', ledger.lines],
    ['records', ledger.records],
    ['events', ledger.events],
    ['retriesFolded', ledger.retriesFolded],
    ['recordsCut', ledger.recordsCut],
    ['bytesRead', ledger.bytesRead],
    ['sourceBytes', ledger.sourceBytes],
  ];
  for (const [name, value] of counters) {
    if (!Number.isSafeInteger(value) || value < 0) problems.push(`${name} is not a non-negative integer: ${value}`);
  }
  if (ledger.records > ledger.lines) problems.push(`records ${ledger.records} > lines ${ledger.lines}`);
  if (ledger.compressed !== undefined) problems.push(...checkCompressed(ledger.compressed, ledger.sourceBytes));
  return problems;
}

/** The compressed ledger's invariant: every byte of the gzip file read was unpacked or is counted with a reason. */
function checkCompressed(compressed: CompressedLedger, sourceBytes: number): string[] {
  const problems: string[] = [];
  const unsplittable = sumValues(compressed.bytesUnsplittable);
  if (compressed.bytesRead !== compressed.bytesInflated + unsplittable) {
    problems.push(`compressed bytesRead ${compressed.bytesRead} != bytesInflated + bytesUnsplittable = ${compressed.bytesInflated + unsplittable}`);
  }
  for (const [name, value] of [['compressed bytesRead', compressed.bytesRead], ['compressed bytesInflated', compressed.bytesInflated]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) problems.push(`${name} is not a non-negative integer: ${value}`);
  }
  // The file's bytes counted so far are bytes of the source (a total's sourceBytes also counts its plain files).
  if (compressed.bytesRead > sourceBytes) problems.push(`compressed bytesRead ${compressed.bytesRead} > sourceBytes ${sourceBytes}`);
  return problems;
}

function addCounts<K extends string>(into: Partial<Record<K, number>>, from: Partial<Record<K, number>>): void {
  for (const key of Object.keys(from) as K[]) {
    into[key] = (into[key] ?? 0) + (from[key] ?? 0);
  }
}

/**
 * Where the records of a flag are, from the lines kept and how many records there were:
 * flagLinesText([3, 9], 2) -> 'lines 3 and 9'; flagLinesText([3, 9, 12, 40, 41], 7) -> 'lines 3, 9, 12, 40, 41 and 2 more'.
 */
export function flagLinesText(lines: readonly number[], records: number): string {
  const shown = lines.map(formatCount);
  const more = records - lines.length;
  if (shown.length === 0) return '';
  if (more > 0) return `line${shown.length === 1 ? '' : 's'} ${shown.join(', ')} and ${formatCount(more)} more`;
  if (shown.length === 1) return `line ${shown[0]}`;
  return `lines ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function addFlagLines(into: Ledger['flagLines'], from: Ledger['flagLines'], lineShift: number): void {
  for (const flag of Object.keys(from) as RecordFlag[]) {
    const list = into[flag] ?? [];
    for (const line of from[flag] ?? []) if (list.length < MAX_FLAG_LINES) list.push(line + lineShift);
    into[flag] = list;
  }
}

function addExamples(
  into: Partial<Record<RejectReason, RejectExample[]>>,
  from: Partial<Record<RejectReason, RejectExample[]>>,
  lineShift: number,
): void {
  for (const reason of Object.keys(from) as RejectReason[]) {
    const list = into[reason] ?? [];
    for (const example of from[reason] ?? []) {
      // A file-level example (line 0) is in no line: it stays line 0 whatever part it came from.
      const line = isFileLevelExample(example) ? example.line : example.line + lineShift;
      if (list.length < MAX_EXAMPLES_PER_REASON) list.push({ ...example, line });
    }
    into[reason] = list;
  }
}

/**
 * Adds `from` into `into` (counters summed, examples capped, notices appended). `lineShift` moves the
 * examples' line numbers: `from` counted a later part of the same source from its own line 1.
 */
export function addLedger(into: Ledger, from: Ledger, lineShift = 0): void {
  into.lines += from.lines;
  into.catalogued += from.catalogued;
  into.uncatalogued += from.uncatalogued;
  into.nonError += from.nonError;
  into.records += from.records;
  into.events += from.events;
  into.retriesFolded += from.retriesFolded;
  into.recordsCut += from.recordsCut;
  into.bytesRead += from.bytesRead;
  into.bytesInLines += from.bytesInLines;
  into.sourceBytes += from.sourceBytes;
  addCounts<RejectReason>(into.rejected, from.rejected);
  addCounts<RejectReason | 'cancelled'>(into.bytesUnsplittable, from.bytesUnsplittable);
  addCounts<RecordFlag>(into.flags, from.flags);
  if (from.compressed !== undefined) {
    // A total over gzip and plain sources: the gzip files' own bytes, apart from the text of all of them.
    const compressed = (into.compressed ??= createEmptyCompressedLedger());
    compressed.bytesRead += from.compressed.bytesRead;
    compressed.bytesInflated += from.compressed.bytesInflated;
    addCounts<RejectReason | 'cancelled'>(compressed.bytesUnsplittable, from.compressed.bytesUnsplittable);
  }
  addExamples(into.examples, from.examples, lineShift);
  addFlagLines(into.flagLines, from.flagLines, lineShift);
  into.longestLineTooLong = Math.max(into.longestLineTooLong, from.longestLineTooLong);
  into.notices.push(...from.notices);
}

/** Totals over several ledgers, e.g. every file of one upload. The inputs are not changed. */
export function mergeLedgers(ledgers: readonly Ledger[]): Ledger {
  const total = createEmptyLedger();
  for (const ledger of ledgers) addLedger(total, ledger);
  return total;
}

/** A deep copy, so a snapshot handed out cannot be changed by later counting. */
export function cloneLedger(ledger: Ledger): Ledger {
  return mergeLedgers([ledger]);
}

/**
 * An example of bytes that are in no line: a source refused whole (an archive, an image, binary data, an
 * encoding that is not read) keeps one example at line 0, its `bytes` the bytes refused and its text the notice.
 * Lines count from 1, so line 0 is never a line.
 * Example: `isFileLevelExample({ line: 0, text: 'zip file: not read', bytes: 64 })` → `true`.
 */
export function isFileLevelExample(example: RejectExample): boolean {
  return example.line < 1;
}

/**
 * Shares `cap` places among sources that have `sizes[i]` items each, as evenly as the sizes allow (max-min fair:
 * no source gets fewer than another unless it has no more to give); a place left over goes to the earlier source.
 * Example: `fairShares([20, 5], 20)` → `[15, 5]`; `fairShares([20, 20, 20], 20)` → `[7, 7, 6]`.
 */
export function fairShares(sizes: readonly number[], cap: number): number[] {
  const shares = sizes.map(() => 0);
  let left = Math.max(0, Math.floor(cap));
  let open = sizes.flatMap((size, i) => (size > 0 ? [i] : []));
  while (left > 0 && open.length > 0) {
    const each = Math.floor(left / open.length);
    if (each === 0) {
      // Fewer places than sources still short: one each, in order.
      for (const i of open.slice(0, left)) shares[i] = (shares[i] ?? 0) + 1;
      break;
    }
    for (const i of open) {
      const give = Math.min(each, (sizes[i] ?? 0) - (shares[i] ?? 0));
      shares[i] = (shares[i] ?? 0) + give;
      left -= give;
    }
    open = open.filter((i) => (shares[i] ?? 0) < (sizes[i] ?? 0));
  }
  return shares;
}

/** One source's part of the examples of one reject reason, in a list over several sources. */
export interface SourceExamples<S> {
  readonly source: S;
  /** The source's first examples, as many as its fair share of the list. */
  readonly examples: readonly RejectExample[];
  /** The source's lines rejected for the reason (0 for a source refused whole: its bytes are in no line). */
  readonly rejectedLines: number;
}

/**
 * The examples of one reason over several sources, `cap` in all, shared fairly (see fairShares) so that a
 * source with many rejected lines does not crowd out another's; each example stays with its source, and a
 * source with examples is listed even when the cap left it none (more sources than places). Sources without
 * an example for the reason are left out; the order is the sources'.
 * Example: a.log keeping 20 malformed_json examples and b.log 5 → a.log's first 15, b.log's 5.
 */
export function shareExamples<S extends { readonly ledger: Ledger }>(
  sources: readonly S[],
  reason: RejectReason,
  cap = MAX_EXAMPLES_PER_REASON,
): SourceExamples<S>[] {
  const lists = sources.map((source) => source.ledger.examples[reason] ?? []);
  const shares = fairShares(lists.map((list) => list.length), cap);
  return sources.flatMap((source, i) => {
    const list = lists[i] ?? [];
    if (list.length === 0) return [];
    return [{ source, examples: list.slice(0, shares[i] ?? 0), rejectedLines: source.ledger.rejected[reason] ?? 0 }];
  });
}

/**
 * The reasons that have something to show in a list of examples over these ledgers: rejected lines, or an
 * example without lines (a source refused whole), in the order first met.
 * Example: a ledger with `rejected: { malformed_json: 2 }` and a PNG's `examples: { binary_data: [{ line: 0, … }] }` → `['malformed_json', 'binary_data']`.
 */
export function exampleReasons(ledgers: readonly Ledger[]): RejectReason[] {
  const reasons = new Set<RejectReason>();
  for (const ledger of ledgers) {
    for (const [reason, n] of Object.entries(ledger.rejected) as [RejectReason, number | undefined][]) if ((n ?? 0) > 0) reasons.add(reason);
  }
  for (const ledger of ledgers) {
    for (const [reason, list] of Object.entries(ledger.examples) as [RejectReason, RejectExample[] | undefined][]) if ((list ?? []).length > 0) reasons.add(reason);
  }
  return [...reasons];
}
