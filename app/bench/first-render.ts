import type { Browser } from '@playwright/test';

/**
 * First render of the demo dashboard on the built app: milliseconds from navigation until the trend
 * chart draws its first bars, in fresh pages (nothing cached between runs).
 */
export async function benchFirstRender(browser: Browser, url: string, runs = 3): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(url);
    await page.locator('[data-testid=trend-chart] .recharts-bar-rectangle').first().waitFor({ timeout: 30_000 });
    times.push(Date.now() - started);
    await context.close();
  }
  return times;
}
