import { memo, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { SOURCE_ZONE_CHOICES } from '../../core/time/zone-fit';
import { namedZones } from '../../core/time/named-zone';
import { mergeLedgers } from '../../core/ledger/ledger';
import { MAX_CHECKED_IDS, type SharedRequestIds } from '../../core/store/shared-request-ids';
import type { RereadChange, SourceStatus } from '../../ingest/protocol';
import { formatBytes, formatCount, formatCountOf, formatRate } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';
import { LedgerView } from './ledger-view';
import { describeIngestLimits, EVENTS_CAP, INGEST_LIMITS, LINE_CAP_CHOICES, LINE_CAP_RANGE, recordsCutText, sizeText } from '../../core/formats/ingest-limits';
import { isInformationNotice } from '../../core/ledger/notices';
import type { Ledger } from '../../core/ledger/types';
import { DEFAULT_LIVE_CAPACITY } from '../../core/stream/live-buffer';
import { readRate } from './read-rate';

const LIMITS_TEXT = [
  ...describeIngestLimits(),
  `the page keeps ${formatCount(EVENTS_CAP)} events`,
  `a live stream keeps its latest ${formatCount(DEFAULT_LIVE_CAPACITY)} events`,
].join('; ');

interface SourcesPanelProps {
  readonly sources: readonly SourceStatus[];
  readonly onCancel: (sourceId: number) => void;
  readonly onRemove: (sourceId: number) => void;
  /** Read a source again with zone-less stamps in another zone (null: the viewer's), or in another encoding. */
  readonly onReread: (sourceId: number, change: RereadChange) => void;
  /** Request ids that events of several sources hold, once the sources are read; undefined until known. */
  readonly sharedIds?: SharedRequestIds | undefined;
}

/** The loaded sources, their progress, and the line accounting that proves nothing was lost. */
export function SourcesPanel({ sources, onCancel, onRemove, onReread, sharedIds }: SourcesPanelProps) {
  const handlers = useStableHandlers({ onCancel, onRemove, onReread });
  const total = useMemo(() => {
    const merged = mergeLedgers(sources.map((s) => s.ledger));
    // Each notice says which source it is about ("zip file: not read" alone does not), and only what is worth a word.
    merged.notices = sources.flatMap((s) => s.ledger.notices.filter((notice) => !isInformationNotice(notice)).map((notice) => `${s.name}: ${notice}`));
    return merged;
  }, [sources]);
  return (
    <section className="panel stack" aria-labelledby="sources-title">
      <div className="panel-header">
        <h2 id="sources-title" tabIndex={-1}>Sources</h2>
        <span className="hint">{sources.length === 0 ? 'nothing loaded yet' : `${sources.length} loaded`}</span>
      </div>
      <ul className="source-list">
        {sources.map((source) => (
          <SourceRow key={source.id} source={source} {...handlers} />
        ))}
      </ul>
      {sharedIds !== undefined && sources.length > 1 ? <SharedIdsNote shared={sharedIds} sources={sources} /> : null}
      <details className="small muted limits-note">
        <summary>Limits: lines, records, gzip, events. Whatever a limit stops is counted below, never dropped silently.</summary>
        {LIMITS_TEXT}.
      </details>
      <section aria-labelledby="ledger-title" className="stack" role="region">
        <h3 id="ledger-title">Line accounting</h3>
        {/* The total's examples name their source, the 20 of a reason shared fairly among the sources; each source's own are below. */}
        <LedgerView ledger={total} label="All sources" sources={sources} />
        {sources.length > 1 ? (
          <details className="small">
            <summary>Per source</summary>
            {sources.map((source) => (
              <SourceLedger key={source.id} source={source} />
            ))}
          </details>
        ) : null}
      </section>
    </section>
  );
}

/**
 * What a finished source's row says beside its counts: every notice of a file refused whole (even "file is
 * empty"), else the notices that say something was lost or set aside (a HAR cut short, junk after a gzip, a
 * Cancel), and records cut at a cap.
 */
function rowNotices(ledger: Ledger): string[] {
  if (ledger.lines === 0) return ledger.notices;
  return [...ledger.notices.filter((notice) => !isInformationNotice(notice)), ...(ledger.recordsCut > 0 ? [recordsCutText(ledger.recordsCut)] : [])];
}

type RowHandlers = Pick<SourcesPanelProps, 'onCancel' | 'onRemove' | 'onReread'>;

/**
 * The panel's callbacks as functions that never change and call the latest ones: a row drawn again only when its
 * own status changes must not keep an old callback.
 */
function useStableHandlers(latest: RowHandlers): RowHandlers {
  const ref = useRef(latest);
  useLayoutEffect(() => {
    ref.current = latest;
  });
  return useMemo(
    () => ({
      onCancel: (id) => ref.current.onCancel(id),
      onRemove: (id) => ref.current.onRemove(id),
      onReread: (id, change) => ref.current.onReread(id, change),
    }),
    [],
  );
}

const shownKeys = new WeakMap<SourceStatus, string>();

/**
 * What a row shows of a status, as a string to compare: all of it but its publish time, which only a source still
 * reading shows (its rate). Every status arrives anew with each message of the worker, four a second while any file
 * is read: with 500 sources, drawing every row again for each froze the page.
 */
function shownKey(source: SourceStatus): string {
  let key = shownKeys.get(source);
  if (key === undefined) {
    key = JSON.stringify(source.state === 'reading' ? source : { ...source, updatedAt: 0 });
    shownKeys.set(source, key);
  }
  return key;
}

const sameShown = (a: { readonly source: SourceStatus }, b: { readonly source: SourceStatus }) => a.source === b.source || shownKey(a.source) === shownKey(b.source);

/** One source's accounting under "Per source", drawn again only when its status changes. */
const SourceLedger = memo(function SourceLedger({ source }: { readonly source: SourceStatus }) {
  return (
    <div className="stack">
      <strong><SafeText text={source.name} max={60} /></strong>
      <LedgerView ledger={source.ledger} label={`Source ${source.name}`} />
    </div>
  );
}, sameShown);

const SourceRow = memo(function SourceRow({ source, onCancel, onRemove, onReread }: { readonly source: SourceStatus } & RowHandlers) {
  const rate = readRate(source);
  const fraction = source.sizeBytes ? source.bytesDone / source.sizeBytes : 0;
  const isStream = source.kind === 'stream';
  return (
    <li className="source-row" aria-label={`Source ${source.name}`}>
      {/* The name, kind and state wrap on the left; the buttons keep the top right (on a phone, not a line of their own). */}
      <div className="source-head">
        <span className="row source-title">
          <strong className="source-name"><SafeText text={source.name} max={120} tooltip /></strong>
          {source.kind === 'demo' ? <span className="pill pill-demo">demo</span> : <span className="pill">{source.kind}</span>}
          <span className={`source-state state-${source.state}`}>
            {isStream && source.state === 'reading' ? 'streaming (status in Live)' : source.waiting ? 'waiting for its turn' : source.stopping && source.state === 'reading' ? 'cancelling…' : STATE_LABELS[source.state]}
          </span>
        </span>
        <span className="source-actions">
          {source.state === 'reading' ? (
            <button type="button" className="btn btn-small" onClick={() => onCancel(source.id)} disabled={source.stopping === true}>Cancel</button>
          ) : null}
          <button type="button" className="btn btn-small" onClick={() => onRemove(source.id)} aria-label={`Remove ${source.name}`}>
            Remove
          </button>
        </span>
      </div>
      {source.state === 'reading' && !isStream && !source.waiting ? (
        <progress className="progress" max={1} value={fraction} aria-label={`Reading ${source.name}`} />
      ) : null}
      <div className="small muted">
        {source.sizeBytes !== null && !isStream ? `${formatBytes(source.bytesDone)} of ${formatBytes(source.sizeBytes)}` : formatBytes(source.ledger.bytesRead)}
        {/* The file's bytes read, then the text they unpacked to: the line ledger of a gzip counts text only. */}
        {source.compressed ? ` ${source.compressed}, ${formatBytes(source.ledger.bytesRead)} unpacked` : ''} ·{' '}
        {formatCountOf(source.ledger.lines, 'line')} · {formatCountOf(source.ledger.events, 'event')}
        {rate !== null ? ` · ${formatRate(rate)}` : ''}
        {source.readers === 2 ? ' · read on 2 cores' : ''}
      </div>
      {source.error ? <div role="alert" className="small"><SafeText text={source.error} max={200} /></div> : null}
      {source.state !== 'reading' && !isStream
        ? rowNotices(source.ledger).map((notice, i) => (
            // A file refused whole (an archive, an image) reads as 0 lines, a cut HAR or gzip as done: the row says why.
            <div key={i} className="small source-notice" role="note">
              <SafeText text={notice} max={200} />
            </div>
          ))
        : null}
      {(source.ledger.flags.timestamp_zone_assumed ?? 0) > 0 && source.state !== 'reading' && !isStream ? (
        <ZoneChoice source={source} onReread={onReread} />
      ) : null}
      {((source.ledger.flags.invalid_utf8_replaced ?? 0) > 0 || source.textEncoding !== undefined) && source.state !== 'reading' && !isStream ? (
        <EncodingChoice source={source} onReread={onReread} />
      ) : null}
      {((source.ledger.rejected.line_too_long ?? 0) > 0 || source.maxLineBytes !== undefined) && source.state !== 'reading' && !isStream ? (
        <LineCapChoice source={source} onReread={onReread} />
      ) : null}
      {source.eventsNotStored ? (
        <div role="alert" className="small">
          The page keeps at most {formatCount(EVENTS_CAP)} events: {formatCount(source.eventsNotStored)} more from this source are counted in the line
          accounting but not charted.
        </div>
      ) : null}
    </li>
  );
}, (a, b) => sameShown(a, b) && a.onCancel === b.onCancel && a.onRemove === b.onRemove && a.onReread === b.onReread);

/**
 * The same failed request logged by the agent, its proxy and the browser is one event per source: the counts of
 * the page add them up. Said, not undone: which copy is the truth is the user's call (remove a source to drop it).
 */
function SharedIdsNote({ shared, sources }: { readonly shared: SharedRequestIds; readonly sources: readonly SourceStatus[] }) {
  if (!shared.checked) {
    return <p className="small muted" role="note">Request ids were not compared across sources: more than {formatCount(MAX_CHECKED_IDS)} events hold one.</p>;
  }
  if (shared.ids === 0) return null;
  const nameOf = (id: number) => sources.find((s) => s.id === id)?.name ?? `source ${id}`;
  return (
    <p className="small source-notice" role="note" data-testid="shared-request-ids">
      {shared.ids === 1 ? '1 request id appears' : `${formatCount(shared.ids)} request ids appear`} in more than one source: such a request is
      counted once in each source that logged it, so the totals count it more than once. Events with such an id:{' '}
      {shared.eventsBySource.map(([id, n], i) => (
        <span key={id}>
          {i > 0 ? ', ' : ''}
          <SafeText text={nameOf(id)} max={40} /> ({formatCount(n)})
        </span>
      ))}
      .
    </p>
  );
}

const STATE_LABELS = { reading: 'reading…', done: 'done', cancelled: 'cancelled (partial)', failed: 'failed' } as const;

/** The runtime's named zones, as options built once: about 400 in a browser, and a row renders four times a second while files are read. */
let namedZoneOptions: ReactNode | undefined;
/** Built when a zone choice is first drawn, not when the page starts: most sessions never show one. */
const namedZoneOptionsOnce = (): ReactNode =>
  (namedZoneOptions ??= namedZoneGroup(namedZones()));
const namedZoneGroup = (zones: readonly string[]): ReactNode =>
  zones.length > 0 ? (
    <optgroup label="Named zones, with daylight saving">
      {zones.map((zone) => (
        <option key={zone} value={`zone:${zone}`}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </optgroup>
  ) : null;

/** Zone-less log stamps are read in the viewer's zone unless the user says the source was written elsewhere. */
function ZoneChoice({ source, onReread }: { readonly source: SourceStatus; readonly onReread: SourcesPanelProps['onReread'] }) {
  const current = source.localOffsetMinutes ?? null;
  const value = source.localZone !== undefined ? `zone:${source.localZone}` : current === null ? 'local' : String(current);
  const choose = (chosen: string): RereadChange =>
    chosen.startsWith('zone:') ? { localZone: chosen.slice('zone:'.length) } : { localOffsetMinutes: chosen === 'local' ? null : Number(chosen) };
  const zoneless = source.ledger.flags.timestamp_zone_assumed ?? 0;
  return (
    <label className="row small">
      <span className="muted">
        {zoneless === 1 ? '1 record had no zone in its time; read it as' : `${formatCountOf(zoneless, 'record')} had no zone in their time; read them as`}
      </span>
      <select
        aria-label={`Zone of zone-less times in ${source.name}`}
        value={value}
        onChange={(event) => onReread(source.id, choose(event.target.value))}
      >
        {source.localZone !== undefined || SOURCE_ZONE_CHOICES.some(([, minutes]) => minutes === current) ? null : <option value={String(current)}>UTC{current! >= 0 ? '+' : ''}{current! / 60}</option>}
        {SOURCE_ZONE_CHOICES.map(([label, minutes]) => (
          <option key={label} value={minutes === null ? 'local' : String(minutes)}>
            {label}
          </option>
        ))}
        {namedZoneOptionsOnce()}
      </select>
    </label>
  );
}

/**
 * A whole request or response logged on one line can pass the default line cap: the user, told how many lines
 * were too long and how long the longest was, can have the source read again with a larger cap.
 */
function LineCapChoice({ source, onReread }: { readonly source: SourceStatus; readonly onReread: SourcesPanelProps['onReread'] }) {
  const cap = source.maxLineBytes ?? INGEST_LIMITS.maxLineBytes;
  const tooLong = source.ledger.rejected.line_too_long ?? 0;
  const longest = source.ledger.longestLineTooLong;
  const largest = LINE_CAP_CHOICES[LINE_CAP_CHOICES.length - 1] ?? cap;
  return (
    <label className="row small">
      <span className="muted">
        {tooLong === 0
          ? 'Read lines up to'
          : `${formatCountOf(tooLong, 'line')} longer than ${sizeText(cap)} ${tooLong === 1 ? 'was' : 'were'} not read (the longest ${formatBytes(longest)}${longest > largest ? `, more than the page reads: the command line's --max-line reads up to ${sizeText(LINE_CAP_RANGE.max)}` : ''}); read lines up to`}
      </span>
      <select aria-label={`Line cap of ${source.name}`} value={String(cap)} onChange={(event) => onReread(source.id, { maxLineBytes: Number(event.target.value) })}>
        {LINE_CAP_CHOICES.map((bytes) => (
          <option key={bytes} value={String(bytes)}>
            {sizeText(bytes)}
            {bytes === INGEST_LIMITS.maxLineBytes ? ' (default)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A9: a log written on Chinese Windows is GB18030 (GBK), not UTF-8: its Chinese reads as replacement characters
 * and its errors go unrecognised. The user, who knows where the log came from, can have it read again as such.
 */
function EncodingChoice({ source, onReread }: { readonly source: SourceStatus; readonly onReread: SourcesPanelProps['onReread'] }) {
  const replaced = source.ledger.flags.invalid_utf8_replaced ?? 0;
  return (
    <label className="row small">
      <span className="muted">
        {replaced > 0
          ? `${formatCountOf(replaced, 'record')} held bytes that are not ${source.textEncoding === 'gb18030' ? 'GB18030' : 'UTF-8'} (shown as �); read the file as`
          : 'Read as'}
      </span>
      <select
        aria-label={`Encoding of ${source.name}`}
        value={source.textEncoding ?? 'utf-8'}
        onChange={(event) => onReread(source.id, { textEncoding: event.target.value === 'gb18030' ? 'gb18030' : 'utf-8' })}
      >
        <option value="utf-8">UTF-8</option>
        <option value="gb18030">GB18030 / GBK (Chinese Windows)</option>
      </select>
    </label>
  );
}
