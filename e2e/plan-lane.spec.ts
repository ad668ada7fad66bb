import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDashboard } from './helpers';

const planLane = (page: Page) => page.getByRole('figure', { name: 'Plan state over time' });
const trendChart = (page: Page) => page.getByRole('figure', { name: 'Errors by category over time' });
const rateLimitChart = (page: Page) => page.getByRole('figure', { name: 'Rate-limit and quota hits' });

/** The lane's rectangles, left to right, from the paths it draws (one path per state): [left, right] in px. */
async function laneRectangles(lane: Locator): Promise<[number, number][]> {
  return lane.locator('path.plan-run').evaluateAll((paths) =>
    paths
      .flatMap((path) => {
        const left = path.getBoundingClientRect().left - (path as SVGPathElement).getBBox().x;
        const rects = (path.getAttribute('d') ?? '').match(/M [-\d.]+,[-\d.]+ h [-\d.]+/g) ?? [];
        return rects.map((rect) => {
          const [, x, w] = /M ([-\d.]+),[-\d.]+ h ([-\d.]+)/.exec(rect) ?? [];
          return [left + Number(x), left + Number(x) + Number(w)] as [number, number];
        });
      })
      .sort((a, b) => a[0] - b[0]),
  );
}

/** A time chart's plot, from its y axis to its right margin, as its horizontal grid lines span it: [left, right] in px. */
async function plotEdges(chart: Locator): Promise<[number, number]> {
  return chart.locator('.recharts-cartesian-grid-horizontal line').first().evaluate((line) => {
    const left = line.getBoundingClientRect().left - (line as SVGLineElement).getBBox().x;
    return [left + Number(line.getAttribute('x1')), left + Number(line.getAttribute('x2'))] as [number, number];
  });
}

/** The bucket (or, with `whole`, all) the chart's tooltip says with the pointer `x` px from the page's left, halfway down `plot`. */
async function tooltipAt(page: Page, chart: Locator, plot: Locator, x: number, whole = false): Promise<string> {
  await plot.scrollIntoViewIfNeeded();
  const box = await plot.boundingBox();
  if (!box) throw new Error('plot not laid out');
  // Off the chart first: the tooltip shown before goes, and the one read is the one at `x`.
  const tooltip = whole ? chart.locator('.chart-tooltip') : chart.locator('.chart-tooltip .muted').first();
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  await page.mouse.move(x, box.y + box.height / 2);
  await expect(tooltip).toBeVisible();
  return (await tooltip.textContent()) ?? '';
}

test('the plan lane reads straight down: the same instant at the same x as the charts above and below it', async ({ page }) => {
  await openDashboard(page, 'tz=utc');
  const lane = planLane(page);
  await expect(lane.locator('path.plan-run').first()).toBeVisible();
  const rects = await laneRectangles(lane);
  // The lane spans the plot of the charts, from the end of their y axis to their right margin.
  const [left, right] = await plotEdges(trendChart(page));
  expect(await plotEdges(rateLimitChart(page))).toEqual([left, right]);
  expect(rects[0]?.[0]).toBeCloseTo(left, 2);
  expect(rects.at(-1)?.[1]).toBeCloseTo(right, 2);
  // One rectangle per run of a state, side by side: not one per bucket.
  const buckets = Number(/in (\d+) buckets/.exec((await trendChart(page).locator('figcaption').textContent()) ?? '')?.[1]);
  expect(rects.length).toBeGreaterThan(1);
  expect(rects.length).toBeLessThan(buckets / 3);
  rects.slice(1).forEach(([left], i) => expect(left).toBeCloseTo(rects[i]?.[1] ?? NaN, 1));
  // The bucket under the pointer is the same in the lane and in the charts above and below it.
  for (const at of [0.02, 0.5, 0.97]) {
    const x = left + (right - left) * at;
    const inTrend = await tooltipAt(page, trendChart(page), trendChart(page).locator('.recharts-cartesian-grid'), x);
    expect(await tooltipAt(page, lane, lane.locator('.recharts-surface'), x)).toBe(inTrend);
    expect(await tooltipAt(page, rateLimitChart(page), rateLimitChart(page).locator('.recharts-cartesian-grid'), x)).toBe(inTrend);
  }
});

