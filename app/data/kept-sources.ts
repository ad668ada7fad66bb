import type { SourceStatus } from '../ingest/protocol';

/** The demo sources that are leaving: all of them once a source of the user's is listed. */
export function leavingDemoIds(sources: readonly SourceStatus[]): number[] {
  const hasUserSource = sources.some((s) => s.kind !== 'demo');
  return hasUserSource ? sources.filter((s) => s.kind === 'demo').map((s) => s.id) : [];
}

/** The sources the page shows: every source the worker lists but a leaving demo, which leaves the page at once. */
export function shownSources(sources: readonly SourceStatus[]): readonly SourceStatus[] {
  const leaving = leavingDemoIds(sources);
  return leaving.length === 0 ? sources : sources.filter((s) => !leaving.includes(s.id));
}

/**
 * The leaving demo sources the worker is asked to drop now: once a file or text of the user's has an event or
 * has stopped reading, or a stream is opened. Dropped at once, the demo often left the store before a dropped
 * file's first events were read (about half the drops of the 100 MiB NDJSON): the answer of the empty store
 * came first, and the charts waited for their next refresh, up to the end of the read, to show the file
 * (1.0–1.4 s instead of 0.3–0.5 s). Until it is dropped, the page shows nothing of it (shownSources,
 * holdsOnlyKept) and says it is loading. A stream's view is live, and its empty store the truth: a quiet
 * stream would have kept "Loading…" until its first error.
 */
export function removableDemoIds(sources: readonly SourceStatus[]): number[] {
  const hasUserData = sources.some((s) => s.kind !== 'demo' && (s.kind === 'stream' || s.ledger.events > 0 || s.state !== 'reading'));
  return hasUserData ? leavingDemoIds(sources) : [];
}

/**
 * Whether an answer computed over the sources `sourceIds` holds only sources the page keeps (`kept`, the ids
 * of shownSources). One that holds another (the leaving demo; a source the user removed) shows events that are
 * gone, and is outdated whatever its version: the page shows nothing from it while the next answer is on its way.
 */
export function holdsOnlyKept(sourceIds: readonly number[], kept: readonly number[]): boolean {
  return sourceIds.every((id) => kept.includes(id));
}
