import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { lookupCode } from './core/catalog/catalog';
import type { WindowResets } from './core/aggregate';
import { mergeLedgers } from './core/ledger/ledger';
import { DEFAULT_VIEW, parseViewState, resetsWiderThanView, sourcesNotLoaded, type StreamRead } from './core/view-state';
import { holdsOnlyKept, removableDemoIds, shownSources } from './data/kept-sources';
import { dashboardQueryOptions, demoDataQueryOptions, DEMO_NAME, sharedRequestIdsQueryOptions } from './data/query-options';
import { useSources } from './data/use-sources';
import { useViewState } from './data/use-view-state';
import { SafeText } from './shared/safe-text';
import { ChunkFailed, orChunkFailed } from './shared/chunk-failed';
import { CodeBreakdown } from './features/breakdown/code-breakdown';
import { EventsTable } from './features/events/events-table';
import { FilterBar } from './features/filters/filter-bar';
import { GuidanceCard } from './features/guidance/guidance-card';
import { LivePanel, type StreamWritten } from './features/live/live-panel';
import { AppHeader } from './features/header/app-header';
import { HeaderActions } from './features/header/header-actions';
import { ReadingStatus } from './features/header/reading-status';
import { readingSummary } from './features/header/reading-summary';
import { PastedReset } from './features/resets/pasted-reset';
import { ResetsPanel } from './features/resets/resets-panel';
import { OverviewCards } from './features/overview/overview-cards';
import { NowLine } from './features/overview/now-line';
import { PastePanel } from './features/paste/paste-panel';
import { rejectedTotal } from './features/sources/ledger-view';
import { SourcesPanel } from './features/sources/sources-panel';
import { UnreadBanner } from './features/sources/unread-banner';
import { unreadSources } from './features/sources/unread-sources';
import { UploadZone } from './features/upload/upload-zone';
import { emptyDashboard } from './ingest/dashboard-answer';
import type { IngestClient } from './ingest/ingest-client';
import { isAutoConnect } from './ingest/streams/stream-target';
import type { DashboardData, SourceStatus } from './ingest/protocol';
import { DroppedParamsNotice } from './shared/dropped-params-notice';
import { useAnswerDisplay, useOnceTrue } from './shared/keep-frame';
import { PanelBoundary } from './shared/panel-boundary';
import { useNow } from './shared/use-now';
import { useBooleanPreference } from './shared/use-preference';
import { useFilesBeforeReload } from './shared/use-files-before-reload';
import { useSharedStructure } from './shared/use-shared-structure';
import { useStaggered } from './shared/use-staggered';
import { chartRefreshMs } from './shared/chart-refresh';
import { useThrottledValue } from './shared/use-throttled-value';
import { PROVIDER_OFFSET_MINUTES } from './core/time/provider-stamp';

// The charts and Recharts are more than half the page's script: they come in a chunk of their own, asked for as the
// page starts, so the overview, the resets and their countdowns are drawn without waiting for them to be parsed.
// A chunk that cannot be loaded is said in the first chart's place (see ChunkFailed).
const charts = import('./charts');
charts.catch(() => undefined);
const TrendChart = lazy(() => orChunkFailed(charts.then((module) => module.TrendChart), (error) => () => <ChunkFailed what="The charts" error={error} />));
const PlanLane = lazy(() => orChunkFailed(charts.then((module) => module.PlanLane), null));
const RateLimitChart = lazy(() => orChunkFailed(charts.then((module) => module.RateLimitChart), null));
// Only an opened event needs its dialog: it is loaded at the first open.
const EventDetail = lazy(() =>
  orChunkFailed(
    import('./features/events/event-detail').then((module) => module.EventDetail),
    (error) => ({ onClose }: { readonly onClose: () => void }) => <ChunkFailed what="The event" error={error} onClose={onClose} />,
  ),
);

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false } },
});

export function App({ client }: { readonly client: IngestClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <Dashboard client={client} />
    </QueryClientProvider>
  );
}

