import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { installClock, openDashboard, pasteLogText, screenshotBothThemes, uploadFiles, watchForHostileEffects } from './helpers';

/** Records every empty message and zero count the dashboard shows, at each DOM change from the first one on. */
const RECORD_EMPTY_STATES = `
  window.__emptyStates = [];
  new MutationObserver(() => {
    for (const empty of document.querySelectorAll('main .empty')) {
      if (empty.textContent !== 'Loading…') window.__emptyStates.push(empty.textContent);
    }
    for (const caption of document.querySelectorAll('main figcaption')) {
      if (/^0 /.test(caption.textContent)) window.__emptyStates.push(caption.textContent);
    }
    const matching = document.querySelector('#events-title + .hint');
    if (matching && matching.textContent.startsWith('0 matching')) window.__emptyStates.push('0 matching events');
    const total = document.querySelector('[data-testid="total-errors"]');
    if (total && total.textContent === '0') window.__emptyStates.push('0 errors in view');
    // Once the demo's texts are noted (window.__demoTexts) and the dropped file is listed (window.__droppedRow):
    // any of them seen again, and any event row of the demo.
    if (window.__demoTexts && document.querySelector('li[aria-label="' + window.__droppedRow + '"]')) {
      for (const text of demoTexts()) if (window.__demoTexts.includes(text)) window.__emptyStates.push('demo: ' + text);
      for (const cell of document.querySelectorAll('.events-row [role="cell"]:last-child')) {
        if (cell.textContent.includes('quotalens-demo.log')) window.__emptyStates.push('demo event row');
      }
      // A chart keeps the demo's bars, hidden, until the file's first events are drawn: none may show under
      // "Loading…", nor, as the caption turns to the file's, more series than its legend lists (the demo's five
      // under the file's one). Later updates are not checked: there, the bars follow the legend a render later.
      window.__wasLoading ??= {};
      for (const figure of document.querySelectorAll('main figure')) {
        const id = figure.dataset.testid;
        const shown = (selector) => [...figure.querySelectorAll(selector)].filter((el) => el.checkVisibility({ visibilityProperty: true })).length;
        const bars = shown('.recharts-rectangle');
        const legend = shown('.chart-legend li');
        if (figure.querySelector('figcaption')?.textContent === 'Loading…') {
          window.__wasLoading[id] = true;
          if (bars + legend > 0) window.__emptyStates.push('shown under Loading…: ' + id);
        } else if (window.__wasLoading[id]) {
          window.__wasLoading[id] = false;
          if (bars > legend) window.__emptyStates.push('series not in the legend: ' + id);
        }
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  /** Texts that tell one log from another: the counts, the time charts' summaries, the windows reset. */
  function demoTexts() {
    const counts = ['total-errors', 'throttle-hits', 'quota-hits'].map((id) => id + ' ' + document.querySelector('[data-testid="' + id + '"]')?.textContent);
    const captions = ['trend-chart', 'rate-limit-chart'].map((id) => document.querySelector('[data-testid="' + id + '"] figcaption')?.textContent ?? '');
    const resets = [...document.querySelectorAll('article.reset-card')].map((card) => card.getAttribute('aria-label'));
    return [...counts, ...captions, ...resets];
  }
  window.__demoTextsNow = demoTexts;
`;

const emptyStatesSeen = (page: Page) => page.evaluate(() => (window as unknown as { __emptyStates: string[] }).__emptyStates);

