import type { Outcome } from '../classify/outcome';
import { createIngestPipeline } from './pipeline';
import { runIngest, type IngestRun } from './fake-classifier';
import { joinParts } from './split-source';
import type { IngestedEvent } from './types';

/** Test support: a source read in one pass, or in two parts put together as the page and the CLI do. */
export type Read = IngestRun;

export interface ReadOptions {
  readonly classify: (text: string) => Outcome;
  readonly maxRecordLines?: number;
  readonly maxLineBytes?: number;
}

export function readWhole(bytes: Uint8Array, options: ReadOptions): Read {
  return runIngest(bytes, [], options);
}

/** The two parts read on their own, then joined; null when joinParts refuses the split. */
export function readSplit(bytes: Uint8Array, at: number, options: ReadOptions): Read | null {
  const events: IngestedEvent[] = [];
  const first = createIngestPipeline({ ...options, onEvent: (e) => events.push(e) });
  const restEvents: IngestedEvent[] = [];
  const rest = createIngestPipeline({ ...options, onEvent: (e) => restEvents.push(e), partAt: at });
  first.push(bytes.subarray(0, at));
  // The rest in uneven chunks: a part's reading must not depend on its chunking either.
  for (let i = at; i < bytes.length; i += 777) rest.push(bytes.subarray(i, Math.min(bytes.length, i + 777)));
  const joined = joinParts(first, { ledger: rest.finish(), firstLine: rest.firstLine() });
  if (joined === null) return null;
  for (const e of restEvents) events.push({ ...e, line: e.line + joined.lineShift });
  return { ledger: joined.ledger, events };
}

/** Every line start past the sniffed head (a split is only ever asked for far into a big file). */
export function lineStartsPastHead(bytes: Uint8Array): number[] {
  const starts: number[] = [];
  for (let i = 1024; i < bytes.length; i += 1) if (bytes[i - 1] === 10) starts.push(i);
  return starts;
}
