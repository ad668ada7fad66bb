import { errorsOf, type ErrorDetails, type ErrorOutcome, type Outcome, type RecordFlag } from '../classify/outcome';
import { datedByLineAbove, isUndatedError, stampProbe, timeOfProbe } from '../classify/previous-line-time';
import type { Ledger } from '../ledger/types';
import { countFlag, countRecord } from '../ledger/ledger-count';
import type { LogRecord } from './log-record';
import type { IngestedEvent } from './types';
import { createTranscriptFolder, readTranscriptMarker } from './transcript-fold';

export interface RecordSink {
  record(record: LogRecord): void;
  /** Emits what is still held (pending transcript retries). */
  finish(): void;
  /** True while transcript retries are held, waiting for the record that ends their incident. */
  isHolding(): boolean;
  /**
   * Whether the first record could take the time of a stamped line above it (an error without a time of its own,
   * no transcript record), or is not classified yet. A later part of a source, read on its own, has no line above
   * its first record: the part before is asked (settledBefore) whether its last line would have dated it.
   */
  firstMayTakeLineAbove(): boolean;
}

function withDetailFlag(details: ErrorDetails, flag: RecordFlag): ErrorDetails {
  return details.flags.includes(flag) ? details : { ...details, flags: [...details.flags, flag] };
}

/** B8: the flags of a record holding several errors, each once: the record is counted once, with every caveat of its errors. */
function flagsOfAll(outcome: ErrorOutcome): readonly RecordFlag[] {
  return [...new Set(errorsOf(outcome).flatMap((error) => error.details.flags))];
}

// Flags arrays come in several shapes (frozen, shared, fresh): V8 does not inline `for…of` over them and
// allocates an iterator result per flag; an index does not.
function countFlags(ledger: Ledger, flags: readonly RecordFlag[], invalidUtf8: boolean, line: number): void {
  for (let i = 0; i < flags.length; i += 1) countFlag(ledger, flags[i] as RecordFlag, line);
  if (invalidUtf8 && !flags.includes('invalid_utf8_replaced')) countFlag(ledger, 'invalid_utf8_replaced', line);
}

/**
 * Classifies each record, counts its lines in the ledger under the record's outcome, folds Claude Code
 * retries and emits one event per error incident.
 */
export function createRecordSink(options: {
  classify: (text: string) => Outcome;
  ledger: Ledger;
  onEvent: (event: IngestedEvent) => void;
}): RecordSink {
  const { classify, ledger, onEvent } = options;

  const emitIncident = (record: LogRecord, outcome: ErrorOutcome, attempts: number, folded: number): void => {
    ledger.events += 1;
    ledger.retriesFolded += folded;
    const details = record.invalidUtf8 ? withDetailFlag(outcome.details, 'invalid_utf8_replaced') : outcome.details;
    onEvent({
      line: record.firstLine,
      lineCount: record.lineCount,
      byteOffset: record.byteOffset,
      byteLength: record.byteLength,
      entry: outcome.kind === 'catalogued' ? outcome.entry : null,
      details,
      attempts,
      format: record.format,
    });
  };
  const folder = createTranscriptFolder(emitIncident);

  /**
   * The line right above the next record: the text of the record before when that record was one line that
   * neither the assembler nor the classifier rejected; else null. An error without a time of its own takes the
   * time of this line when it opens with a log stamp (previous-line-time.ts). Only this line counts, never the
   * first line of a longer record before it, nor a line further up: a blank line between, a second undated error
   * after the first (its line above is the first's last line), or the lines of a trace before it break the link,
   * so an error is dated only by the line that introduced it, never by some line above an unrelated one. The
   * line may be any record of one line, error or not: a stamped `ERROR request failed` dates the trace under it
   * as `INFO response:` does. The record may be any format but a Claude Code transcript record (JSON written with
   * its own timestamp and folded by its markers): a JSON body right under `… DEBUG response body:` is dated by
   * it, while NDJSON lines follow JSON lines, which open with no stamp. It is a slice of the log: it keeps one
   * batch of text alive until the next record, as the stamp memo of event-time.ts does, and is dropped at the end.
   */
  let lineAbove: string | null = null;
  /** See firstMayTakeLineAbove: null until the first record is classified. */
  let firstMayTake: boolean | null = null;

  /** The outcome dated by the line above when it opens with a stamp, else the outcome itself. */
  const datedByAbove = (outcome: ErrorOutcome, above: string, text: string): ErrorOutcome => {
    if (readTranscriptMarker(text) !== null) return outcome;
    const probe = stampProbe(above);
    const time = probe === null ? null : timeOfProbe(classify(probe));
    return time === null ? outcome : datedByLineAbove(outcome, time);
  };

  const record = (rec: LogRecord): void => {
    const above = lineAbove;
    lineAbove = rec.lineCount === 1 && rec.rejection === null ? rec.text : null;
    if (rec.rejection !== null) {
      firstMayTake ??= false;
      countRecord(ledger, rec, { kind: 'rejected', reason: rec.rejection });
      folder.other(rec);
      return;
    }
    let outcome = classify(rec.text);
    if (firstMayTake === null) firstMayTake = isUndatedError(outcome) && readTranscriptMarker(rec.text) === null;
    countRecord(ledger, rec, outcome);
    if (outcome.kind === 'non-error' || outcome.kind === 'rejected') {
      if (outcome.kind === 'non-error') countFlags(ledger, outcome.flags, rec.invalidUtf8, rec.firstLine);
      else {
        lineAbove = null;
        countFlags(ledger, [], rec.invalidUtf8, rec.firstLine);
      }
      folder.other(rec);
      return;
    }
    // The common case stops at the first comparison: no line above (a record of several lines before), or a dated error.
    if (above !== null && outcome.details.ts === null && isUndatedError(outcome)) outcome = datedByAbove(outcome, above, rec.text);
    countFlags(ledger, outcome.also === undefined ? outcome.details.flags : flagsOfAll(outcome), rec.invalidUtf8, rec.firstLine);
    folder.error(rec, outcome);
    // B8: a line holding an array of errors is one record, counted once, and an event per error.
    if (outcome.also !== undefined) for (const other of outcome.also) emitIncident(rec, other, 1, 0);
  };

  const finish = (): void => {
    lineAbove = null;
    folder.finish();
  };

  return { record, finish, isHolding: folder.isPending, firstMayTakeLineAbove: () => firstMayTake ?? true };
}
