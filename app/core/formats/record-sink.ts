import type { ErrorDetails, ErrorOutcome, Outcome, RecordFlag } from '../classify/outcome';
import type { Ledger } from '../ledger/types';
import { countFlag, countRecord } from '../ledger/ledger-count';
import type { LogRecord } from './log-record';
import type { IngestedEvent } from './types';
import { createTranscriptFolder } from './transcript-fold';

export interface RecordSink {
  record(record: LogRecord): void;
  /** Emits what is still held (pending transcript retries). */
  finish(): void;
  /** True while transcript retries are held, waiting for the record that ends their incident. */
  isHolding(): boolean;
}

function withFlag(details: ErrorDetails, flag: RecordFlag): ErrorDetails {
  return details.flags.includes(flag) ? details : { ...details, flags: [...details.flags, flag] };
}

// Flags arrays come in several shapes (frozen, shared, fresh): V8 does not inline `for…of` over them and
// allocates an iterator result per flag; an index does not.
function countFlags(ledger: Ledger, flags: readonly RecordFlag[], invalidUtf8: boolean): void {
  for (let i = 0; i < flags.length; i += 1) countFlag(ledger, flags[i] as RecordFlag);
  if (invalidUtf8 && !flags.includes('invalid_utf8_replaced')) countFlag(ledger, 'invalid_utf8_replaced');
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
    const details = record.invalidUtf8 ? withFlag(outcome.details, 'invalid_utf8_replaced') : outcome.details;
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

  const record = (rec: LogRecord): void => {
    if (rec.rejection !== null) {
      countRecord(ledger, rec, { kind: 'rejected', reason: rec.rejection });
      folder.other(rec);
      return;
    }
    const outcome = classify(rec.text);
    countRecord(ledger, rec, outcome);
    if (outcome.kind === 'non-error' || outcome.kind === 'rejected') {
      if (outcome.kind === 'non-error') countFlags(ledger, outcome.flags, rec.invalidUtf8);
      else countFlags(ledger, [], rec.invalidUtf8);
      folder.other(rec);
      return;
    }
    countFlags(ledger, outcome.details.flags, rec.invalidUtf8);
    folder.error(rec, outcome);
    // B8: a line holding an array of errors is one record, counted once, and an event per error.
    if (outcome.also !== undefined) for (const other of outcome.also) emitIncident(rec, other, 1, 0);
  };

  return { record, finish: folder.finish, isHolding: folder.isPending };
}
