import { expect, test, type Page } from '@playwright/test';
import { openDashboard, screenshotBothThemes, uploadFiles, watchForHostileEffects } from './helpers';

const params = (page: Page) => new URL(page.url()).searchParams;

/** The demo is read and the dashboard shows all of it (its total equals the source's event count). */
async function demoLoaded(page: Page) {
  const source = page.getByRole('listitem', { name: 'Source quotalens-demo.log' });
  await expect(source).toContainText('done');
  const events = /([\d,]+) events/.exec(await source.innerText())?.[1] ?? '';
  if (new URL(page.url()).search === '') await expect(page.getByTestId('total-errors')).toHaveText(events);
}

async function trendPlot(page: Page) {
  const plot = page.getByRole('figure', { name: 'Errors by category over time' }).locator('.recharts-wrapper');
  await expect(plot.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await plot.scrollIntoViewIfNeeded();
  const box = await plot.boundingBox();
  if (!box) throw new Error('the trend chart has no box');
  return box;
}

test.describe('the view lives in the URL', () => {
  test('a filter is written to the URL, survives a reload, and Back/Forward walk through it', async ({ page }) => {
    await openDashboard(page);
    await demoLoaded(page);
    const allErrors = await page.getByTestId('total-errors').innerText();
    await page.getByRole('checkbox', { name: 'API policy block' }).check();
    await expect.poll(() => params(page).get('cat')).toBe('api-policy-block');
    expect(params(page).get('v')).toBe('1');
    await expect(page.getByTestId('total-errors')).not.toHaveText(allErrors);
    const policyErrors = await page.getByTestId('total-errors').innerText();

    await page.reload();
    await demoLoaded(page);
    await expect(page.getByRole('checkbox', { name: 'API policy block' })).toBeChecked();
    await expect(page.getByTestId('total-errors')).toHaveText(policyErrors);

    await page.goBack();
    await expect.poll(() => params(page).get('cat')).toBeNull();
    await expect(page.getByRole('checkbox', { name: 'API policy block' })).not.toBeChecked();
    await expect(page.getByTestId('total-errors')).toHaveText(allErrors);
    await page.goForward();
    await expect(page.getByRole('checkbox', { name: 'API policy block' })).toBeChecked();
  });

  test('the events list reads newest first, or oldest first when asked; the order is in the URL and survives a reload', async ({ page }) => {
    await openDashboard(page);
    await demoLoaded(page);
    const rows = page.getByRole('table', { name: 'Error events' }).locator('.events-scroll [role="row"]');
    const firstTime = async () => (await rows.first().locator('[role="cell"]').first().innerText()).trim();
    await expect(page.getByRole('combobox', { name: 'Order' })).toHaveValue('newest');
    await expect.poll(firstTime).toMatch(/^2026-/);
    const newest = await firstTime();
    const allErrors = await page.getByTestId('total-errors').innerText();
    await page.getByRole('combobox', { name: 'Order' }).selectOption('oldest');
    await expect.poll(() => params(page).get('order')).toBe('oldest');
    await expect.poll(firstTime).not.toBe(newest);
    await expect.poll(firstTime).toMatch(/^2026-/);
    const oldest = await firstTime();
    expect(newest > oldest).toBe(true);
    // The order changes the list, not what it counts.
    await expect(page.getByTestId('total-errors')).toHaveText(allErrors);
    await page.reload();
    await demoLoaded(page);
    await expect(page.getByRole('combobox', { name: 'Order' })).toHaveValue('oldest');
    await expect.poll(firstTime).toBe(oldest);
    // Back to the other order, from far down the list: it starts at its top, as when chosen.
    const scroller = page.getByRole('rowgroup', { name: /^Error events, scrollable/ });
    await scroller.evaluate((element) => element.scrollTo({ top: 34 * 300 }));
    await expect.poll(firstTime).not.toBe(oldest);
    await page.goBack();
    await expect(page.getByRole('combobox', { name: 'Order' })).toHaveValue('newest');
    await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBe(0);
    await expect.poll(firstTime).toBe(newest);
  });

  test('clicking a code in the breakdown filters to it', async ({ page }) => {
    await openDashboard(page);
    await demoLoaded(page);
    await page.getByRole('button', { name: 'Filter to code 1308' }).click();
    await expect.poll(() => params(page).get('code')).toBe('1308');
    await expect(page.getByRole('table', { name: 'Codes' }).getByRole('row')).toHaveCount(2);
  });

  test('dragging across the trend chart zooms in; Back restores the previous range', async ({ page }) => {
    await openDashboard(page);
    await demoLoaded(page);
    const box = await trendPlot(page);
    const y = box.y + box.height * 0.5;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, y, { steps: 6 });
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => params(page).get('from')).not.toBeNull();
    const from = Date.parse(params(page).get('from') ?? '');
    const to = Date.parse(params(page).get('to') ?? '');
    expect(to - from).toBeGreaterThan(60 * 60_000);
    expect(to - from).toBeLessThan(3 * 24 * 60 * 60_000);
    await expect(page.getByLabel('Time range')).toHaveValue('custom');
    await page.goBack();
    await expect.poll(() => params(page).get('from')).toBeNull();
    await expect(page.getByLabel('Time range')).toHaveValue('all');
  });

  test('clicking one bar narrows the view to that bucket', async ({ page }) => {
    await openDashboard(page);
    await demoLoaded(page);
    const box = await trendPlot(page);
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect.poll(() => params(page).get('from')).not.toBeNull();
    const from = Date.parse(params(page).get('from') ?? '');
    const to = Date.parse(params(page).get('to') ?? '');
    expect(to - from).toBe(60 * 60_000);
  });

  test('from the keyboard: arrows move along the trend chart, Enter narrows to the bucket reached', async ({ page }) => {
    /** The range Enter narrows to after `steps` presses of the right arrow, on a page opened afresh. */
    const narrowedAfter = async (steps: number) => {
      await openDashboard(page);
      await demoLoaded(page);
      await trendPlot(page);
      const surface = page.getByRole('figure', { name: 'Errors by category over time' }).locator('svg.recharts-surface').first();
      await surface.focus();
      for (let i = 0; i < steps; i += 1) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await expect.poll(() => params(page).get('from')).not.toBeNull();
      // The bucket the keys reached was on the old axis: no tooltip is left describing one of the new.
      await expect(page.getByRole('figure', { name: 'Errors by category over time' }).locator('.chart-tooltip')).toBeHidden();
      return { from: Date.parse(params(page).get('from') ?? ''), to: Date.parse(params(page).get('to') ?? '') };
    };
    const five = await narrowedAfter(5);
    const ten = await narrowedAfter(10);
    expect(five.to - five.from).toBe(60 * 60_000);
    // Five presses more is five buckets later: the bucket reached, not the first nor the one under the pointer.
    expect(ten.from - five.from).toBe(5 * 60 * 60_000);
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true, viewport: { width: 390, height: 844 } });

    test('a tap where no bar is leaves the view as it is', async ({ page }) => {
      await openDashboard(page);
      // Two errors 50 minutes apart, on an axis of buckets of 30 s: the middle of the plot is empty.
      const line = (time: string, code: string) => JSON.stringify({ timestamp: `2026-11-27T${time}Z`, error: { code, message: 'Rate limit reached for requests' } });
      await uploadFiles(page, [{ name: 'two.jsonl', body: `${line('10:00:00', '1302')}\n${line('10:50:00', '1302')}\n` }]);
      await expect(page.getByRole('listitem', { name: 'Source two.jsonl' })).toContainText('done');
      const plot = page.getByRole('figure', { name: 'Errors by category over time' }).locator('.recharts-wrapper');
      await expect(plot.locator('.recharts-bar-rectangle').first()).toBeVisible();
      await plot.scrollIntoViewIfNeeded();
      const box = await plot.boundingBox();
      await page.touchscreen.tap(box!.x + box!.width * 0.55, box!.y + box!.height * 0.5);
      await page.waitForTimeout(300);
      expect(params(page).get('from')).toBeNull();
      await expect(page.getByTestId('total-errors')).toHaveText('2');
    });

    test('a tooltip a tap shows goes away at a tap elsewhere, and when a tap narrows the view', async ({ page }) => {
      await openDashboard(page);
      const line = (time: string) => JSON.stringify({ timestamp: `2026-11-27T${time}Z`, error: { code: '1302', message: 'Rate limit reached for requests' } });
      await uploadFiles(page, [{ name: 'two.jsonl', body: `${line('10:00:00')}\n${line('10:50:00')}\n` }]);
      await expect(page.getByRole('listitem', { name: 'Source two.jsonl' })).toContainText('done');
      const figure = page.getByRole('figure', { name: 'Errors by category over time' });
      const plot = figure.locator('.recharts-wrapper');
      await expect(plot.locator('.recharts-bar-rectangle').first()).toBeVisible();
      await plot.scrollIntoViewIfNeeded();
      const box = await plot.boundingBox();
      const tooltip = figure.locator('.chart-tooltip');
      // The middle of the plot is an empty bucket: the tap shows what it holds and narrows nothing.
      await page.touchscreen.tap(box!.x + box!.width * 0.55, box!.y + box!.height * 0.5);
      await expect(tooltip).toContainText('0 errors');
      await page.touchscreen.tap(box!.x + box!.width * 0.55, box!.y - 40);
      await expect(tooltip).toBeHidden();
      // The first bar: the view narrows to it, and no tooltip is left describing a bucket of the new axis.
      await page.touchscreen.tap(box!.x + box!.width * 0.55, box!.y + box!.height * 0.5);
      await expect(tooltip).toBeVisible();
      const bar = await plot.locator('.recharts-bar-rectangle path').first().evaluate((path) => {
        const svg = (path as SVGGraphicsElement).ownerSVGElement?.getBoundingClientRect() ?? { left: 0, top: 0, height: 0 };
        const m = /M (-?[\d.]+),-?[\d.]+ h (-?[\d.]+)/.exec(path.getAttribute('d') ?? '');
        return { x: svg.left + Number(m?.[1]) + Number(m?.[2]) / 2, y: svg.top + svg.height * 0.6 };
      });
      await page.touchscreen.tap(bar.x, bar.y);
      await expect.poll(() => params(page).get('from')).not.toBeNull();
      await expect(page.getByTestId('total-errors')).toHaveText('1');
      await expect(tooltip).toBeHidden();
    });

    test('tapping a bar narrows the view to that bar, whose errors it then shows', async ({ page }) => {
      await openDashboard(page);
      await demoLoaded(page);
      /** The middle of the first or the last bar drawn, in page pixels, where the page now stands. */
      const barAt = async (which: 'first' | 'last') => {
        await trendPlot(page);
        return page
          .getByRole('figure', { name: 'Errors by category over time' })
          .locator('.recharts-bar-rectangle path')
          .first()
          .evaluate((path, which) => {
            const svg = (path as SVGGraphicsElement).ownerSVGElement?.getBoundingClientRect() ?? { left: 0, top: 0, height: 0 };
            const middles = [...(path.getAttribute('d') ?? '').matchAll(/M (-?[\d.]+),-?[\d.]+ h (-?[\d.]+)/g)].map((m) => svg.left + Number(m[1]) + Number(m[2]) / 2);
            return { x: (which === 'first' ? middles[0] : middles.at(-1)) ?? 0, y: svg.top + svg.height * 0.6 };
          }, which);
      };
      const tapped = async (which: 'first' | 'last') => {
        const { x, y } = await barAt(which);
        await page.touchscreen.tap(x, y);
        await expect.poll(() => params(page).get('from')).not.toBeNull();
        await expect(page.getByTestId('total-errors')).not.toHaveText(/^(0|…)$/);
        const from = params(page).get('from');
        await page.goBack();
        await expect.poll(() => params(page).get('from')).toBeNull();
        await demoLoaded(page);
        return Date.parse(from ?? '');
      };
      const first = await tapped('first');
      const last = await tapped('last');
      // Each tap narrows to its own bucket: the chart's hover index, which a tap never sets, would give one bucket for both.
      expect(last - first).toBeGreaterThan(24 * 3_600_000);
    });
  });

  test('a link with invalid and hostile parameters shows one notice and a working page', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    await openDashboard(page, 'code=abc&range=zzz&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&stream=javascript:alert(1)&%E0%A4%A=1&__proto__[x]=1');
    const notice = page.getByRole('status', { name: 'Link parameters ignored' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('range=zzz');
    await expect(page.getByRole('searchbox', { name: 'Search text' })).toHaveValue('<script>alert(1)</script>');
    await demoLoaded(page);
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).x)).toBeUndefined();
    await screenshotBothThemes(page, 'url-notice');
    expect(problems).toEqual([]);
  });
});