/** The only place features meet: each gets its data and callbacks here and knows nothing of the others. */
function Dashboard({ client }: { readonly client: IngestClient }) {
  const { view, dropped, setView } = useViewState();
  const { sources: listed, storeVersion, storeEpoch } = useSources(client);
  // A leaving demo leaves the page at once, and the worker a moment later (useDemoUntilUserData).
  const sources = useMemo(() => shownSources(listed), [listed]);
  // While a stream is live, "now"-relative ranges follow the latest window every second, not every minute.
  const isLive = sources.some((s) => s.kind === 'stream' && s.state === 'reading');
  const minute = useNow(isLive ? 1000 : 60_000);
  const localOffsetMinutes = -new Date(minute).getTimezoneOffset();
  const isReadingFile = sources.some((s) => s.state === 'reading' && s.kind !== 'stream');
  // Keyed by the worker's sources: when it drops the demo, the answer without it is asked for at once.
  const chartVersion = useThrottledValue(storeVersion, chartRefreshMs(sources), sourceIds(listed));
  const input = useMemo(() => ({ view, now: minute, localOffsetMinutes, storeVersion: chartVersion }), [view, minute, localOffsetMinutes, chartVersion]);
  const dashboard = useQuery(dashboardQueryOptions(client, input));
  // Charts redraw at low priority: React renders them in slices between input events, and the previous
  // charts stay until the new ones are ready. Recharts then finishes a redraw in one synchronous render
  // from its own store, which cannot be sliced, so an answer that repeats what is drawn (connecting a
  // stream changes the view and the clock, hence the query) keeps the drawn objects and the memoized
  // charts skip it: redrawing 500 bars with the same numbers was a 100 ms task right after Connect.
  //
  // While a file is read every chart gets a new answer each second, and Recharts' redraws of all three in
  // one task were 150–450 ms: the trend chart takes a new answer first, the plan lane and the rate-limit
  // chart each one frame later, so each redraws in a task of its own.
  const latest = useSharedStructure(dashboard.data);
  const staged = useStaggered(useDeferredValue(latest), 3);
  // An answer that still holds a source the page no longer shows (the demo, as a file is dropped on it) is
  // replaced at once by the answer of an empty store, which says it is loading: the demo's numbers and resets
  // stayed on screen for 0.3–0.5 s of a dropped file's read, until the worker's answers without them came.
  const keptKey = sourceIds(sources);
  const kept = useMemo(() => (keptKey === '' ? [] : keptKey.split(',').map(Number)), [keptKey]);
  const emptyAnswer = useMemo(() => emptyDashboard(view, { now: minute, localOffsetMinutes }), [view, minute, localOffsetMinutes]);
  const [data, planData, limitsData] = staged.map((answer) => (answer === undefined || holdsOnlyKept(answer.sourceIds, kept) ? answer : emptyAnswer));
  const demoFailed = useDemoUntilUserData(client, listed);
  // Until a first source is listed (the demo is on its way), no answer is current: the store is empty because
  // nothing has been read yet. Once every source has been removed, an empty store is the truth.
  const hasHadSource = useOnceTrue(listed.length > 0);
  // The demo is said from the first paint when it is on its way (its banner, coming later, pushed the page down):
  // until a first source is listed, unless its fetch failed or the link opens a stream that connects by itself.
  const opensStream = view.stream !== null && isAutoConnect(view.stream, window.location.origin);
  const isDemoComing = !hasHadSource && !demoFailed && !opensStream;
  const isDemo = (sources.length > 0 && sources.every((s) => s.kind === 'demo')) || isDemoComing;
  const hadFilesBeforeReload = useFilesBeforeReload(sources.some((s) => s.kind !== 'demo'));
  // A staged answer is current when it was computed for the store as it is, once a source has been listed,
  // and its chart has taken it: an empty chart says so only from such an answer (see useKeepFrame). It is
  // worth showing once it holds errors or is current with no file read (see useAnswerDisplay).
  const isAnswerCurrent = (answer: DashboardData | undefined) =>
    hasHadSource && chartVersion === storeVersion && !dashboard.isPlaceholderData && answer === latest;
  const isWorthShowing = (answer: DashboardData | undefined) =>
    demoFailed || (answer !== undefined && (answer.overview.total > 0 || (isAnswerCurrent(answer) && !isReadingFile)));
  const trendShown = useAnswerDisplay(isReadingFile, isAnswerCurrent(data), isWorthShowing(data), isFromEmptyStore(data));
  const planShown = useAnswerDisplay(isReadingFile, isAnswerCurrent(planData), isWorthShowing(planData), isFromEmptyStore(planData));
  const limitsShown = useAnswerDisplay(isReadingFile, isAnswerCurrent(limitsData), isWorthShowing(limitsData), isFromEmptyStore(limitsData));
  const ledger = useMemo(() => mergeLedgers(sources.map((s) => s.ledger)), [sources]);
  const sharedIds = useQuery(sharedRequestIdsQueryOptions(client, storeVersion, sources.length > 1 && !sources.some((s) => s.state === 'reading'))).data;
  const sourceNames = useMemo(() => new Map(sources.map((s) => [s.id, s.name])), [sources]);
  // The charts' callbacks read the latest view through a ref, so they stay the same function and a view
  // change that does not touch a chart's data (connecting a stream, say) does not redraw the chart.
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);
  const selectRange = useCallback((from: number, to: number) => setView({ ...viewRef.current, range: { from, to } }), [setView]);
  const filterCode = useCallback((code: string | null) => setView({ ...viewRef.current, codes: [code ?? 'none'] }), [setView]);
  const [showPeakHours, setShowPeakHours] = useBooleanPreference('quotalens.peak-hours', true);

  const changeStream = (stream: string | null, streamRead: StreamRead | null = null): StreamWritten | null => {
    // Through the codec: only demo or an http(s)/ws(s) URL, credentials removed, canonical.
    const parsed = stream === null ? null : parseViewState(`stream=${encodeURIComponent(stream)}`);
    const next = parsed?.view.stream ?? null;
    if (stream !== null && next === null) return null;
    setView({ ...view, stream: next, streamRead });
    return next === null ? null : { stream: next, notice: parsed?.heldSecrets ? (parsed.dropped[0]?.reason ?? null) : null };
  };
  const isCurrentStream = (sourceId: number) => sources.some((s) => s.id === sourceId && s.kind === 'stream' && s.state === 'reading');
  const cancelSource = (sourceId: number) => (isCurrentStream(sourceId) ? changeStream(null) : client.cancel(sourceId));
  const removeSource = (sourceId: number) => {
    if (isCurrentStream(sourceId)) changeStream(null);
    client.remove(sourceId);
  };

  const reading = useMemo(() => readingSummary(sources), [sources]);
  const unread = useMemo(() => unreadSources(sources), [sources]);
  // A shared link names the files it was made for; opened with only the demo loaded, it is said here, first.
  const linkedElsewhere = isDemo ? sourcesNotLoaded(view, sources) : [];

  // The demo leaves by itself once a source of the user's exists (useDemoUntilUserData).
  const addFiles = (files: File[]) => client.addFiles(files);
  const addPaste = (text: string) => client.addText(`Pasted text ${new Date().toISOString().slice(11, 19)}`, text, 'paste');

  return (
    <>
      <AppHeader
        isDemo={isDemo}
        status={<ReadingStatus summary={reading} onShowSources={showSources} />}
        actions={<HeaderActions view={view} onChange={setView} />}
      />
      <main className="layout">
        <DroppedParamsNotice dropped={dropped} />
        {isDemo ? (
          <div className="banner banner-demo" role="note" aria-label="Demo data">
            <strong>Demo data.</strong>{' '}
            {hadFilesBeforeReload ? 'The logs you loaded before the page was reloaded are not kept: Quotalens stores none. ' : null}
            {sources.length === 0 ? 'Loading a bundled example' : 'You are looking at a bundled example'}: four days of a team's logs against
            the Z.ai API. Open your own logs, drop them on the page or paste an error to replace it.
            {linkedElsewhere.length > 0 ? (
              <span className="row banner-link-note">
                <span>
                  This link was made for <SafeText text={linkedElsewhere.join(', ')} max={80} />: open the same files to see its view. Until
                  then its filters leave nothing of the example to show.
                </span>
                <button type="button" className="btn btn-small" onClick={() => setView({ ...DEFAULT_VIEW, tz: view.tz })}>
                  Show the example without them
                </button>
              </span>
            ) : null}
          </div>
        ) : null}
        <UnreadBanner unread={unread} onShowSources={showSources} onRemove={(ids) => ids.forEach(removeSource)} />
        <NowLine resets={data?.resets ?? NO_RESETS} latest={data?.overview.latest} tz={view.tz} resetOffsetMinutes={view.resetOffsetMinutes} loading={data === undefined || trendShown.loading} />
        <div className="grid-sidebar">
          {/* First in the document as on a phone's screen, so Tab reaches the resets and the upload before the charts. */}
          <aside className="stack side-column side-top" aria-label="Resets and data">
            <ResetsPanel
              resets={data?.resets ?? NO_RESETS}
              sources={sources}
              onReadSourceIn={(sourceId, offsetMinutes) => client.reread(sourceId, { localOffsetMinutes: offsetMinutes })}
              tz={view.tz}
              resetOffsetMinutes={view.resetOffsetMinutes}
              onResetOffsetChange={(minutes) => setView({ ...view, resetOffsetMinutes: minutes })}
              loading={data === undefined || trendShown.loading}
              widerThanView={resetsWiderThanView(view)}
              sourcesChosen={view.sources.length > 0}
            />
            <section className="panel stack" aria-label="Add data">
              <UploadZone onFiles={addFiles} />
              <PastePanel
                client={client}
                providerOffsetMinutes={PROVIDER_OFFSET_MINUTES}
                onAddToDashboard={addPaste}
                renderEvent={(event) => (
                  <div className="stack">
                    <GuidanceCard entry={event.code ? lookupCode(event.code) ?? null : null} code={event.code} http={event.http} message={event.message} language={event.language} requestId={event.requestId} />
                    <PastedReset event={event} resetOffsetMinutes={view.resetOffsetMinutes} />
                  </div>
                )}
              />
            </section>
          </aside>
          <div className="stack main-column">
            <FilterBar view={view} sources={sources} onChange={setView} isDemo={isDemo} />
            <PanelBoundary name="Dashboard">
              {dashboard.error ? <p role="alert">The dashboard could not be computed: {dashboard.error.message}</p> : null}
              {data ? (
                <div className="stack">
                  <OverviewCards overview={data.overview} rejectedLines={rejectedTotal(ledger)} loading={trendShown.loading} tz={view.tz} />
                  <label className="row small check-row">
                    <input type="checkbox" checked={showPeakHours} onChange={(event) => setShowPeakHours(event.target.checked)} />
                    Shade the provider’s peak hours (Mon–Fri 14:00–18:00 UTC+8)
                  </label>
                  <Suspense fallback={<p className="empty charts-loading">Loading…</p>}>
                    <TrendChart trend={data.trend} tz={view.tz} onSelectRange={selectRange} showPeakHours={showPeakHours} keepFrame={trendShown.keepFrame} loading={trendShown.loading} />
                    {planData ? <PlanLane plan={planData.plan} tz={view.tz} keepFrame={planShown.keepFrame} loading={planShown.loading} /> : null}
                    {limitsData ? (
                      <RateLimitChart rateLimits={limitsData.rateLimits} blocked={limitsData.blocked} tz={view.tz} onSelectRange={selectRange} showPeakHours={showPeakHours} keepFrame={limitsShown.keepFrame} loading={limitsShown.loading} />
                    ) : null}
                  </Suspense>
                  <CodeBreakdown rows={data.breakdown} tz={view.tz} onFilterCode={filterCode} loading={trendShown.loading} />
                </div>
              ) : dashboard.error ? null : (
                // As tall as the overview and the first chart, so the events below do not jump when they come.
                <p className="empty dashboard-loading">Loading…</p>
              )}
            </PanelBoundary>
            <PanelBoundary name="Error events">
              <EventsTable
                onOrderChange={(order) => setView({ ...view, order })}
                loading={trendShown.loading}
                keptSourceIds={kept}
                isReadingFile={isReadingFile}
                storeVersion={storeVersion}
                client={client}
                input={input}
                sourceNames={sourceNames}
                renderDetail={(index, onClose) => (
                  <Suspense fallback={null}>
                    <EventDetail
                      client={client}
                      index={index}
                      storeEpoch={storeEpoch}
                      tz={view.tz}
                      resetOffsetMinutes={view.resetOffsetMinutes}
                      sourceName={(id) => sourceNames.get(id) ?? `source ${id}`}
                      onClose={onClose}
                      renderGuidance={(event) => (
                        <GuidanceCard entry={event.code ? lookupCode(event.code) ?? null : null} code={event.code} http={event.http} message={event.message} language={event.language} requestId={event.requestId} />
                      )}
                    />
                  </Suspense>
                )}
              />
            </PanelBoundary>
          </div>
          {/* Apart from the aside before the charts: on a narrow screen these come after them. */}
          <aside className="stack side-column side-bottom" aria-label="Streams and sources">
            <LivePanel client={client} stream={view.stream} streamRead={view.streamRead} sources={sources} onStreamChange={changeStream} />
            <SourcesPanel sources={sources} onCancel={cancelSource} onRemove={removeSource} onReread={client.reread} sharedIds={sharedIds} />
          </aside>
        </div>
      </main>
      <footer className="app-footer">Quotalens reads logs in your browser: nothing is uploaded anywhere.</footer>
    </>
  );
}

