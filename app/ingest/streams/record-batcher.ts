import type { RejectReason } from '../../core/classify/outcome';
import { createLiveBuffer, DEFAULT_LIVE_CAPACITY } from '../../core/stream';
import type { StreamReject } from '../protocol';

/** Records reach the worker in batches: at 10,000 events/s that is 10 messages a second, not 10,000. */
export const FLUSH_EVERY_MS = 100;

export interface BatchCounts {
  /** Records handed to the worker. */
  readonly sent: number;
  /** Rejections counted here (cut frames, replayed ids, overflow...), by reason. */
  readonly rejected: Readonly<Partial<Record<RejectReason, number>>>;
  /** Records waiting (while paused, at most the buffer's capacity). */
  readonly waiting: number;
  /** Records dropped because the buffer was full, sent or not yet sent. */
  readonly overflowed: number;
  readonly isPaused: boolean;
}

export interface RecordBatcher {
  record(text: string): void;
  reject(reason: RejectReason, example?: string): void;
  pause(): void;
  resume(): void;
  /** Drops what waits (the user cleared the view). */
  clear(): void;
  /** Sends what waits now (the stream ends). */
  flush(): void;
  counts(): BatchCounts;
  dispose(): void;
}

/**
 * The bounded buffer between a connection and the worker (RELIABILITY H15): records wait at most 100 ms,
 * or while the view is paused; past `capacity` (default 200,000) the oldest leave and are counted as
 * `buffer_overflow`, so every record is either sent or counted.
 */
export function createRecordBatcher(options: {
  send: (records: readonly string[], rejects: readonly StreamReject[]) => void;
  capacity?: number;
}): RecordBatcher {
  const buffer = createLiveBuffer<string>({ capacity: options.capacity ?? DEFAULT_LIVE_CAPACITY });
  let rejects = new Map<RejectReason, StreamReject>();
  const rejected: Partial<Record<RejectReason, number>> = {};
  let sent = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (buffer.isPaused()) return;
    const overflow = buffer.overflowed();
    if (overflow > 0) countReject('buffer_overflow', undefined, overflow);
    if (buffer.size() === 0 && rejects.size === 0) return;
    const records = buffer.toArray();
    const batch = [...rejects.values()];
    buffer.clear();
    rejects = new Map();
    sent += records.length;
    options.send(records, batch);
  };
  const schedule = (): void => {
    if (timer === null && !buffer.isPaused()) timer = setTimeout(flush, FLUSH_EVERY_MS);
  };
  const countReject = (reason: RejectReason, example: string | undefined, count = 1): void => {
    const known = rejects.get(reason);
    const kept = known?.example ?? example;
    rejects.set(reason, { reason, count: (known?.count ?? 0) + count, ...(kept === undefined ? {} : { example: kept }) });
    rejected[reason] = (rejected[reason] ?? 0) + count;
  };

  return {
    record: (text) => {
      buffer.push(text);
      schedule();
    },
    reject: (reason, example) => {
      countReject(reason, example === undefined ? undefined : example.slice(0, 300));
      schedule();
    },
    pause: () => buffer.pause(),
    resume: () => {
      buffer.resume();
      flush();
    },
    clear: () => {
      buffer.clear();
      rejects = new Map();
    },
    flush,
    counts: () => ({
      sent,
      rejected: { ...rejected },
      waiting: buffer.size(),
      overflowed: (rejected.buffer_overflow ?? 0) + buffer.overflowed(),
      isPaused: buffer.isPaused(),
    }),
    dispose: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
