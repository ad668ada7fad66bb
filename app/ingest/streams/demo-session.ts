import { nextDemoBatch } from '../../core/stream';
import { DEMO_STREAM } from '../../core/view-state';
import type { StreamSinkClient } from '../ingest-client';
import { createSessionBase } from './session-base';
import type { StreamSession, StreamSnapshot } from './session-types';

/**
 * `stream=demo`: log lines generated in the page from the catalog (nextDemoBatch), posted like any
 * stream's records. No network, no state machine: it is live until stopped.
 */
export function startDemoSession(input: { sink: StreamSinkClient; onSnapshot: (snapshot: StreamSnapshot) => void; seed?: number }): StreamSession {
  const target = { kind: 'demo', url: DEMO_STREAM } as const;
  let seed = input.seed ?? 1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const snapshot = (): StreamSnapshot => ({ target, key: base.key, machine: null, counts: base.batcher.counts(), reconnects: 0, isFinished: base.isFinished() });
  const base = createSessionBase({ ...input, target, snapshot });

  const next = (): void => {
    const batch = nextDemoBatch({ seed, now: Date.now() });
    seed = batch.seed;
    for (const record of batch.records) base.batcher.record(record);
    base.changed();
    timer = setTimeout(next, batch.delayMs);
  };
  timer = setTimeout(next, 0);
  base.changed(true);

  return {
    ...base.controls,
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      base.finish('done', null);
    },
    snapshot,
    finished: base.finished,
  };
}
