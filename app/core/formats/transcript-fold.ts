import type { ErrorOutcome } from '../classify/outcome';
import type { LogRecord } from './log-record';

/** Receives one error incident: the record that stands for it and how many attempts it took. */
export type IncidentSink = (record: LogRecord, outcome: ErrorOutcome, attempts: number, folded: number) => void;

const RETRY_ATTEMPT = /"retryAttempt":\s*(\d+)/;
/** As Claude Code writes them (compact), or re-serialised with spaces (Python's json.dumps, jq). */
const FINAL_SPACED = /"isApiErrorMessage"\s*:\s*true/;
const RETRY_SPACED = /"subtype"\s*:\s*"api_error"/;

/**
 * Claude Code transcript markers, read from the raw JSONL text:
 * retry: `{"type":"system","subtype":"api_error",...,"retryAttempt":2,"maxRetries":10}`;
 * final: the assistant record with `"isApiErrorMessage":true`.
 */
export function readTranscriptMarker(text: string): { kind: 'retry'; attempt: number } | { kind: 'final' } | null {
  // Both markers contain "pi" (isApiErrorMessage, api_error): one short search rules out most records.
  if (text.charCodeAt(0) !== 123 || text.indexOf('pi') < 0) return null;
  if (text.includes('"isApiErrorMessage":true') || (text.includes('isApiErrorMessage') && FINAL_SPACED.test(text))) return { kind: 'final' };
  if (!text.includes('"subtype":"api_error"') && !(text.includes('api_error') && RETRY_SPACED.test(text))) return null;
  const match = RETRY_ATTEMPT.exec(text);
  return match ? { kind: 'retry', attempt: Number(match[1]) } : null;
}

export interface TranscriptFolder {
  /** An error record, in line order. */
  error(record: LogRecord, outcome: ErrorOutcome): void;
  /** Any other record (non-error or rejected), in line order. */
  other(record: LogRecord): void;
  finish(): void;
  /** True while retries wait for the record that ends their incident. */
  isPending(): boolean;
}

interface Pending {
  record: LogRecord;
  outcome: ErrorOutcome;
  attempt: number;
  retries: number;
}

/**
 * Folds Claude Code retry records into one incident: the retries and the final assistant record give ONE
 * event with attempts = retries + 1, on the final record; without a final record, on the last retry (the
 * retry that followed it succeeded, or the transcript ends). Pending retries end at any other record except a
 * blank line, or when the attempt number does not grow (a new incident). State depends on lines only.
 */
export function createTranscriptFolder(sink: IncidentSink): TranscriptFolder {
  let pending: Pending | null = null;

  const flush = (): void => {
    if (pending === null) return;
    const { record, outcome, retries } = pending;
    pending = null;
    sink({ ...record, format: 'transcript' }, outcome, retries + 1, retries - 1);
  };

  return {
    error: (record, outcome) => {
      const marker = readTranscriptMarker(record.text);
      if (marker === null) {
        flush();
        sink(record, outcome, 1, 0);
      } else if (marker.kind === 'retry') {
        if (pending !== null && marker.attempt <= pending.attempt) flush();
        // Copied: a record is valid during its call only (the assembler fills the same object again).
        pending = { record: { ...record }, outcome, attempt: marker.attempt, retries: (pending?.retries ?? 0) + 1 };
      } else {
        const retries = pending?.retries ?? 0;
        pending = null;
        sink({ ...record, format: 'transcript' }, outcome, retries + 1, retries);
      }
    },
    other: (record) => {
      if (pending !== null && record.rejection === null && record.text.trim() === '') return;
      flush();
    },
    finish: flush,
    isPending: () => pending !== null,
  };
}
