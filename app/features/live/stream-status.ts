import { describeStreamStatus } from '../../core/stream';
import type { StreamSnapshot } from '../../ingest/streams';

/** The status line: connecting, live, reconnecting in N s, stale, failed: reason, paused, disconnected. */
export function formatStreamStatus(snapshot: StreamSnapshot, now: number): string {
  const { machine, counts } = snapshot;
  const base = machine === null ? (snapshot.isFinished ? 'stopped' : 'live') : describeStreamStatus(machine, now);
  const text = base === 'stopped' ? 'disconnected' : base;
  const why = machine?.status.kind === 'backoff' && machine.lastError !== null ? ` (${machine.lastError})` : '';
  return counts.isPaused && !snapshot.isFinished ? `paused · ${text}${why}` : `${text}${why}`;
}

/** A class for the status pill: live, waiting (connecting, backoff, stale), failed, stopped. */
export function statusTone(snapshot: StreamSnapshot): 'live' | 'waiting' | 'failed' | 'stopped' {
  const kind = snapshot.machine?.status.kind ?? (snapshot.isFinished ? 'stopped' : 'live');
  if (kind === 'live') return 'live';
  if (kind === 'failed') return 'failed';
  if (kind === 'stopped' || kind === 'ended' || kind === 'idle') return 'stopped';
  return 'waiting';
}
