import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDashboard, pinClock } from './helpers';

const params = (page: Page) => new URL(page.url()).searchParams;
const trendChart = (page: Page) => page.getByRole('figure', { name: 'Errors by category over time' });
const limitsChart = (page: Page) => page.getByRole('figure', { name: 'Rate-limit and quota hits' });

/** The demo is read and the dashboard shows all of it. */
async function demoLoaded(page: Page) {
  await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
  await expect(trendChart(page).locator('.recharts-bar-rectangle').first()).toBeVisible();
}

/** Each bar the chart draws, in page pixels: its left edge, width and middle. */
async function barsOf(chart: Locator): Promise<{ x: number; width: number; middle: number }[]> {
  await chart.scrollIntoViewIfNeeded();
  return chart.locator('.recharts-bar-rectangle path').evaluateAll((paths) =>
    paths.flatMap((path) => {
      const left = (path as SVGGraphicsElement).ownerSVGElement?.getBoundingClientRect().left ?? 0;
      return [...(path.getAttribute('d') ?? '').matchAll(/M (-?[\d.]+),-?[\d.]+ h (-?[\d.]+)/g)].map((m) => {
        const x = left + Number(m[1]);
        return { x, width: Number(m[2]), middle: x + Number(m[2]) / 2 };
      });
    }),
  );
}

/** Taps (or clicks) the middle of the chart's tallest-drawn bar at `at` of the plot's width, and waits for the narrowed view. */
async function narrowAt(page: Page, chart: Locator, at: number, how: 'tap' | 'click') {
  const bars = await barsOf(chart);
  const box = await chart.locator('.recharts-wrapper').boundingBox();
  if (!box || bars.length === 0) throw new Error('the chart draws no bar');
  const target = box.x + box.width * at;
  const bar = bars.reduce((best, b) => (Math.abs(b.middle - target) < Math.abs(best.middle - target) ? b : best));
  const before = page.url();
  const y = box.y + box.height * 0.75;
  if (how === 'tap') await page.touchscreen.tap(bar.middle, y);
  else await page.mouse.click(bar.middle, y);
  await expect.poll(() => page.url()).not.toBe(before);
  await expect(page.getByTestId('total-errors')).not.toHaveText(/^(0|…)$/);
}

