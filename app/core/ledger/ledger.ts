import type { Ledger, RejectExample } from './types';
import type { RecordFlag, RejectReason } from '../classify/outcome';

/** Examples kept per reject reason, and the characters kept of each example's text. */
export const MAX_EXAMPLES_PER_REASON = 20;
export const MAX_EXAMPLE_CHARS = 300;

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
    bytesRead: 0,
    bytesInLines: 0,
    bytesUnsplittable: {},
    sourceBytes: 0,
    flags: {},
    examples: {},
    notices: [],
  };
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
    ['bytesRead', ledger.bytesRead],
    ['sourceBytes', ledger.sourceBytes],
  ];
  for (const [name, value] of counters) {
    if (!Number.isSafeInteger(value) || value < 0) problems.push(`${name} is not a non-negative integer: ${value}`);
  }
  if (ledger.records > ledger.lines) problems.push(`records ${ledger.records} > lines ${ledger.lines}`);
  return problems;
}

function addCounts<K extends string>(into: Partial<Record<K, number>>, from: Partial<Record<K, number>>): void {
  for (const key of Object.keys(from) as K[]) {
    into[key] = (into[key] ?? 0) + (from[key] ?? 0);
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
      if (list.length < MAX_EXAMPLES_PER_REASON) list.push({ ...example, line: example.line + lineShift });
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
  into.bytesRead += from.bytesRead;
  into.bytesInLines += from.bytesInLines;
  into.sourceBytes += from.sourceBytes;
  addCounts<RejectReason>(into.rejected, from.rejected);
  addCounts<RejectReason | 'cancelled'>(into.bytesUnsplittable, from.bytesUnsplittable);
  addCounts<RecordFlag>(into.flags, from.flags);
  addExamples(into.examples, from.examples, lineShift);
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
