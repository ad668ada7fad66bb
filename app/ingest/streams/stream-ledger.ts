import type { Outcome } from '../../core/classify/outcome';
import type { LogRecord, RecordFormat } from '../../core/formats/log-record';
import { createRecordSink, type RecordSink } from '../../core/formats/record-sink';
import type { IngestedEvent } from '../../core/formats/types';
import { cloneLedger, createEmptyLedger } from '../../core/ledger/ledger';
import type { Ledger } from '../../core/ledger/types';
import { utf8Length } from '../../core/stream';
import type { StreamReject } from '../protocol';

export interface StreamLedger {
  /** One batch: each record is one line of the ledger; each rejection counts `count` lines. */
  add(records: readonly string[], rejects: readonly StreamReject[]): void;
  /** A consistent copy (both ledger invariants hold). */
  snapshot(): Ledger;
  /** Emits what the transcript folder still holds (the stream ended). */
  finish(): void;
  /** Starts a new ledger (the user cleared the live view). */
  reset(notice: string): void;
}

/**
 * The ledger of a live stream, fed record by record: the same classifier, record sink and ledger as a
 * file, without the file pipeline's format sniffing and multi-line assembly (which would hold a live line
 * back until the next one arrives). A record with NUL is `binary_data`, like a file line.
 * Example: `const l = createStreamLedger({ classify, format: 'sse', onEvent }); l.add(['{"error":…}'], []);`
 */
export function createStreamLedger(options: {
  classify: (text: string) => Outcome;
  format: RecordFormat;
  onEvent: (event: IngestedEvent) => void;
}): StreamLedger {
  let ledger = createEmptyLedger();
  let sink: RecordSink = createRecordSink({ classify: options.classify, ledger, onEvent: options.onEvent });
  let line = 0;
  let offset = 0;

  const push = (text: string, rejection: LogRecord['rejection']): void => {
    const bytes = utf8Length(text);
    // A record had a terminator on the wire (newline, blank line, frame end); a counted rejection may have no text.
    const length = rejection === null ? bytes + 1 : bytes;
    line += 1;
    const isBinary = rejection === null && text.includes('\u0000');
    sink.record({
      firstLine: line,
      lineCount: 1,
      byteOffset: offset,
      byteLength: length,
      firstLineBytes: bytes,
      text: isBinary ? text.slice(0, 300) : text,
      format: options.format,
      invalidUtf8: false,
      rejection: isBinary ? 'binary_data' : rejection,
    });
    offset += length;
  };

  return {
    add: (records, rejects) => {
      for (const text of records) push(text, null);
      for (const reject of rejects) {
        for (let i = 0; i < reject.count; i += 1) push(i === 0 ? (reject.example ?? '') : '', reject.reason);
      }
    },
    snapshot: () => cloneLedger(ledger),
    finish: () => sink.finish(),
    reset: (notice) => {
      sink.finish();
      ledger = createEmptyLedger();
      ledger.notices.push(notice);
      sink = createRecordSink({ classify: options.classify, ledger, onEvent: options.onEvent });
    },
  };
}
