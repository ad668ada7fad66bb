import { readFileSync } from 'node:fs';
import { classifyRecord } from '../core/classify/classify';
import { bucketTrend, filterEvents } from '../core/aggregate';
import { createIngestPipeline } from '../core/formats/pipeline';
import { appendEvent, createEventStore, MAX_CHECKED_IDS, sharedRequestIds, type EventStore } from '../core/store';
import { testEvent } from '../core/store/test-events';
import { DEFAULT_VIEW, type ViewState } from '../core/view-state';
import { answerQuery } from '../ingest/queries';
import type { WorkerQuery } from '../ingest/protocol';

export interface ViewTiming {
  readonly view: string;
  readonly matched: number;
  readonly trendRows: number;
  /** filterEvents + bucketTrend (the chart rows), milliseconds. */
  readonly medianMs: number;
  readonly maxMs: number;
  /** The worker's whole dashboard answer (overview, trend, rate limits, blocked, breakdown, resets). */
  readonly dashboardMedianMs: number;
}

export interface AggregateResult {
  readonly events: number;
  readonly sources: number;
  readonly loadSeconds: number;
  /** The first filter + trend after loading (cold caches, first JIT). */
  readonly firstMs: number;
  readonly views: readonly ViewTiming[];
  readonly worstMedianMs: number;
  /** Request ids shared by sources (the Sources panel's note), over SHARED_IDS_EVENTS events that all hold one. */
  readonly sharedIds: { readonly events: number; readonly shared: number; readonly medianMs: number };
}

const TARGET_EVENTS = 1_000_000;

/**
 * Loads 1 M real events (the NDJSON corpus ingested again as new sources until the store holds 1 M) and
 * times a filter change the way the worker answers one: the store's version moves, so no memo applies.
 */
export async function benchAggregate(ndjsonPath: string, log: (text: string) => void): Promise<AggregateResult> {
  const bytes = readFileSync(ndjsonPath);
  const store = createEventStore();
  const started = performance.now();
  let source = 0;
  while (store.size < TARGET_EVENTS) {
    source += 1;
    const id = source;
    const pipeline = createIngestPipeline({
      classify: (text) => classifyRecord(text),
      onEvent: (event) => {
        if (store.size < TARGET_EVENTS) appendEvent(store, event, id);
      },
    });
    for (let at = 0; at < bytes.length && store.size < TARGET_EVENTS; at += 1024 * 1024) pipeline.push(bytes.subarray(at, at + 1024 * 1024));
    pipeline.finish();
  }
  const loadSeconds = (performance.now() - started) / 1000;
  log(`  loaded ${store.size.toLocaleString('en')} events from ${source} passes in ${loadSeconds.toFixed(1)} s`);

  const ctx = { now: store.maxTime, localOffsetMinutes: 0 };
  const views: Array<[string, ViewState]> = [
    ['all data', DEFAULT_VIEW],
    ['codes 1302+1308', { ...DEFAULT_VIEW, codes: ['1302', '1308'] }],
    ['last 24 h, 2 sources', { ...DEFAULT_VIEW, range: 'last-24h', sources: ['1', '2'] }],
    ['text "reduce concurrency"', { ...DEFAULT_VIEW, q: 'reduce concurrency' }],
    ['category api-policy-block', { ...DEFAULT_VIEW, categories: ['api-policy-block'] }],
  ];
  const filterAndTrend = (view: ViewState) => {
    store.version += 1; // a new filter: nothing memoised applies
    const matched = filterEvents(store, view, ctx).length;
    const trend = bucketTrend(store, view, ctx);
    return { matched, trendRows: trend.rows.length };
  };
  const firstStart = performance.now();
  filterAndTrend(DEFAULT_VIEW);
  const firstMs = performance.now() - firstStart;

  const timings: ViewTiming[] = [];
  for (const [name, view] of views) {
    const ms: number[] = [];
    let shape = { matched: 0, trendRows: 0 };
    for (let i = 0; i < 13; i += 1) {
      const t = performance.now();
      shape = filterAndTrend(view);
      if (i >= 3) ms.push(performance.now() - t);
    }
    const dash: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      store.version += 1;
      const query: WorkerQuery = { kind: 'dashboard', view, now: ctx.now, localOffsetMinutes: 0 };
      const t = performance.now();
      await answerQuery({ store, sources: new Map(), query });
      if (i >= 1) dash.push(performance.now() - t);
    }
    timings.push({ view: name, ...shape, medianMs: median(ms), maxMs: Math.max(...ms), dashboardMedianMs: median(dash) });
  }
  return { events: store.size, sources: source, loadSeconds, firstMs, views: timings, worstMedianMs: Math.max(...timings.map((v) => v.medianMs)), sharedIds: benchSharedIds() };
}

/** The corpus's lines carry no request id: a store of its own, at the check's cap, a Z.ai id on every event. */
const SHARED_IDS_EVENTS = MAX_CHECKED_IDS;

/** Three sources of 2026… ids, 700,000 distinct, so 300,000 are held by two sources or three (the worst case). */
function benchSharedIds(): AggregateResult['sharedIds'] {
  const store = createEventStore();
  for (let i = 0; i < SHARED_IDS_EVENTS; i += 1) {
    appendEvent(store, testEvent({ code: '1308', ts: i, requestId: `2026112512${String(i % 700_000).padStart(8, '0')}4f0e9a1c2b` }), i % 3);
  }
  const ms: number[] = [];
  let shared = 0;
  for (let i = 0; i < 4; i += 1) {
    const t = performance.now();
    shared = sharedRequestIds(store).ids;
    if (i >= 1) ms.push(performance.now() - t);
  }
  return { events: store.size, shared, medianMs: median(ms) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export type { EventStore };
