import type { StreamSinkClient } from '../ingest-client';
import { createRecordBatcher, type RecordBatcher } from './record-batcher';
import { SNAPSHOT_EVERY_MS, type StreamControls, type StreamSnapshot } from './session-types';
import { recordFormatOf, streamKeyOf, streamNameOf, type StreamTarget } from './stream-target';

export interface SessionBase {
  readonly key: string;
  readonly batcher: RecordBatcher;
  /** Asks for a snapshot to be published: at once, or within 250 ms (coalesced). */
  readonly changed: (isUrgent?: boolean) => void;
  /** Ends the session: sends what waits, marks the source, settles `finished`. */
  readonly finish: (state: 'done' | 'failed', error: string | null) => void;
  readonly isFinished: () => boolean;
  readonly finished: Promise<StreamSnapshot>;
  /** Pause, resume and clear: the same for every kind of stream. */
  readonly controls: Omit<StreamControls, 'stop'>;
}

/** What every stream session shares: the worker source, the batcher, the throttled snapshots, the end. */
export function createSessionBase(input: {
  target: StreamTarget;
  sink: StreamSinkClient;
  snapshot: () => StreamSnapshot;
  onSnapshot: (snapshot: StreamSnapshot) => void;
  capacity?: number;
}): SessionBase {
  const { sink, target } = input;
  const key = streamKeyOf(target);
  sink.open(key, streamNameOf(target), recordFormatOf(target));
  const batcher = createRecordBatcher({
    send: (records, rejects) => sink.records(key, records, rejects),
    ...(input.capacity === undefined ? {} : { capacity: input.capacity }),
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let isFinished = false;
  let settle: (snapshot: StreamSnapshot) => void = () => undefined;
  const finished = new Promise<StreamSnapshot>((resolve) => {
    settle = resolve;
  });

  const publish = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    input.onSnapshot(input.snapshot());
  };
  const changed = (isUrgent = false): void => {
    if (isUrgent) publish();
    else if (timer === null) timer = setTimeout(publish, SNAPSHOT_EVERY_MS);
  };
  const finish = (state: 'done' | 'failed', error: string | null): void => {
    if (isFinished) return;
    isFinished = true;
    batcher.resume(); // sends what waited while paused: nothing is left unaccounted
    batcher.dispose();
    sink.state(key, state, error);
    publish();
    settle(input.snapshot());
  };
  const controls = {
    pause: () => {
      batcher.pause();
      changed(true);
    },
    resume: () => {
      batcher.resume();
      changed(true);
    },
    clear: () => {
      batcher.clear();
      sink.clear(key);
      changed(true);
    },
  };
  return { key, batcher, changed, finish, isFinished: () => isFinished, finished, controls };
}
