import type { StreamMachine } from '../../core/stream';
import type { BatchCounts } from './record-batcher';
import type { StreamTarget } from './stream-target';

/** What the page shows of a stream: its state machine (null for the demo), its counts, whether it ended. */
export interface StreamSnapshot {
  readonly target: StreamTarget;
  readonly key: string;
  readonly machine: StreamMachine | null;
  readonly counts: BatchCounts;
  /** Connections opened after the first. */
  readonly reconnects: number;
  readonly isFinished: boolean;
}

export interface StreamControls {
  pause(): void;
  resume(): void;
  /** Empties the live view: what waits is dropped, the source's events and ledger start again. */
  clear(): void;
  /** Disconnects for good (the source stays, marked done). */
  stop(): void;
}

export interface StreamSession extends StreamControls {
  snapshot(): StreamSnapshot;
  /** Settles with the last snapshot once the stream failed for good or was stopped. */
  readonly finished: Promise<StreamSnapshot>;
}

/** Snapshots reach the page at most 4 times a second (the UI redraw budget of the benchmark). */
export const SNAPSHOT_EVERY_MS = 250;
