import type { SourceStatus } from '../ingest/protocol';

/**
 * The demo sources that are leaving: all of them once a source of the user's exists. The page removes them
 * then (useDemoUntilUserData), and the worker, busy with the user's file, may take a moment to.
 */
export function leavingDemoIds(sources: readonly SourceStatus[]): number[] {
  const hasUserSource = sources.some((s) => s.kind !== 'demo');
  return hasUserSource ? sources.filter((s) => s.kind === 'demo').map((s) => s.id) : [];
}

/** The sources whose events the page shows: every source it lists but a leaving demo. */
export function keptSourceIds(sources: readonly SourceStatus[]): number[] {
  const leaving = leavingDemoIds(sources);
  return sources.map((s) => s.id).filter((id) => !leaving.includes(id));
}

/**
 * Whether an answer computed over the sources `sourceIds` holds only sources the page keeps. One that holds
 * another (the demo, as a file is dropped on it; a source the user removed) shows events that are gone, and
 * is outdated whatever its version: the page shows nothing from it while the next answer is on its way.
 */
export function holdsOnlyKept(sourceIds: readonly number[], kept: readonly number[]): boolean {
  return sourceIds.every((id) => kept.includes(id));
}