test.describe('first screen', () => {
  test('shows the bundled demo data, clearly marked, with charts and a full line accounting', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    await openDashboard(page);
    await expect(page.getByRole('note', { name: 'Demo data' })).toBeVisible();
    await expect(page.getByText('Demo data', { exact: true }).first()).toBeVisible();
    const accounting = page.getByRole('region', { name: 'Line accounting' });
    await expect(accounting.getByTestId('ledger-lines')).not.toHaveText('0');
    await expect(page.getByRole('figure', { name: 'Errors by category over time' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByRole('figure', { name: 'Rate-limit and quota hits' })).toBeVisible();
    await expect(page.getByTestId('quota-hits')).not.toHaveText('0');
    // Written for the days before it is opened, the demo's weekly limit still blocks: the first line says until when.
    await expect(page.getByRole('region', { name: 'What to do now' })).toHaveText(/^NowWeekly quota used up: wait for its reset at 2026-12-01 00:12 UTC, in 3d 12h \d+m \(1310\)\.$/);
    await screenshotBothThemes(page, 'dashboard-demo');

    // The trend chart's text alternative: opened, its table adds up to the dated errors its summary states.
    const trend = page.getByRole('figure', { name: 'Errors by category over time' });
    const dated = Number(/([\d,]+) dated errors?/.exec((await trend.locator('figcaption').textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    expect(dated).toBeGreaterThan(0);
    await trend.getByText('Show the data as a table').click();
    const table = trend.getByRole('table', { name: 'Errors per bucket and category' });
    await expect(table).toBeVisible();
    const totals = await table.locator('tbody tr td:last-child').allTextContents();
    expect(totals.reduce((sum, cell) => sum + Number(cell), 0)).toBe(dated);
    expect(problems).toEqual([]);
  });

  test('while the demo loads, no chart or panel says its view is empty', async ({ page }) => {
    await page.addInitScript(RECORD_EMPTY_STATES);
    await openDashboard(page);
    await expect(page.getByRole('figure', { name: 'Errors by category over time' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByRole('figure', { name: 'Rate-limit and quota hits' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
    await expect(page.getByRole('table', { name: 'Error events' }).getByRole('row').nth(1)).toBeVisible();
    // The demo has errors, dated ones and quota hits: a panel that said otherwise on its way there said something false.
    expect(await emptyStatesSeen(page)).toEqual([]);
  });

  test('a file dropped on the demo: until its first errors are read, the panels say they are loading, not that there are none nor the demo’s numbers', async ({ page }) => {
    await page.addInitScript(RECORD_EMPTY_STATES);
    await openDashboard(page);
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
    await expect(page.getByRole('table', { name: 'Error events' }).getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByRole('figure', { name: 'Rate-limit and quota hits' })).toContainText('throttling hits');
    // The demo's texts, but its 5-hour reset: the dropped log has one too (its weekly one tells them apart).
    const demoTexts = await page.evaluate(() => {
      const w = window as unknown as { __demoTextsNow: () => string[]; __demoTexts: string[]; __droppedRow: string; __emptyStates: string[] };
      w.__demoTexts = w.__demoTextsNow().filter((text) => text !== '5-hour window reset');
      w.__droppedRow = 'Source quiet-start.log';
      w.__emptyStates = [];
      return w.__demoTexts;
    });
    expect(demoTexts).toEqual(expect.arrayContaining(['total-errors 892', 'Weekly window reset']));
    // An app log whose errors come after a long quiet start (about 11 MB of successful requests): the demo
    // leaves at once, and for a while the store holds nothing.
    const quiet = Array.from({ length: 200_000 }, (_, i) => `2026-11-25 10:${String(Math.floor(i / 1500) % 60).padStart(2, '0')}:00.000 | INFO | request ${i} ok in 120 ms`);
    // Then throttling and quota hits: every panel has something true to show once they are read.
    const errors = Array.from({ length: 40 }, (_, i) =>
      i % 4 === 3
        ? `2026-11-25 11:${String(i).padStart(2, '0')}:00.000 | ERROR | API Error: 429 {"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-25 20:00:00"}}`
        : `2026-11-25 11:${String(i).padStart(2, '0')}:00.000 | ERROR | API Error: 429 {"error":{"code":"1302","message":"High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits"}}`,
    );
    await uploadFiles(page, [{ name: 'quiet-start.log', body: [...quiet, ...errors].join('\n') }]);
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toHaveCount(0);
    await expect(page.getByRole('listitem', { name: 'Source quiet-start.log' })).toContainText('done');
    await expect(page.getByTestId('total-errors')).toHaveText('40');
    await expect(page.getByRole('figure', { name: 'Rate-limit and quota hits' })).toContainText('30 throttling hits and 10 quota hits');
    for (const id of ['trend-chart', 'plan-lane', 'rate-limit-chart']) await expect(page.getByTestId(id).locator('.recharts-rectangle').first()).toBeVisible();
    expect(await emptyStatesSeen(page)).toEqual([]);
  });

  test('pasting a 1308 error shows its code, category, verdict, guidance and link', async ({ page }) => {
    await openDashboard(page);
    await pasteLogText(
      page,
      'API Error: 429 {"type":"error","error":{"type":"rate_limit_error","message":"[1308][Usage limit reached for 5 hour. Your limit will reset at 2026-08-31 18:19:41][20260831161941a1b2c3d4e5f6a7b8]"}}',
    );
    const card = page.getByRole('article', { name: /Error 1308/ });
    await expect(card).toBeVisible();
    await expect(card).toContainText('API policy block');
    await expect(card).toContainText('Wait for the reset');
    await expect(card.getByRole('link').first()).toHaveAttribute('href', /^https:\/\/(docs\.)?z\.ai\//);
    await expect(card.getByRole('link').first()).toHaveAttribute('rel', 'noopener noreferrer');
  });

  test('the overview names the error logged last and what to do about it: a session that ended on 1113, not its 1308', async ({ page }) => {
    await installClock(page, { time: Date.parse('2026-08-25T04:10:00Z') });
    await openDashboard(page, 'tz=utc');
    await uploadFiles(page, [{ name: 'claude-session.jsonl', body: readFileSync(join(import.meta.dirname, 'fixtures', 'logs', 'claude-session.jsonl')) }]);
    const latest = page.getByTestId('latest-error');
    await expect(latest).toContainText('1113');
    await expect(latest).toContainText('4m ago');
    await expect(latest.getByTitle('2026-08-25 04:05:01 UTC')).toBeVisible();
    await expect(latest).toContainText('Top up or check the endpoint');
    // The first line answers "what now?": the session's 5-hour limit still blocks, whatever its last error asks for.
    await expect(page.getByRole('region', { name: 'What to do now' })).toHaveText(/^Now5-hour quota used up: wait for its reset at 2026-08-25 06:41 UTC, in 2h 3\dm \(1308\)\.$/);
  });

  test('a click anywhere on an event row opens its raw record and guidance, as the list says', async ({ page }) => {
    await openDashboard(page);
    const list = page.getByRole('region', { name: 'Error events' });
    await expect(list.getByText('open a row for the raw record and guidance')).toBeVisible();
    const firstRow = list.getByRole('row').nth(1);
    await firstRow.getByRole('cell').nth(3).click();
    await expect(page.getByRole('dialog')).toContainText('Raw record');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('the page\'s own script leaves the charts to a chunk of their own, and the event dialog to one loaded at its first open', async ({ page }) => {
    const scripts: { url: string; text: string }[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) void response.text().then((text) => scripts.push({ url: response.url(), text }), () => undefined);
    });
    await openDashboard(page);
    await expect(page.getByRole('figure', { name: 'Errors by category over time' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
    const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(readFileSync(join(import.meta.dirname, '..', 'dist', 'index.html'), 'utf8'))?.[1];
    expect(entry).toBeDefined();
    await expect.poll(() => scripts.some((s) => s.url.endsWith(entry ?? '?'))).toBe(true);
    const entryScript = scripts.find((s) => s.url.endsWith(entry ?? '?'))?.text ?? '';
    // Recharts names its drawings recharts-…: they are drawn by a script loaded beside the page's.
    expect(entryScript).not.toContain('recharts-surface');
    expect(scripts.some((s) => s.text.includes('recharts-surface'))).toBe(true);
    expect(entryScript.length).toBeLessThan(512 * 1024);
    expect(scripts.some((s) => s.text.includes('event-dialog'))).toBe(false);
    await page.getByRole('region', { name: 'Error events' }).getByRole('row').nth(1).getByRole('cell').nth(3).click();
    await expect(page.getByRole('dialog')).toContainText('Raw record');
    await expect.poll(() => scripts.some((s) => s.text.includes('event-dialog'))).toBe(true);
  });

  test('a chunk that cannot be loaded (the site updated since the page opened) is said where it would be, and the rest works', async ({ page }) => {
    await page.route('**/assets/charts-*.js', (route) => route.abort());
    await page.route('**/assets/event-detail-*.js', (route) => route.abort());
    await openDashboard(page);
    await expect(page.getByRole('alert').filter({ hasText: 'The charts could not be loaded.' })).toBeVisible();
    await expect(page.getByTestId('total-errors')).toHaveText('892');
    await expect(page.getByRole('region', { name: 'What to do now' })).toContainText('Weekly quota used up');
    await expect(page.getByRole('button', { name: 'Reload the page' }).first()).toBeVisible();
    await page.getByRole('region', { name: 'Error events' }).getByRole('row').nth(1).getByRole('cell').nth(3).click();
    const failed = page.getByRole('alert').filter({ hasText: 'The event could not be loaded.' });
    await expect(failed).toBeVisible();
    await failed.getByRole('button', { name: 'Close' }).click();
    await expect(failed).toHaveCount(0);
    // The list is still there, and opens no dialog it cannot show.
    await expect(page.getByRole('region', { name: 'Error events' }).getByRole('row').nth(1)).toBeVisible();
  });

  test('pasting a 1309 shows the renewal link; a Chinese message links the Chinese page', async ({ page }) => {
    await openDashboard(page);
    await pasteLogText(
      page,
      '{"error":{"code":"1309","message":"Your GLM Coding Plan package has expired and is temporarily unavailable. You can resume using it after renewing the subscription on the official website. https://z.ai/subscribe。"}}',
    );
    const card = page.getByRole('article', { name: /Error 1309/ });
    await expect(card.getByRole('link', { name: /Renew/ })).toHaveAttribute('href', 'https://z.ai/subscribe');
    await pasteLogText(page, '{"error":{"code":"1309","message":"您的 GLM Coding Plan 套餐已到期，暂无法使用，前往官方续订后即可恢复 https://bigmodel.cn/claude-code"}}');
    await expect(page.getByRole('article', { name: /Error 1309/ }).getByRole('link', { name: /续订/ })).toHaveAttribute('href', 'https://bigmodel.cn/claude-code');
  });
});
