import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDashboard, screenshotBothThemes } from './helpers';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** The demo's panels drawn: the rate-limit chart (answered last) has its bars, the events list its rows. */
async function dashboardDrawn(page: Page) {
  await expect(page.getByRole('figure', { name: 'Rate-limit and quota hits' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Error events' }).getByRole('row').nth(1)).toBeVisible();
}

test.describe('accessibility', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no serious or critical violation on the dashboard, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openDashboard(page);
      await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
      await expect(page.getByRole('timer').first()).toBeVisible();
      // The panels fill in one after another once the demo is read: scan the page they end on.
      await dashboardDrawn(page);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test(`axe finds no serious or critical violation on the event detail and paste result, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openDashboard(page);
      await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
      await page.getByRole('textbox', { name: 'Paste log text' }).fill('{"error":{"code":"1113","message":"Insufficient balance or no resource package. Please recharge."}}');
      await expect(page.getByRole('article', { name: /Error 1113/ })).toBeVisible();
      await page.getByRole('button', { name: /^Open event/ }).first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expect(page.getByRole('dialog')).toContainText('Raw record');
      await dashboardDrawn(page);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('everything is reachable from the keyboard: open an event and close it with Escape', async ({ page }) => {
    await openDashboard(page);
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
    const firstEvent = page.getByRole('button', { name: /^Open event/ }).first();
    await firstEvent.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await screenshotBothThemes(page, 'event-detail');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('the events list is one Tab stop, and arrow keys move between its rows', async ({ page }) => {
    await openDashboard(page);
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
    const list = page.getByRole('rowgroup', { name: /^Error events, scrollable/ });
    const rowButton = (row: number) => list.locator(`[aria-rowindex="${row + 1}"] button`);
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await expect(rowButton(1)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(rowButton(2)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(rowButton(1)).toBeFocused();
    // The demo holds hundreds of events: End reaches the last, whose page of events is fetched first.
    const total = Number(await page.getByRole('table', { name: 'Error events' }).getAttribute('aria-rowcount')) - 1;
    expect(total).toBeGreaterThan(100);
    await page.keyboard.press('End');
    await expect(rowButton(total)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(rowButton(total - 1)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    // One Tab from a row leaves the list for the next control, where it used to walk every row first.
    await rowButton(total).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Stream URL')).toBeFocused();
  });

  test('a key pressed in the events list after scrolling it starts from the rows in view, not from the top', async ({ page }) => {
    await openDashboard(page);
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
    const list = page.getByRole('rowgroup', { name: /^Error events, scrollable/ });
    await list.evaluate((element) => element.scrollTo({ top: 34 * 200 }));
    await expect(list.locator('[aria-rowindex="202"] button')).toBeVisible();
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await expect(list.locator('[aria-rowindex="202"] button')).toBeFocused();
  });

  test('usable on a 390 px phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openDashboard(page);
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('figure', { name: 'Errors by category over time' })).toBeVisible();
    // One column: the resets and the upload first, then the dashboard, then live streams and sources.
    const top = async (locator: Locator) => (await locator.boundingBox())?.y ?? NaN;
    const resets = await top(page.getByRole('region', { name: 'Quota resets' }));
    const upload = await top(page.getByRole('button', { name: 'Open log files' }));
    const trend = await top(page.getByRole('figure', { name: 'Errors by category over time' }));
    const events = await top(page.getByRole('table', { name: 'Error events' }));
    const sources = await top(page.getByRole('heading', { name: 'Sources', level: 2 }));
    expect(resets < upload && upload < trend && trend < events && events < sources).toBe(true);
    // Tab follows the same order: the document holds them as the screen shows them.
    const inDocumentOrder = await page.evaluate(() => {
      const found = [
        document.querySelector('#resets-title'),
        document.querySelector('input[aria-label="Open log files"]'),
        document.querySelector('section[aria-label="Filters"]'),
        document.querySelector('#events-title'),
        document.querySelector('#sources-title'),
      ];
      return found.every((node, i) => node !== null && (i === 0 || (found[i - 1]!.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0));
    });
    expect(inDocumentOrder).toBe(true);
    // An event row is two lines: its source and line stay in view beside the time and code, its message below,
    // across the row, and the arrow keys still move one row at a time.
    const table = page.getByRole('table', { name: 'Error events' });
    const row = table.locator('[aria-rowindex="2"]');
    // The rows move down as the panels above them fill in: measured once those are drawn, in one reading.
    await dashboardDrawn(page);
    await expect(row.locator('.cell-source')).toBeVisible();
    const boxes = await row.evaluate((el) => {
      const box = (node: Element | null) => node?.getBoundingClientRect() ?? null;
      return { row: box(el), message: box(el.querySelector('.cell-message')), source: box(el.querySelector('.cell-source')) };
    });
    expect(boxes.message!.width).toBeGreaterThan(boxes.row!.width * 0.8);
    expect(boxes.message!.top).toBeGreaterThan(boxes.source!.bottom - 1);
    await expect(row.locator('.source-line')).toBeVisible();
    await expect(row.locator('.cell-source')).toHaveText(/^quotalens-demo\.log:\d+$/);
    await table.getByRole('rowgroup').last().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(table.locator('[aria-rowindex="3"] button')).toBeFocused();
    // The Codes table's verdict, what to do, is on screen without scrolling sideways.
    const verdict = await page.getByRole('table', { name: 'Codes' }).getByRole('columnheader', { name: 'Verdict' }).boundingBox();
    expect(verdict!.x + verdict!.width).toBeLessThanOrEqual(390);
    await screenshotBothThemes(page, 'phone');
  });
});
