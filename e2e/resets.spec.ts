import { expect, test } from '@playwright/test';
import { FIXED_NOW, openDashboard, screenshotBothThemes, uploadFiles } from './helpers';

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
    await page.clock.install({ time: FIXED_NOW.getTime() - 60_000 });
    await openDashboard(page);
    await uploadFiles(page, [{ name: 'agent.log', body: QUOTA_LOG }]);
    await expect(page.getByRole('listitem', { name: 'Source agent.log' })).toContainText('done');
    // From here the page's clock moves only when a test moves it.
    await page.clock.pauseAt(FIXED_NOW);
  });

  test('counts down to the reset read as UTC+8, reaches zero and changes state', async ({ page }) => {
    const timer = page.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' });
    await expect(timer).toHaveText('1h 30m 0s');
    await expect(timer.locator('time')).toHaveAttribute('datetime', '2026-11-27T13:30:00.000Z');
    const card = page.getByRole('article', { name: '5-hour window reset' });
    await expect(card).toContainText('2026-11-27 13:30:00 UTC');
    await expect(card).toContainText('2026-11-27 21:30:00 UTC+8');
    await screenshotBothThemes(page, 'resets-counting');

    await page.clock.fastForward('01:29:58');
    await expect(timer).toHaveText('2s');
    await page.clock.fastForward(3000);
    await expect(timer).toHaveText('resetting…');
    await page.clock.fastForward(120_000);
    await expect(timer).toHaveText(/^reset passed 2m ago$/);
    await expect(card).toContainText('No new hit since this reset.');
  });

  test('is right at once after the tab was hidden for 10 minutes', async ({ page }) => {
    const timer = page.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' });
    await expect(timer).toHaveText('1h 30m 0s');
    await hideAndShowTab(page, 10 * 60_000);
    await expect(timer).toHaveText('1h 20m 0s', { timeout: 500 });
  });

  test('offers the reset as a calendar event at the right instant', async ({ page }) => {
    const link = page.getByRole('link', { name: 'Add to calendar (.ics)' });
    await expect(link).toHaveAttribute('download', 'quota-reset-1308-2026-11-27.ics');
    const href = (await link.getAttribute('href')) ?? '';
    const ics = decodeURIComponent(href.replace(/^data:text\/calendar;charset=utf-8,/, ''));
    expect(ics).toContain('DTSTART:20261127T133000Z');
    expect(ics).toContain('SUMMARY:Z.ai 5-hour window quota resets');
  });
});