test('Clear filters takes back what narrows the errors, and keeps the order, the zones and the stream', async ({ page }) => {
  await openDashboard(page, 'v=1&code=1302&q=limit&order=oldest&tz=utc&rtz=utc');
  const clear = page.getByRole('button', { name: 'Clear filters' });
  await clear.click();
  await expect.poll(() => new URL(page.url()).searchParams.toString()).toBe('v=1&order=oldest&tz=utc&rtz=utc');
  await expect(page.getByRole('searchbox', { name: 'Search text' })).toHaveValue('');
  // What is left is no filter: nothing to clear.
  await expect(clear).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Quotalens', level: 1 })).toBeVisible();
  await expect(clear).toHaveCount(0);
});

test('an absolute range typed in the filters is written as from/to instants', async ({ page }) => {
  await openDashboard(page, 'tz=utc');
  await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
  await page.getByLabel('Range from', { exact: true }).fill('2026-11-24T06:00:00');
  await page.getByLabel('Range to', { exact: true }).fill('2026-11-24T10:00:00');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2026-11-24T06:00:00Z');
  expect(new URL(page.url()).searchParams.get('to')).toBe('2026-11-24T10:00:00Z');
  await expect(page.getByLabel('Time range')).toHaveValue('custom');
  await expect(page.getByRole('figure', { name: 'Errors by category over time' })).toContainText('buckets of 5 min');
  // A range that ends before it begins says so, and is not applied.
  await page.getByLabel('Range to', { exact: true }).fill('2026-11-24T05:00:00');
  await expect(page.getByRole('region', { name: 'Filters' }).getByRole('note')).toHaveText('The range ends before it begins.');
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  // From the keyboard: Enter in a field applies it too.
  await page.getByLabel('Range to', { exact: true }).fill('2026-11-24T08:00:00');
  await page.getByLabel('Range to', { exact: true }).press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe('2026-11-24T08:00:00Z');
});

