import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDashboard, screenshotBothThemes, uploadFiles } from './helpers';

/** The bucket the chart's tooltip names with the pointer over `band`: at `at` of its width (0: its left edge). */
async function bucketUnder(page: Page, chart: Locator, band: Locator, at = 0.5): Promise<string> {
  await band.scrollIntoViewIfNeeded();
  const box = await band.boundingBox();
  if (!box) throw new Error('band not laid out');
  // Off the chart first: the tooltip of the bar before goes, and the one read is the band's, not the last one shown.
  const tooltip = chart.locator('.chart-tooltip .muted').first();
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  await page.mouse.move(box.x + Math.min(box.width - 1, Math.max(1, box.width * at)), box.y + box.height / 2);
  await expect(tooltip).toBeVisible();
  return (await tooltip.textContent()) ?? '';
}

/** `2026-11-23 03:41:17 UTC` as the table writes an instant (tz=utc), in ms. */
const instant = (text: string | undefined) => Date.parse(`${(text ?? '').replace(' UTC', 'Z').replace(' ', 'T')}`);
/** The start of the `minutes` bucket holding `ms`, as the tooltip writes it (tz=utc): `2026-11-23 03:30`. */
const bucketOf = (ms: number, minutes: number) => new Date(Math.floor(ms / (minutes * 60_000)) * minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');

test('peak hours are shaded over 14:00–18:00 UTC+8 on each weekday, and their toggle takes the bands away', async ({ page }) => {
  // The demo runs Monday 2026-11-23 to Thursday 2026-11-26: four weekdays, four windows.
  await openDashboard(page, 'tz=utc%2B8');
  const chart = page.getByRole('figure', { name: 'Errors by category over time' });
  await expect(chart).toContainText('buckets of 1 hour');
  const bands = chart.locator('.peak-band');
  await expect(bands).toHaveCount(4);
  for (const [i, day] of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'].entries()) {
    const bucket = await bucketUnder(page, chart, bands.nth(i));
    // The middle of 14:00–18:00 is the bucket of 16:00 (hour buckets).
    expect(bucket).toMatch(new RegExp(`^${day} 1[56]:[03]0 – `));
  }
  await page.getByLabel(/Shade the provider/).uncheck();
  await expect(bands).toHaveCount(0);
  await expect(page.getByRole('figure', { name: 'Rate-limit and quota hits' }).locator('.peak-band')).toHaveCount(0);
});

test('the rate-limit chart shades each period blocked until a reset, as many as its caption counts', async ({ page }) => {
  await openDashboard(page, 'tz=utc');
  const chart = page.getByRole('figure', { name: 'Rate-limit and quota hits' });
  const caption = chart.getByText(/blocked for .* in \d+ periods? until a reset/);
  await expect(caption).toBeVisible();
  const periods = Number(/in (\d+) periods?/.exec((await caption.textContent()) ?? '')?.[1]);
  expect(periods).toBeGreaterThan(0);
  const bands = chart.locator('.blocked-band');
  await expect(bands).toHaveCount(periods);
  // Each band runs from the bucket of its period's start to the bucket of its end, as the table lists them.
  await expect(chart).toContainText('Bucket size 1 hour.');
  await chart.getByText('Show the data as a table').click();
  const rows = chart.locator('table tbody tr');
  await expect(rows).toHaveCount(periods);
  // A period that ends after the log's last bucket (a weekly reset days later) is drawn to the chart's end, and
  // the captions say how much of the time blocked is past it: else it reads as longer than the log.
  await expect(caption).toContainText(/\(\d+d \d+h \d+m of it after the last bucket shown\)/);
  await expect(page.getByTestId('plan-lane')).toContainText(/of it after the last bucket shown, until a reset\./);
  const lastBucket = (await bucketUnder(page, chart, chart.locator('.recharts-cartesian-grid'), 1)).slice(0, 16);
  for (let i = 0; i < periods; i += 1) {
    const [from, until] = await rows.nth(i).locator('td').allTextContents();
    const band = bands.nth(i);
    expect((await bucketUnder(page, chart, band, 0)).slice(0, 16)).toBe(bucketOf(instant(from), 60));
    expect((await bucketUnder(page, chart, band, 1)).slice(0, 16)).toBe([bucketOf(instant(until) - 1, 60), lastBucket].sort()[0]);
  }
});

test('E6: a 1970 default and a year-9999 stamp do not stretch "all data": the charts show the day and name the two', async ({ page }) => {
  await openDashboard(page, 'tz=utc');
  const day = Array.from({ length: 20 }, (_, k) =>
    JSON.stringify({ ts: new Date(Date.UTC(2026, 10, 27, 9, k * 6)).toISOString(), error: { code: k % 2 ? '1302' : '1308', message: 'limit' } }),
  );
  const defaults = [
    JSON.stringify({ ts: '1970-01-01T00:00:00Z', error: { code: '1302', message: 'unset clock' } }),
    JSON.stringify({ ts: '9999-12-31T23:59:59Z', error: { code: '1308', message: 'placeholder' } }),
  ];
  await uploadFiles(page, [{ name: 'outlying-dates.log', body: [defaults[0], ...day, defaults[1]].join('\n') }]);
  await expect(page.getByRole('listitem', { name: 'Source outlying-dates.log' })).toContainText('done');
  await expect(page.getByTestId('total-errors')).toHaveText('22');
  const trend = page.getByRole('figure', { name: 'Errors by category over time' });
  await expect(trend).toContainText(
    '20 dated errors in 115 buckets of 1 min; 2 errors dated far from the others (1970-01-01 00:00:00 UTC, 9999-12-31 23:59:59 UTC) are counted in the totals but not drawn.',
  );
  await expect(page.getByRole('figure', { name: 'Rate-limit and quota hits' })).toContainText('2 hits dated far from the others are counted in the totals but not drawn');
  // They stay in the list of events, oldest first.
  await expect(page.getByRole('table', { name: 'Error events' })).toContainText('1970-01-01 00:00:00 UTC');
  await screenshotBothThemes(page, 'outlying-dates');
});

test('a range outside the peak hours names none in the legends, and a count axis has whole ticks up from 0, no more than the counts need', async ({ page }) => {
  // 00:00–02:00 UTC is 08:00–10:00 UTC+8, before the provider's peak.
  await openDashboard(page, 'v=1&from=2026-11-23T00%3A00%3A00Z&to=2026-11-23T02%3A00%3A00Z&tz=utc');
  const trend = page.getByRole('figure', { name: 'Errors by category over time' });
  await expect(trend.locator('.recharts-bar-rectangle').first()).toBeVisible();
  for (const name of ['Errors by category over time', 'Rate-limit and quota hits']) await expect(page.getByRole('figure', { name })).not.toContainText('Peak hours');
  const ticks = (await trend.locator('.recharts-yAxis-tick-labels text').allTextContents()).map(Number);
  const highest = Math.max(...ticks);
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  expect(ticks.length).toBeLessThanOrEqual(Math.min(5, highest + 1));
  expect(ticks).toEqual(Array.from({ length: ticks.length }, (_, i) => (highest / (ticks.length - 1)) * i));
});

test('a range without errors says so in each time chart, with no empty frame, legend or bucket size', async ({ page }) => {
  await openDashboard(page, 'v=1&from=2026-11-20T00%3A00%3A00Z&to=2026-11-20T02%3A00%3A00Z&tz=utc');
  await expect(page.getByTestId('total-errors')).toHaveText('0');
  const trend = page.getByRole('figure', { name: 'Errors by category over time' });
  await expect(trend).toContainText('No dated errors in this view.');
  await expect(trend.locator('.recharts-wrapper')).toHaveCount(0);
  const limits = page.getByRole('figure', { name: 'Rate-limit and quota hits' });
  await expect(limits).toContainText('0 throttling hits and 0 quota hits; no time blocked by a quota.');
  await expect(limits).toContainText('No throttling or quota hits in this view.');
  await expect(limits).not.toContainText('Blocked until reset');
  await expect(limits).not.toContainText('Bucket size');
});