test('on a phone, whose charts draw fewer and wider buckets, the lane takes the same ones', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // Buckets of 30 min from 01:30, which a 264 px plot draws as buckets of an hour from 01:00.
  await openDashboard(page, 'tz=utc&from=2026-11-24T01:30:00Z&to=2026-11-26T00:30:00Z');
  const lane = planLane(page);
  await expect(lane.locator('path.plan-run').first()).toBeVisible();
  await expect(trendChart(page).locator('figcaption')).toContainText('buckets of 1 hour');
  const [left, right] = await plotEdges(trendChart(page));
  const rects = await laneRectangles(lane);
  expect(rects[0]?.[0]).toBeCloseTo(left, 1);
  expect(rects.at(-1)?.[1]).toBeCloseTo(right, 1);
  for (const at of [0.01, 0.5, 0.99]) {
    const x = left + (right - left) * at;
    const inTrend = await tooltipAt(page, trendChart(page), trendChart(page).locator('.recharts-cartesian-grid'), x);
    expect(await tooltipAt(page, lane, lane.locator('.recharts-surface'), x)).toBe(inTrend);
  }
});

test('time the logs do not cover is "No data", not "Active"; a link whose file is not loaded is all of it', async ({ page }) => {
  // The demo's logs start on 2026-11-23 at 00:00 UTC: the first half of this range is before them.
  await openDashboard(page, 'from=2026-11-22T00:00:00Z&to=2026-11-24T00:00:00Z&tz=utc');
  const lane = planLane(page);
  const legend = lane.getByRole('list', { name: 'Plan state over time legend' });
  await expect(legend.getByRole('listitem')).toContainText(['Active', 'No data']);
  const plot = lane.locator('.recharts-surface');
  const box = await plot.boundingBox();
  if (!box) throw new Error('lane not laid out');
  expect(await tooltipAt(page, lane, plot, box.x + box.width * 0.25, true)).toMatch(/^2026-11-22 .*No data$/);
  expect(await tooltipAt(page, lane, plot, box.x + box.width * 0.75, true)).not.toContain('No data');

  await openDashboard(page, 'src=missing.log&from=2026-11-22T00:00:00Z&to=2026-11-24T00:00:00Z&tz=utc');
  await expect(lane.locator('figcaption')).toHaveText('No dated errors in this view.');
  await expect(legend.getByRole('listitem')).toHaveText(['No data']);
});

test('a block of seconds in a narrow range is "<1m", and where the range cuts it off it says until when it continues', async ({ page }) => {
  // Four minutes around the demo's first 5-hour limit hit (03:41:17 UTC), whose reset is 05:54:26 UTC.
  await openDashboard(page, 'from=2026-11-23T03:37:30Z&to=2026-11-23T03:41:30Z&tz=utc');
  const continuing = 'continuing until 2026-11-23 05:54 UTC (2h 12m beyond this range)';
  await expect(planLane(page).locator('figcaption')).toContainText(`Blocked <1m in all, ${continuing}.`);
  const limits = rateLimitChart(page);
  await expect(limits.locator('figcaption')).toContainText(`blocked for <1m in 1 period until a reset, ${continuing}.`);
  await limits.getByText('Show the data as a table').click();
  await expect(limits.getByRole('table').getByRole('row').nth(1).getByRole('cell')).toHaveText([
    '2026-11-23 03:41:17 UTC',
    '2026-11-23 05:54:26 UTC, beyond this range',
    '<1m in this range',
    '1308',
    '1',
  ]);
  // In the display zone the page uses.
  await openDashboard(page, 'from=2026-11-23T03:37:30Z&to=2026-11-23T03:41:30Z&tz=utc%2B8');
  await expect(planLane(page).locator('figcaption')).toContainText('continuing until 2026-11-23 13:54 UTC+8 (2h 12m beyond this range).');
});