test.describe('on a 390 px touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('a tap that narrows the chart leaves a way back beside it, which is Back and says where it goes', async ({ page }) => {
    await openDashboard(page);
    await demoLoaded(page);
    const chart = trendChart(page);
    await expect(chart.getByRole('button', { name: /^Back to/ })).toHaveCount(0);
    await narrowAt(page, chart, 0.5, 'tap');
    expect(params(page).get('from')).not.toBeNull();
    // Where the finger is: in the chart, on screen, without scrolling to the filters.
    const back = chart.getByRole('button', { name: 'Back to all data' });
    await expect(back).toBeInViewport();
    const box = await back.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(32);
    // The rate-limit chart, further down, offers the same.
    await expect(limitsChart(page).getByRole('button', { name: 'Back to all data' })).toBeVisible();
    await back.tap();
    await expect.poll(() => params(page).get('from')).toBeNull();
    await expect(page.getByLabel('Time range')).toHaveValue('all');
    await expect(chart.getByRole('button', { name: /^Back to/ })).toHaveCount(0);
    // It went Back: Forward is the narrowed view again, with its way back.
    await page.goForward();
    await expect.poll(() => params(page).get('from')).not.toBeNull();
    await expect(chart.getByRole('button', { name: 'Back to all data' })).toBeVisible();
  });

  test('bars are wide enough to see and to tap: the buckets follow the width of the chart', async ({ page }) => {
    await openDashboard(page, 'tz=utc');
    await demoLoaded(page);
    const chart = trendChart(page);
    // Four days of hours would be 94 bars under 3 px each, touching, on a 264 px plot.
    await expect(chart).toContainText('892 dated errors in 47 buckets of 2 hours.');
    const all = await barsOf(chart);
    expect(Math.min(...all.map((b) => b.width))).toBeGreaterThanOrEqual(3);
    await narrowAt(page, chart, 0.5, 'tap');
    // A bar of 2 hours narrowed: 24 bars of 5 min, not 120 of 1 min.
    await expect(chart).toContainText(/in 24 buckets of 5 min\./);
    const narrowed = await barsOf(chart);
    expect(narrowed.length).toBeGreaterThan(0);
    expect(Math.min(...narrowed.map((b) => b.width))).toBeGreaterThanOrEqual(3);
    const from = Date.parse(params(page).get('from') ?? '');
    expect(Date.parse(params(page).get('to') ?? '') - from).toBe(2 * 3_600_000);
    // The rate-limit chart is on the same buckets.
    await page.goBack();
    await expect(limitsChart(page)).toContainText('Bucket size 2 hours.');
    const limitBars = await barsOf(limitsChart(page));
    expect(Math.min(...limitBars.map((b) => b.width))).toBeGreaterThanOrEqual(3);
  });

  test('the zone of reset stamps: its words on one line, the list whole under them', async ({ page }) => {
    await openDashboard(page);
    const panel = page.getByRole('region', { name: 'Quota resets' });
    const select = panel.getByRole('combobox', { name: /Reset stamps carry no zone/ });
    await expect(select).toBeVisible();
    const words = panel.getByText('Reset stamps carry no zone; read them as');
    const [wordsBox, selectBox, panelBox] = await Promise.all([words.boundingBox(), select.boundingBox(), panel.boundingBox()]);
    // One line of 12 px text, not five beside the list.
    expect(wordsBox!.height).toBeLessThan(24);
    expect(selectBox!.y).toBeGreaterThanOrEqual(wordsBox!.y + wordsBox!.height - 1);
    expect(selectBox!.x + selectBox!.width).toBeLessThanOrEqual(panelBox!.x + panelBox!.width);
    // The list shows its whole choice.
    expect(await select.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });

  test('a source being read, then cancelled, keeps Cancel and Remove on its first line', async ({ page }) => {
    const path = await writeLargeLog('gateway-2026-11-27.log', 150);
    await openDashboard(page);
    await demoLoaded(page);
    await page.getByLabel('Open log files').setInputFiles(path);
    const row = page.getByRole('listitem', { name: 'Source gateway-2026-11-27.log' });
    await expect(row).toContainText(/ [1-9][\d,]* lines/);
    await row.scrollIntoViewIfNeeded();
    const name = row.locator('.source-name');
    const onNameLine = async (button: Locator) => {
      const [nameBox, buttonBox, rowBox] = await Promise.all([name.boundingBox(), button.boundingBox(), row.boundingBox()]);
      expect(Math.abs(buttonBox!.y + buttonBox!.height / 2 - (nameBox!.y + nameBox!.height / 2))).toBeLessThanOrEqual(4);
      expect(buttonBox!.x + buttonBox!.width).toBeLessThanOrEqual(rowBox!.x + rowBox!.width + 0.5);
      expect(buttonBox!.height).toBeLessThan(32);
    };
    await onNameLine(row.getByRole('button', { name: 'Cancel' }));
    await onNameLine(row.getByRole('button', { name: 'Remove gateway-2026-11-27.log' }));
    await row.getByRole('button', { name: 'Cancel' }).tap();
    await expect(row).toContainText('cancelled (partial)');
    await onNameLine(row.getByRole('button', { name: 'Remove gateway-2026-11-27.log' }));
    // The name is not cut to make room: it is short enough to be whole.
    expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });
});