test('the time ranges say what they count back from: now, or the latest error', async ({ page }) => {
  await openDashboard(page);
  const select = page.getByLabel('Time range');
  const group = (label: string) => select.locator(`optgroup[label="${label}"] option`);
  await expect(select.locator('option').first()).toHaveText('All data');
  await expect(group('Until now')).toHaveText(['Last 15 minutes', 'Last hour', 'Last 6 hours', 'Last 24 hours', 'Last 7 days', 'Last 30 days']);
  await expect(group('Until the latest error')).toContainText(['Latest 15 minutes of data', 'Latest hour of data']);
  // Every preset is offered once.
  await expect(select.locator('option')).toHaveCount(13);
});

test('a link names its source: opened by someone who loads the same files in another order, it shows the same source', async ({ browser, page }) => {
  const logs = (name: string) => `e2e/fixtures/logs/${name}`;
  await openDashboard(page);
  await page.getByLabel('Open log files').setInputFiles([logs('claude-session.jsonl'), logs('mixed.log')]);
  await expect(page.getByRole('listitem', { name: 'Source mixed.log' })).toContainText('done');
  await expect(page.getByRole('listitem', { name: 'Source claude-session.jsonl' })).toContainText('done');
  await page.getByRole('region', { name: 'Filters' }).getByLabel('Source').selectOption('mixed.log');
  await expect(page).toHaveURL(/[?&]src=mixed\.log(&|$)/);
  // The view shows the events of mixed.log alone, as many as its row counts.
  const shown = /([\d,]+) events/.exec(await page.getByRole('listitem', { name: 'Source mixed.log' }).innerText())?.[1] ?? '';
  expect(Number(shown)).toBeGreaterThan(0);
  await expect(page.getByTestId('total-errors')).toHaveText(shown);

  const other = await browser.newPage();
  await other.goto(new URL(page.url()).pathname + new URL(page.url()).search);
  await other.getByLabel('Open log files').setInputFiles([logs('mixed.log')]);
  await other.getByLabel('Open log files').setInputFiles([logs('claude-session.jsonl')]);
  await expect(other.getByRole('listitem', { name: 'Source claude-session.jsonl' })).toContainText('done');
  await expect(other.getByTestId('total-errors')).toHaveText(shown ?? '');
  await expect(other.getByRole('region', { name: 'Filters' }).getByLabel('Source')).toHaveValue('mixed.log');
  await other.close();
});

