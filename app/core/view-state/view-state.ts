import type { Category, Verdict } from '../catalog/types';
import { DEFAULT_PRESET, type PresetId } from './presets';
import { DEFAULT_TIME_ZONE, type TimeZoneId } from './time-zones';

/** An absolute range in epoch ms, half-open (`from <= t < to`), always `from < to`. */
export interface AbsoluteRange {
  readonly from: number;
  readonly to: number;
}

export type ViewRange = PresetId | AbsoluteRange;

/**
 * Everything the dashboard shows is a function of (data, ViewState). Lists are canonical in a view that
 * came out of `parseViewState` or `normalizeViewState`: de-duplicated and sorted (see `normalize-view.ts`).
 * An empty list means "no filter on that facet".
 */
export interface ViewState {
  readonly range: ViewRange;
  readonly categories: readonly Category[];
  /** Code strings as the provider writes them ('1308'), or NO_CODE for events without a code. */
  readonly codes: readonly string[];
  readonly verdicts: readonly Verdict[];
  /** Source ids as strings ('0', '3'): the store keeps them as numbers. */
  readonly sources: readonly string[];
  /** Free text, matched case-insensitively against message, code and request id. */
  readonly q: string;
  readonly tz: TimeZoneId;
  /** 'demo' or an http(s)/ws(s) URL without credentials; null when no stream is set. */
  readonly stream: string | null;
  /**
   * How an http(s) stream is read, when the user chose it ("Read as"); null: told by the URL (a path naming
   * ndjson or jsonl is NDJSON, anything else SSE). Always null without an http(s) stream.
   */
  readonly streamRead: StreamRead | null;
  /**
   * The zone zone-less reset stamps (next_flush_time) are read in, minutes east of UTC. The provider writes
   * them in China Standard Time, so the default is UTC+8; a user who doubts it can change it (`rtz=`).
   */
  readonly resetOffsetMinutes: number;
  /** The events list's order by time: oldest first (a log's order, the default) or newest first (`order=newest`). */
  readonly order: EventOrder;
}

export const EVENT_ORDERS = ['oldest', 'newest'] as const;
export type EventOrder = (typeof EVENT_ORDERS)[number];

/** The ways an http(s) stream can be read (`read=`); ws(s) URLs are WebSockets and demo is the demo. */
export const STREAM_READS = ['sse', 'ndjson'] as const;
export type StreamRead = (typeof STREAM_READS)[number];

/** The provider's zone for reset stamps: UTC+8, no DST. */
export const DEFAULT_RESET_OFFSET_MINUTES = 480;

/** The token that filters the events which carry no code (written `code=none`). */
export const NO_CODE = 'none';

/** Frozen: views are values, never mutated in place. */
export const DEFAULT_VIEW: ViewState = Object.freeze({
  range: DEFAULT_PRESET,
  categories: Object.freeze([]),
  codes: Object.freeze([]),
  verdicts: Object.freeze([]),
  sources: Object.freeze([]),
  q: '',
  tz: DEFAULT_TIME_ZONE,
  stream: null,
  streamRead: null,
  resetOffsetMinutes: DEFAULT_RESET_OFFSET_MINUTES,
  // Newest first: the error a user comes for is the one that just stopped their agent.
  order: 'newest',
});

export function isAbsoluteRange(range: ViewRange): range is AbsoluteRange {
  return typeof range === 'object';
}

/** Version of the URL format; links without `v` are read as this version. */
export const VIEW_FORMAT_VERSION = 1;