test.describe('on a desktop', () => {
  test('zooms in a row: Back goes one step, "Show all data" past all of them', async ({ page }) => {
    await openDashboard(page, 'tz=utc');
    await demoLoaded(page);
    const chart = trendChart(page);
    // Hours at 1280 px: the worker's buckets fit.
    await expect(chart).toContainText('in 94 buckets of 1 hour.');
    await narrowAt(page, chart, 0.5, 'click');
    const hour = { from: params(page).get('from'), to: params(page).get('to') };
    expect(Date.parse(hour.to ?? '') - Date.parse(hour.from ?? '')).toBe(3_600_000);
    await expect(chart.getByRole('button', { name: /^Show / })).toHaveCount(0);
    await narrowAt(page, chart, 0.5, 'click');
    const label = `${new Date(Date.parse(hour.from ?? '')).toUTCString().slice(8, 11)} ${Number(hour.from?.slice(8, 10))}, ${hour.from?.slice(11, 16)}–${hour.to?.slice(11, 16)}`;
    const back = chart.getByRole('button', { name: `Back to ${label}` });
    await expect(back).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).include('.chart-zoom').analyze();
      expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    }
    await back.click();
    await expect.poll(() => params(page).get('from')).toBe(hour.from);
    await expect(chart.getByRole('button', { name: 'Back to all data' })).toBeVisible();
    await page.goForward();
    await chart.getByRole('button', { name: 'Show all data' }).click();
    await expect.poll(() => params(page).get('from')).toBeNull();
    await expect(page.getByLabel('Time range')).toHaveValue('all');
    // Forward walks the zooms again, one at a time.
    await page.goForward();
    await expect.poll(() => params(page).get('from')).toBe(hour.from);
  });

  test('from the keyboard: Enter on the rate-limit chart narrows, Enter on Back returns, and the focus stays on the chart', async ({ page }) => {
    await openDashboard(page);
    await demoLoaded(page);
    const chart = limitsChart(page);
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await chart.locator('svg.recharts-surface').first().focus();
    for (let i = 0; i < 30; i += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => params(page).get('from')).not.toBeNull();
    const back = chart.getByRole('button', { name: 'Back to all data' });
    await expect(back).toBeVisible();
    await expect(trendChart(page).getByRole('button', { name: 'Back to all data' })).toBeVisible();
    await back.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => params(page).get('from')).toBeNull();
    await expect(chart.getByRole('heading', { name: 'Rate-limit and quota hits' })).toBeFocused();
  });

  test('typing a search after a zoom keeps the way back, which still returns to the range before the zoom', async ({ page }) => {
    await openDashboard(page);
    await demoLoaded(page);
    await narrowAt(page, trendChart(page), 0.3, 'click');
    await page.getByRole('searchbox', { name: 'Search text' }).fill('1302');
    await expect.poll(() => params(page).get('q')).toBe('1302');
    const back = trendChart(page).getByRole('button', { name: 'Back to all data' });
    await expect(back).toBeVisible();
    await back.click();
    await expect.poll(() => params(page).get('from')).toBeNull();
    await expect(page.getByLabel('Time range')).toHaveValue('all');
  });

  test('a reload keeps the way back; the same link opened afresh has no zoom to undo', async ({ page, context }) => {
    await openDashboard(page);
    await demoLoaded(page);
    await narrowAt(page, trendChart(page), 0.3, 'click');
    const narrowed = page.url();
    await page.reload();
    await demoLoaded(page);
    await expect(trendChart(page).getByRole('button', { name: 'Back to all data' })).toBeVisible();
    const fresh = await context.newPage();
    await pinClock(fresh);
    await fresh.goto(narrowed);
    await expect(trendChart(fresh).locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(trendChart(fresh).getByRole('button', { name: /^Back to/ })).toHaveCount(0);
    // The filters still widen it, as before.
    await expect(fresh.getByLabel('Time range')).toHaveValue('custom');
  });
});

/** A plain-text log of about `mib` MiB, one line in ten an error: long enough to be cancelled while it is read. */
async function writeLargeLog(name: string, mib: number): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'quotalens-e2e-')), name);
  const stream = createWriteStream(path);
  const lines = Array.from({ length: 4096 }, (_, i) =>
    i % 10 === 0
      ? `2026-11-27T10:00:${String(i % 60).padStart(2, '0')}Z ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}`
      : `2026-11-27T10:00:${String(i % 60).padStart(2, '0')}Z INFO request ok in ${i} ms, tokens_in=1234 tokens_out=5678`,
  );
  const block = `${lines.join('\n')}\n`;
  for (let i = 0; i < Math.ceil((mib * 1024 * 1024) / block.length); i += 1) {
    if (!stream.write(block)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => stream.end(() => resolve()));
  return path;
}