test('a link that numbered its source by load order says that source is not loaded, and shows none of another', async ({ page }) => {
  await openDashboard(page, 'v=1&src=3');
  await page.getByLabel('Open log files').setInputFiles(['e2e/fixtures/logs/mixed.log', 'e2e/fixtures/logs/claude-session.jsonl']);
  await expect(page.getByRole('listitem', { name: 'Source claude-session.jsonl' })).toContainText('done');
  const filters = page.getByRole('region', { name: 'Filters' });
  await expect(filters.getByRole('note')).toContainText('This view shows source 3, which is not loaded here: links written before sources went by name numbered them');
  await expect(filters.getByLabel('Source')).toHaveValue('3');
  await expect(page.getByTestId('total-errors')).toHaveText('0');
  await filters.getByRole('button', { name: 'Show all sources' }).click();
  await expect(page).not.toHaveURL(/[?&]src=/);
  await expect(page.getByTestId('total-errors')).not.toHaveText('0');
});

test("a link opened before its files are loaded says, on the demo's banner, which files it was made for", async ({ page }) => {
  await openDashboard(page, 'v=1&range=last-1h&cat=api-policy-block&src=app-short.log');
  const banner = page.getByRole('note', { name: 'Demo data' });
  await expect(banner).toContainText('This link was made for app-short.log: open the same files to see its view.');
  // Said once: not again in the filters.
  await expect(page.getByRole('region', { name: 'Filters' }).getByRole('note')).toHaveCount(0);
  await banner.getByRole('button', { name: 'Show the example without them' }).click();
  await expect(page).not.toHaveURL(/[?&](src|cat|range)=/);
  await expect(banner).not.toContainText('This link was made for');
  await expect(page.getByTestId('total-errors')).not.toHaveText(/^(0|…)$/);
  // Once the files are the user's, the demo and its banner are gone.
  await page.goBack();
  await page.getByLabel('Open log files').setInputFiles(['e2e/fixtures/logs/mixed.log']);
  await expect(banner).toHaveCount(0);
});
