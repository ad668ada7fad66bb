import type { BlockedIntervalsResult, CodeBreakdownRow, DataExtent, Overview, PlanTimeline, RateLimitResult, TrendResult, WindowResets } from '../core/aggregate';
import type { RejectReason } from '../core/classify/outcome';
import type { LineAbove } from '../core/formats/line-above';
import type { Ledger } from '../core/ledger/types';
import type { StoredEvent } from '../core/store';
import type { AbsoluteRange, ViewState } from '../core/view-state';

/** What kind of thing a source is; 'demo' is the bundled data set shown until the user brings data. */
export const SOURCE_KINDS = ['file', 'paste', 'demo', 'stream'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_STATES = ['reading', 'done', 'cancelled', 'failed'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

/** A source as the page sees it: never its raw text, only counts and status. */
export interface SourceStatus {
  readonly id: number;
  readonly name: string;
  readonly kind: SourceKind;
  readonly state: SourceState;
  /** Size of the source as given (compressed bytes for gzip), or null when unknown. */
  readonly sizeBytes: number | null;
  readonly bytesDone: number;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly error: string | null;
  readonly ledger: Ledger;
  /** For a live stream: the key the page sends its records under (`sse https://host/path`). */
  readonly streamKey?: string;
  /** The zone zone-less log stamps were read in (minutes east of UTC), or null for the viewer's zone. */
  readonly localOffsetMinutes?: number | null;
  /** When the worker published this status (rates are computed against it, so the page needs no clock). */
  readonly updatedAt?: number;
  /** Error events past the page's events cap: counted in the ledger, not charted. */
  readonly eventsNotStored?: number;
  /** 2 while (and once) a large file's second half is read by a second worker, in parallel. */
  readonly readers?: number;
  /**
   * Set for a compressed file: its ledger's bytes are the text after decompression, its size and bytesDone the
   * file's; once its first bytes are read, its ledger's `compressed` accounts for the file's own bytes.
   */
  readonly compressed?: 'gzip';
  /** A file added while others were read: it waits its turn (state 'reading', nothing read yet). */
  readonly waiting?: true;
  /** Cancel was asked and the read is ending (a second reader stopping, the lines between the parts counted). */
  readonly stopping?: true;
  /** For a file: its name, size and modification time (see core/ledger/file-identity.ts), so that it is not read twice. */
  readonly fileKey?: string;
  /** Set when the source was read as GB18030 (see AddSourceRequest). */
  readonly textEncoding?: 'gb18030';
  /** Set when the source was read with a line cap other than the default (see AddSourceRequest). */
  readonly maxLineBytes?: number;
  /** Set when the source's zone-less times were read in a named zone (see AddSourceRequest). */
  readonly localZone?: string;
}

export type SourcePayload =
  | { readonly kind: 'file'; readonly file: File }
  | { readonly kind: 'text'; readonly text: string };

export interface AddSourceRequest {
  readonly type: 'add-source';
  readonly name: string;
  readonly kind: SourceKind;
  readonly payload: SourcePayload;
  /** Offset for zone-less log stamps of this source, minutes east of UTC (default: the viewer's zone). */
  readonly localOffsetMinutes: number | null;
  /** Offset for zone-less provider reset stamps (default 480, UTC+8). */
  readonly providerOffsetMinutes: number;
  /** Text without a byte order mark read as GB18030 rather than UTF-8 (A9), when the user says so. */
  readonly textEncoding?: 'gb18030';
  /** A line cap other than the default (INGEST_LIMITS.maxLineBytes), when the user asks for a larger one. */
  readonly maxLineBytes?: number;
  /**
   * A named zone (IANA, `America/New_York`) for zone-less log stamps, its daylight saving included: taken before
   * `localOffsetMinutes` when set.
   */
  readonly localZone?: string;
}

/** What a source is read again with: another zone for its zone-less stamps, another encoding, another line cap. */
export interface RereadChange {
  /** An offset, or the viewer's zone (null); either one ends a named zone the source was read in. */
  readonly localOffsetMinutes?: number | null;
  /** A named zone in place of the source's offset. */
  readonly localZone?: string;
  readonly textEncoding?: 'utf-8' | 'gb18030';
  readonly maxLineBytes?: number;
}

/** Rejections counted on the page before records reach the worker (a cut frame, a replayed id, overflow). */
export interface StreamReject {
  readonly reason: RejectReason;
  readonly count: number;
  /** The start of the rejected text, when there is one (shown as an example). */
  readonly example?: string;
}

/** What a live stream's records are read as: the format noted on their events. */
export const STREAM_RECORD_FORMATS = ['sse', 'ndjson', 'text'] as const;
export type StreamRecordFormat = (typeof STREAM_RECORD_FORMATS)[number];

/** The requests a live stream sends: its records are raw text, classified in the worker like file lines. */
export type StreamRequest =
  | {
      readonly type: 'stream-open';
      readonly key: string;
      readonly name: string;
      readonly format: StreamRecordFormat;
      readonly localOffsetMinutes: number | null;
      readonly providerOffsetMinutes: number;
    }
  | { readonly type: 'stream-records'; readonly key: string; readonly records: readonly string[]; readonly rejects: readonly StreamReject[] }
  | { readonly type: 'stream-state'; readonly key: string; readonly state: SourceState; readonly error: string | null }
  /** `why`: the user cleared the stream, or read it again from the start (a finished NDJSON response). */
  | { readonly type: 'stream-clear'; readonly key: string; readonly why?: 'cleared' | 'read-again' };

export type WorkerRequest =
  | AddSourceRequest
  | StreamRequest
  | { readonly type: 'cancel'; readonly sourceId: number }
  | { readonly type: 'remove'; readonly sourceId: number }
  /** Read a file or paste again, taking zone-less log stamps in another zone (null: the viewer's), or in another encoding. */
  | ({ readonly type: 'reread'; readonly sourceId: number } & RereadChange)
  | { readonly type: 'query'; readonly requestId: number; readonly query: WorkerQuery };

interface ViewQuery {
  readonly view: ViewState;
  readonly now: number;
  /** The viewer's offset (minutes east of UTC), for aligning day buckets in the 'local' zone. */
  readonly localOffsetMinutes: number;
}

export type WorkerQuery =
  | ({ readonly kind: 'dashboard' } & ViewQuery)
  | ({ readonly kind: 'events'; readonly offset: number; readonly limit: number } & ViewQuery)
  | ({ readonly kind: 'export-events' } & ViewQuery)
  | { readonly kind: 'event-detail'; readonly index: number; readonly extent: RecordExtent }
  | { readonly kind: 'classify-text'; readonly text: string; readonly providerOffsetMinutes: number }
  | { readonly kind: 'shared-request-ids' };

export type WorkerMessage =
  | { readonly type: 'sources'; readonly sources: readonly SourceStatus[]; readonly storeVersion: number; readonly storeEpoch: number }
  | { readonly type: 'reply'; readonly requestId: number; readonly ok: true; readonly data: unknown }
  | { readonly type: 'reply'; readonly requestId: number; readonly ok: false; readonly error: string };

/** One error event as the page receives it (for the paste preview and the event detail pane). */
export interface EventSummary {
  readonly line: number;
  readonly lineCount: number;
  readonly code: string | null;
  readonly catalogued: boolean;
  readonly message: string | null;
  readonly language: 'en' | 'zh' | null;
  readonly http: number | null;
  readonly requestId: string | null;
  readonly ts: number | null;
  readonly window: string | null;
  readonly resetAt: number | null;
  readonly resetRaw: string | null;
  readonly resetPlausible: boolean | null;
  readonly resetImplausibleReason: string | null;
  readonly resetAssumedOffsetMinutes: number | null;
  readonly resetDateOnly: boolean;
  readonly attempts: number;
  readonly flags: readonly string[];
}

export interface ClassifyTextResult {
  readonly ledger: Ledger;
  readonly events: readonly EventSummary[];
  /** Events beyond the preview limit. */
  readonly moreEvents: number;
}

/** Everything the dashboard draws for one view, computed in the worker. */
export interface DashboardData {
  readonly storeSize: number;
  /** The sources the store held when this was computed: an answer that holds one since removed is outdated. */
  readonly sourceIds: readonly number[];
  readonly extent: DataExtent;
  /** The time axis of the charts, or null when no event is dated. */
  readonly domain: AbsoluteRange | null;
  readonly overview: Overview;
  readonly trend: TrendResult;
  readonly rateLimits: RateLimitResult;
  readonly blocked: BlockedIntervalsResult;
  readonly breakdown: readonly CodeBreakdownRow[];
  /** Latest reset per quota window (5-hour, weekly, monthly). */
  readonly resets: readonly WindowResets[];
  /** The plan-state lane and time blocked per day. */
  readonly plan: PlanTimeline;
}

export interface EventsPage {
  /** Events in the store, whatever the view. */
  readonly storeSize: number;
  /** The sources the store held when this was computed (see DashboardData). */
  readonly sourceIds: readonly number[];
  /** Events matching the view. */
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly StoredEvent[];
}

/**
 * How much of one record the detail reads, in bytes: a preview when it opens, then up to the cap on "Show full
 * record". A record is at most a line (4 MiB), but 1 MiB of text is already more than anyone reads in a dialog,
 * and each step up costs the page's layout and the worker's transfer.
 */
export const RECORD_READ_BYTES = { preview: 64 * 1024, full: 1024 * 1024 } as const;
export type RecordExtent = keyof typeof RECORD_READ_BYTES;

export interface EventDetail {
  readonly event: StoredEvent;
  /**
   * The record re-read from its source by byte offset, up to the extent's cap, or null when the source is gone.
   * A record cut at the cap ends on a whole character (grapheme): an emoji sequence is not split.
   */
  readonly raw: string | null;
  /** The record's length in bytes, and how many of them `raw` holds (fewer when it was cut at the cap). */
  readonly recordBytes: number;
  readonly rawBytes: number;
  /** Template parameters read from the record again (e.g. field: messages, next_flush_time: …). */
  readonly params: Readonly<Record<string, string>>;
  /**
   * For an event dated by the stamped line above its record (`timestamp_from_previous_line`): that line, re-read
   * from the source like the record, so the user can check the dating; null for any other event, or when the
   * source is gone.
   */
  readonly lineAbove: LineAbove | null;
}
