/**
 * Installed with addInitScript before the app's scripts (plain JavaScript in a string, like
 * MONITOR_SCRIPT). Between `window.__qlStream.start()` and `.stop()` it records, on the page clock:
 *  - redraws of each watched region: one MutationObserver callback whose records touch the region is one
 *    redraw (callbacks run once per task, so one React commit counts once even if it changes many nodes);
 *  - React commits of the whole app, through a minimal DevTools hook (react-dom calls onCommitFiberRoot in
 *    production builds too), so commits that change nothing in the DOM are seen as well;
 *  - every long task (> 50 ms) of the main thread, from a buffered PerformanceObserver;
 *  - its own cost: the longest and the total time spent in its MutationObserver callback (part of the tasks).
 * Each list keeps at most 100,000 times: more than 4 redraws a second for 60 s would show long before.
 */
export const STREAM_MONITOR_SCRIPT = `(() => {
  const MAX = 100000;
  const REGIONS = {
    trendChart: '[data-testid="trend-chart"]',
    sourcesList: '.source-list',
    ledger: '[aria-label="All sources"]',
  };
  const state = { t0: null, t1: null, redraws: { trendChart: [], sourcesList: [], ledger: [], any: [] }, commits: [], longTasks: [], observerMaxMs: 0, observerTotalMs: 0 };
  const isOn = () => state.t0 !== null && state.t1 === null;
  state.start = () => { state.t0 = performance.now(); return state.t0; };
  state.stop = () => { state.t1 = performance.now(); return state.t1; };
  window.__qlStream = state;
  const keep = (list, t) => { if (list.length < MAX) list.push(t); };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { state.longTaskError = String(e); }
  if (window.__REACT_DEVTOOLS_GLOBAL_HOOK__ === undefined) {
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true, isDisabled: false, renderers: new Map(),
      inject: () => 1,
      onCommitFiberRoot: () => { if (isOn()) keep(state.commits, performance.now()); },
      onCommitFiberUnmount: () => {}, onPostCommitFiberRoot: () => {}, setStrictMode: () => {}, checkDCE: () => {},
    };
  } else state.commitHookError = 'a DevTools hook was already installed';
  const regionOf = (node) => {
    const el = node && node.nodeType === 1 ? node : node && node.parentElement;
    if (!el) return null;
    for (const name in REGIONS) if (el.closest(REGIONS[name])) return name;
    return null;
  };
  new MutationObserver((records) => {
    if (!isOn()) return;
    const now = performance.now();
    const touched = new Set();
    for (const r of records) {
      const name = regionOf(r.target);
      if (name !== null) touched.add(name);
    }
    for (const name of touched) keep(state.redraws[name], now);
    if (touched.size > 0) keep(state.redraws.any, now);
    const spent = performance.now() - now;
    state.observerTotalMs += spent;
    if (spent > state.observerMaxMs) state.observerMaxMs = spent;
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

export type RedrawRegion = 'trendChart' | 'sourcesList' | 'ledger' | 'any';

export interface StreamMonitorState {
  readonly t0: number | null;
  readonly t1: number | null;
  readonly redraws: Readonly<Record<RedrawRegion, readonly number[]>>;
  readonly commits: readonly number[];
  readonly longTasks: ReadonlyArray<{ readonly start: number; readonly duration: number }>;
  readonly observerMaxMs: number;
  readonly observerTotalMs: number;
  readonly longTaskError?: string;
  readonly commitHookError?: string;
}

/** The most events in any one-second bucket counted from t0 (bucket k is [t0 + k s, t0 + (k + 1) s)). */
export function maxPerSecond(times: readonly number[], t0: number): number {
  const buckets = new Map<number, number>();
  for (const t of times) {
    const k = Math.floor((t - t0) / 1000);
    buckets.set(k, (buckets.get(k) ?? 0) + 1);
  }
  return Math.max(0, ...buckets.values());
}

/** The most events in any 1 s window (sliding, stricter than the buckets): times in ascending order. */
export function maxInAnyWindow(times: readonly number[], windowMs = 1000): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while ((times[last] ?? 0) - (times[first] ?? 0) >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
