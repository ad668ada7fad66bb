/**
 * Installed in the page with addInitScript before the app's scripts run (plain JavaScript in a string,
 * so no compiler helper leaks into the page). It records, on the page's own clock (performance.now()):
 *  - t0: the file input's change event (the moment the file reaches the page);
 *  - firstProgressAt: the uploaded source first shows a non-zero line count;
 *  - firstChartAt: the trend chart first draws bars that are not the demo's (demo row gone, caption changed and
 *    not "Loading…": bars left from the demo under a "Loading…" caption counted as the file's, at 0.08 s);
 *  - doneAt: the uploaded source's state reads `done` (or failed/cancelled, kept in endState);
 *  - every long task (> 50 ms) of the main thread, from a buffered PerformanceObserver.
 * A MutationObserver runs the checks on every DOM change, so times are those of the React commit.
 */
export const MONITOR_SCRIPT = `(() => {
  const state = {
    t0: null, fileName: null, baseCaption: null,
    firstProgressAt: null, firstChartAt: null, doneAt: null, endState: null, doneText: null,
    longTasks: [],
  };
  window.__qlBench = state;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { state.longTaskError = String(e); }
  const caption = () => {
    const c = document.querySelector('[data-testid="trend-chart"] figcaption');
    return c ? c.textContent : null;
  };
  const sourceRow = (name) => {
    for (const li of document.querySelectorAll('li[aria-label]')) if (li.getAttribute('aria-label') === 'Source ' + name) return li;
    return null;
  };
  const check = () => {
    if (state.t0 === null || state.doneAt !== null && state.firstChartAt !== null) return;
    const now = performance.now();
    const row = sourceRow(state.fileName);
    if (state.firstProgressAt === null && row) {
      const m = /([\\d,]+) lines?/.exec(row.textContent || '');
      if (m && Number(m[1].replace(/,/g, '')) > 0) state.firstProgressAt = now;
    }
    if (state.firstChartAt === null) {
      const fig = document.querySelector('[data-testid="trend-chart"]');
      const demoGone = sourceRow('quotalens-demo.log') === null;
      const text = caption();
      if (fig && demoGone && fig.querySelector('.recharts-bar-rectangle') && text !== state.baseCaption && text !== 'Loading…') state.firstChartAt = now;
    }
    if (state.doneAt === null && row) {
      const s = row.querySelector('.source-state');
      const label = s ? s.textContent : '';
      if (label === 'done' || label === 'failed' || label.startsWith('cancelled')) {
        state.doneAt = now; state.endState = label; state.doneText = row.textContent;
      }
    }
  };
  document.addEventListener('change', (event) => {
    const input = event.target;
    if (!input || input.type !== 'file' || !input.files || input.files.length === 0) return;
    state.t0 = performance.now();
    state.fileName = input.files[0].name;
    state.baseCaption = caption();
  }, true);
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

export interface MonitorState {
  readonly t0: number | null;
  readonly fileName: string | null;
  readonly firstProgressAt: number | null;
  readonly firstChartAt: number | null;
  readonly doneAt: number | null;
  readonly endState: string | null;
  readonly doneText: string | null;
  readonly longTasks: ReadonlyArray<{ readonly start: number; readonly duration: number }>;
  readonly longTaskError?: string;
}