/** The header's way to the source rows: their heading scrolled to, below the header where it stays on screen, and focused. */
function showSources() {
  const heading = document.getElementById('sources-title');
  if (heading === null) return;
  const header = document.querySelector('.app-header');
  const covered = header !== null && getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().height : 0;
  window.scrollTo({ top: window.scrollY + heading.getBoundingClientRect().top - covered - 12 });
  heading.focus({ preventScroll: true });
}

const NO_RESETS: readonly WindowResets[] = [];

/** Whether an answer was computed from a store that held no event. */
const isFromEmptyStore = (answer: DashboardData | undefined) => answer !== undefined && answer.storeSize === 0;

/** Which sources there are: when one is added or removed, the charts follow the store at once. */
const sourceIds = (sources: readonly SourceStatus[]) => sources.map((s) => s.id).join(',');

/**
 * Until the user brings data, the bundled demo data set is loaded, once per page. It leaves the page as soon as
 * a source of the user's exists (also when the demo arrived just after a stream or a file was opened), and the
 * worker once that source has an event or has stopped reading, or is a stream (removableDemoIds). Takes the
 * worker's sources; returns whether the demo could not be fetched.
 */
function useDemoUntilUserData(client: IngestClient, sources: readonly SourceStatus[]): boolean {
  const isEmpty = sources.length === 0;
  const removableIds = removableDemoIds(sources).join(',');
  useEffect(() => {
    if (removableIds === '') return;
    for (const id of removableIds.split(',')) client.remove(Number(id));
  }, [client, removableIds]);
  // Once the user has a source of their own the demo is done with, even if it never arrived: emptied later (every
  // source removed), the page stays empty rather than showing a demo the user did not see leave.
  const hasUserSource = sources.some((s) => s.kind !== 'demo');
  const [hadUserSource, setHadUserSource] = useState(false);
  if (hasUserSource && !hadUserSource) setHadUserSource(true);
  const isWanted = isEmpty && !hadUserSource;
  const demo = useQuery({ ...demoDataQueryOptions, enabled: isWanted });
  const loaded = useRef(false);
  useEffect(() => {
    if (demo.data !== undefined && isWanted && !loaded.current) {
      loaded.current = true;
      client.addText(DEMO_NAME, demo.data, 'demo');
    }
  }, [client, demo.data, isWanted]);
  return demo.isError;
}

