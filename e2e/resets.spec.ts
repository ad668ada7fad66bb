import { expect, test, type Page } from '@playwright/test';
import { FIXED_NOW, installClock, openDashboard, screenshotBothThemes, uploadFiles } from './helpers';

// Event at 11:00 UTC; the provider writes the reset without a zone, in UTC+8: 21:30:00 there is 13:30:00 UTC.
const QUOTA_LOG = [
  '2026-11-27T11:00:00Z ERROR API Error: 429 {"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 21:30:00"}}',
  '2026-11-27T11:05:00Z INFO waiting for quota',
].join('\n');

async function hideAndShowTab(page: import('@playwright/test').Page, hiddenForMs: number) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  // Hidden tabs' timers barely run: move the wall clock without firing them, then come back.
  await page.clock.setSystemTime(FIXED_NOW.getTime() + hiddenForMs);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

test.describe('quota reset countdown', () => {
  test.beforeEach(async ({ page }) => {
    await installClock(page, { time: FIXED_NOW.getTime() - 60_000 });
    await openDashboard(page);
    await uploadFiles(page, [{ name: 'agent.log', body: QUOTA_LOG }]);
    await expect(page.getByRole('listitem', { name: 'Source agent.log' })).toContainText('done');
    await expect(page.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' })).toBeVisible();
    // The demo's resets leave the view with the demo (its weekly window has a link of its own): wait for
    // that before the clock stops, or the page could stay on the answer that still held them.
    await expect(page.getByRole('link', { name: 'Add to calendar (.ics)' })).toHaveCount(1);
    // The rate-limit chart takes each answer last, two frames after the others: wait for its bar too.
    await expect(page.getByRole('figure', { name: 'Rate-limit and quota hits' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
    // From here the page's clock moves only when a test moves it (timers included, so the page's own
    // scheduling waits too: tests that need more data from the worker resume the clock first).
    await page.clock.pauseAt(FIXED_NOW);
  });

  test('counts down to the reset read as UTC+8, reaches zero and changes state', async ({ page }) => {
    const timer = page.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' });
    await expect(timer).toHaveText('1h 30m 0s');
    await expect(timer.locator('time')).toHaveAttribute('datetime', '2026-11-27T13:30:00.000Z');
    const card = page.getByRole('article', { name: '5-hour window reset' });
    await expect(card).toContainText('2026-11-27 13:30:00 UTC');
    await expect(card).toContainText('2026-11-27 21:30:00 (read as UTC+8, the provider’s time)');
    await screenshotBothThemes(page, 'resets-counting');

    const spoken = card.locator('[aria-live="polite"]');
    await expect(spoken).toHaveText('Reset of 1308 (5-hour window): less than a day left');
    await page.clock.fastForward('01:00:00');
    await expect(spoken).toHaveText('Reset of 1308 (5-hour window): less than 30 minutes left');
    await page.clock.fastForward('00:29:58');
    await expect(timer).toHaveText('2s');
    await expect(spoken).toHaveText('Reset of 1308 (5-hour window): less than a minute left');
    await page.clock.fastForward(3000);
    await expect(timer).toHaveText('resetting…');
    await page.clock.fastForward(120_000);
    await expect(timer).toHaveText(/^reset passed 2m ago$/);
    await expect(card).toContainText('No new hit since this reset.');
    // A reset that has passed is nothing to put in a calendar.
    await expect(card.getByRole('link', { name: 'Add to calendar (.ics)' })).toHaveCount(0);
  });

  test('is right at once after the tab was hidden for 10 minutes', async ({ page }) => {
    const timer = page.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' });
    await expect(timer).toHaveText('1h 30m 0s');
    await hideAndShowTab(page, 10 * 60_000);
    await expect(timer).toHaveText('1h 20m 0s', { timeout: 500 });
  });

  test('opening the event shows its raw record, its parameters and its guidance', async ({ page }) => {
    await page.clock.resume();
    await page.getByRole('button', { name: 'Open event 1308 from line 1' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('next_flush_time');
    // Right under the event's time, before the provider's zone-less stamp: how long until the reset, and when here.
    const top = dialog.locator('dl.fields').first();
    await expect(top.locator('dt')).toHaveText(['Time', 'Reset', 'Message']);
    await expect(top.locator('dd').nth(1)).toHaveText(/^in 1h (30m 0s|29m \d\ds), 2026-11-27 13:30:00 UTC \(5-hour window\), written as 2026-11-27 21:30:00/);
    await expect(dialog).toContainText('Wait for the reset');
    await expect(dialog.locator('pre')).toContainText('"code":"1308"');
    await expect(dialog).toContainText('read as UTC+8');
  });

  test('offers the reset as a calendar event at the right instant', async ({ page }) => {
    const link = page.getByRole('link', { name: 'Add to calendar (.ics)' });
    await expect(link).toHaveAttribute('download', 'quota-reset-1308-2026-11-27.ics');
    const href = (await link.getAttribute('href')) ?? '';
    const ics = decodeURIComponent(href.replace(/^data:text\/calendar;charset=utf-8,/, ''));
    expect(ics).toContain('DTSTART:20261127T133000Z');
    expect(ics).toContain('SUMMARY:Z.ai 5-hour window quota resets');
    expect(ics).toContain('read as UTC+8');
  });

  test('reading the stamps in another zone is a view setting: in UTC this reset is implausible and not counted down', async ({ page }) => {
    await expect(page.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' })).toHaveText('1h 30m 0s');
    await page.clock.resume();
    await page.getByLabel('Reset stamps carry no zone; read them as').selectOption('0');
    await expect.poll(() => new URL(page.url()).searchParams.get('rtz')).toBe('utc');
    await expect(page.getByRole('timer')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Quota resets' })).toContainText('1 reset set aside as implausible (no countdown)');
    await expect(page.getByRole('region', { name: 'Quota resets' })).toContainText('2026-11-27 21:30:00');
    // The error's own time has its zone: no hint to choose the source's zone.
    await expect(page.getByRole('region', { name: 'Quota resets' })).not.toContainText('had no zone');
    // The event's own dialog reads it as the panel does.
    await page.getByRole('button', { name: 'Open event 1308 from line 1' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('2026-11-27 21:30:00 UTC');
    await expect(dialog).toContainText('(no zone: read as UTC)');
    await expect(dialog).toContainText('implausible: the reset is');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.goBack();
    await expect(page.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' })).toHaveText(/^1h (30m 0s|29m 5\ds)$/);
  });

  test('a freshly pasted 1308 gets its countdown at once', async ({ page }) => {
    await page.clock.resume();
    await page.getByRole('textbox', { name: 'Paste log text' }).fill(
      '{"error":{"code":"1308","message":"已达到 5 小时使用上限，2026-11-27 23:00:00 后可继续使用。"}}',
    );
    const pasted = page.getByTestId('paste-result');
    await expect(pasted.getByRole('article', { name: /Error 1308/ })).toBeVisible();
    await expect(pasted.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' })).toHaveText(/^(3h 0m 0s|2h 59m 5\ds)$/);
  });
});

test('an opted-in browser notification fires once when the reset arrives', async ({ page }) => {
  await page.addInitScript(() => {
    const shown: { title: string; body: string | undefined }[] = [];
    class RecordingNotification {
      static permission = 'default';
      static async requestPermission() {
        RecordingNotification.permission = 'granted';
        return 'granted';
      }
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body });
      }
    }
    Object.assign(window, { Notification: RecordingNotification, __notifications: shown });
  });
  await installClock(page, { time: FIXED_NOW.getTime() - 60_000 });
  await openDashboard(page);
  await uploadFiles(page, [{ name: 'agent.log', body: QUOTA_LOG }]);
  await expect(page.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Notify me when a reset arrives' }).check();
  await expect(page.getByRole('checkbox', { name: 'Notify me when a reset arrives' })).toBeChecked();
  await page.clock.pauseAt(FIXED_NOW);
  const shown = () => page.evaluate(() => (window as unknown as { __notifications: unknown[] }).__notifications);
  await page.clock.fastForward('01:29:00');
  expect(await shown()).toEqual([]);
  await page.clock.fastForward('02:00');
  await expect.poll(shown).toEqual([{ title: 'Z.ai quota reset: 5-hour window', body: 'The limit has reset: your agent can run again.' }]);
  await page.clock.fastForward('05:00');
  expect(await shown()).toHaveLength(1);
});

test('a reset written as a day only shows that day, its time unknown, with no countdown to the second (E12)', async ({ page }) => {
  await installClock(page, { time: FIXED_NOW.getTime() - 60_000 });
  await openDashboard(page);
  // The weekly window, reset on 2026-11-30 (UTC+8) with no time of day; "now" is 2026-11-27 12:00 UTC.
  const log = '2026-11-27T11:00:00Z ERROR {"error":{"code":"1310","message":"Weekly/Monthly Limit Exhausted. Your limit will reset at 2026-11-30"}}';
  await uploadFiles(page, [{ name: 'weekly.log', body: `${log}\n` }]);
  await expect(page.getByRole('listitem', { name: 'Source weekly.log' })).toContainText('done');
  const timer = page.getByRole('timer', { name: 'Reset of 1310 (weekly window)' });
  await expect(timer).toHaveText('resets on 2026-11-30, in 3 days');
  await expect(timer.locator('time')).toHaveAttribute('datetime', '2026-11-30');
  const panel = page.getByRole('region', { name: 'Quota resets' });
  await expect(panel).toContainText('The message gives the day only: the time of day is not known.');
  await expect(panel.getByRole('link', { name: 'Add to calendar (.ics)' })).toHaveCount(0);
  await screenshotBothThemes(page, 'resets-day-only');
  await page.clock.pauseAt(FIXED_NOW);
  // On the day (from its first instant in UTC+8, 2026-11-29 16:00 UTC), then after it.
  await page.clock.fastForward('52:00:00');
  await expect(timer).toHaveText('resets today, 2026-11-30');
  await page.clock.fastForward('24:00:00');
  await expect(timer).toHaveText('reset day 2026-11-30 passed');
});

test('a pasted reset written as a day only keeps its day whatever zone the dashboard reads stamps in (E12)', async ({ page }) => {
  await installClock(page, { time: FIXED_NOW.getTime() });
  // The dashboard reads reset stamps as UTC; a pasted error is read in the provider's time, UTC+8, and says so.
  await openDashboard(page, 'rtz=utc');
  await page.getByRole('textbox', { name: 'Paste log text' }).fill(
    '2026-11-27T11:00:00Z {"error":{"code":"1310","message":"Weekly/Monthly Limit Exhausted. Your limit will reset at 2026-11-30"}}',
  );
  const pasted = page.getByTestId('paste-result');
  await expect(pasted.getByRole('timer', { name: 'Reset of 1310 (weekly window)' })).toHaveText('resets on 2026-11-30, in 3 days');
  await expect(pasted).toContainText('2026-11-30 (UTC+8, the provider’s time)');
});

test('a quota hit without a time, added from the paste box, gets its countdown on the dashboard, said to be unchecked', async ({ page }) => {
  await installClock(page, { time: Date.parse('2026-11-29T10:00:00Z') });
  await openDashboard(page);
  await page.getByRole('textbox', { name: 'Paste log text' }).fill(
    'API Error: 429 {"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-29 20:00:00"}}',
  );
  await page.getByRole('button', { name: 'Add to dashboard' }).click();
  const panel = page.getByRole('region', { name: 'Quota resets' });
  await expect(panel.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' })).toBeVisible();
  await expect(panel).toContainText('From an error without a time: the reset is the one written, not checked against when the error happened.');
  await expect(panel).not.toContainText('No quota hit');
});

test('under a countdown, resets set aside as implausible are folded under their first words: they read as doubt about it', async ({ page }) => {
  await installClock(page, { time: FIXED_NOW.getTime() - 60_000 });
  await openDashboard(page);
  // The 1308 of QUOTA_LOG counts down; one logged in August names a reset before itself.
  const stale = '2026-08-20T11:00:00Z ERROR API Error: 429 {"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-08-20 10:00:00"}}';
  await uploadFiles(page, [{ name: 'agent.log', body: `${stale}\n${QUOTA_LOG}\n` }]);
  const card = page.getByRole('article', { name: '5-hour window reset' });
  await expect(card.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' })).toBeVisible();
  const fold = card.locator('details').filter({ hasText: '1 reset set aside as implausible (no countdown)' });
  await expect(fold).toBeVisible();
  await expect(fold.getByText(/^Latest from 1308, written/)).toBeHidden();
  await fold.locator('summary').click();
  await expect(fold.getByText(/^Latest from 1308, written/)).toBeVisible();
});

test('a zoom or a filter does not hide a limit that still blocks: the resets are taken from every error loaded', async ({ page }) => {
  // The demo's weekly limit is hit on its last day; it resets four days on.
  await installClock(page, { time: Date.parse('2026-11-27T12:00:00Z') });
  await openDashboard(page);
  const panel = page.getByRole('region', { name: 'Quota resets' });
  const weekly = panel.getByRole('timer', { name: 'Reset of 1310 (weekly window)' });
  await expect(weekly).toBeVisible();
  const left = await weekly.textContent();
  await expect(panel).not.toContainText('Whatever the time range');
  // The weekly reset is still to come, the 5-hour one long passed: the countdown comes first.
  expect(await panel.locator('article.reset-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label')))).toEqual(['Weekly window reset', '5-hour window reset']);
  // The last hour, which holds no error, then only the 1302s: the countdown stays, and the panel says why.
  await page.getByLabel('Time range').selectOption('1h');
  await expect(page.getByTestId('total-errors')).toHaveText('0');
  await expect(weekly).toBeVisible();
  await expect(panel).toContainText('Whatever the time range and filters: a limit that still blocks stays in sight.');
  await openDashboard(page, 'code=1302');
  await expect(weekly).toBeVisible();
  expect(left).toMatch(/^\dd \d+h/);
  await expect(panel).not.toContainText('No quota hit');
});

test.describe('in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  /** 11:00 without a zone is 16:00 UTC in New York; the reset, 12:00 in the provider's UTC+8, is 04:00 UTC. */
  async function loadBeijingLog(page: Page): Promise<void> {
    await installClock(page, { time: FIXED_NOW.getTime() });
    await openDashboard(page);
    const log = '2026-11-27 11:00:00 ERROR {"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 12:00:00"}}';
    await uploadFiles(page, [{ name: 'written-in-beijing.log', body: `${log}\n` }]);
  }

  test('a reset found before its zone-less error says the error was read in the source’s zone, which its row can change', async ({ page }) => {
    await loadBeijingLog(page);
    const row = page.getByRole('listitem', { name: 'Source written-in-beijing.log' });
    await expect(row).toContainText('done');
    const panel = page.getByRole('region', { name: 'Quota resets' });
    await expect(panel).toContainText('1 reset set aside as implausible');
    await expect(panel).toContainText('had no zone and was read in its source’s zone');
    // Read as UTC+8, the error is at 03:00 UTC and the reset an hour later: counted down.
    await row.getByLabel('Zone of zone-less times in written-in-beijing.log').selectOption('480');
    await expect(page.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' })).toBeVisible();
    await expect(panel).not.toContainText('set aside as implausible');
  });

  test('the note offers the zones in which the reset fits its error, and reads the file in the one picked', async ({ page }) => {
    await loadBeijingLog(page);
    const panel = page.getByRole('region', { name: 'Quota resets' });
    // Read as UTC+8 the error is an hour before its reset, as UTC+9 two hours: both fit a 5-hour window.
    await expect(panel).toContainText('If the file’s times were written in UTC+8 or UTC+9, the reset fits its error');
    await panel.getByRole('button', { name: 'Read the times of written-in-beijing.log as UTC+8' }).click();
    await expect(page.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' })).toBeVisible();
    await expect(panel).not.toContainText('set aside as implausible');
    const row = page.getByRole('listitem', { name: 'Source written-in-beijing.log' });
    await expect(row.getByLabel('Zone of zone-less times in written-in-beijing.log')).toHaveValue('480');
  });
});
