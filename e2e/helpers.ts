import { expect, type Page } from '@playwright/test';

/** Fixed instant for tests that pin the browser clock: 2026-11-27 12:00:00 UTC. */
export const FIXED_NOW = new Date('2026-11-27T12:00:00Z');

/** Fail the test on any dialog, uncaught page error or CSP violation: hostile input must run nothing. */
export async function watchForHostileEffects(page: Page): Promise<{ problems: string[] }> {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return { problems };
}

/** Pages whose clock is installed: by the test itself (installClock), or pinned at FIXED_NOW by openDashboard. */
const clocked = new WeakSet<Page>();

/** A test's own clock, installed before the page is opened: openDashboard then leaves it as it is. */
export async function installClock(page: Page, options?: Parameters<Page['clock']['install']>[0]): Promise<void> {
  clocked.add(page);
  await page.clock.install(options);
}

/**
 * The page's clock starts at FIXED_NOW, and runs: the demo is written for the days before the page is opened, so
 * its numbers and dates, and what is "now" against them, are the same whatever day the tests run.
 */
export async function pinClock(page: Page): Promise<void> {
  if (clocked.has(page)) return;
  await installClock(page, { time: FIXED_NOW });
}

export async function openDashboard(page: Page, search = ''): Promise<void> {
  await pinClock(page);
  await page.goto(`/${search ? `?${search}` : ''}`);
  await expect(page.getByRole('heading', { name: 'Quotalens', level: 1 })).toBeVisible();
}

export async function uploadFiles(page: Page, files: { name: string; body: string | Buffer }[]): Promise<void> {
  await page.getByLabel('Open log files').setInputFiles(
    files.map(({ name, body }) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.isBuffer(body) ? body : Buffer.from(body) })),
  );
}

export async function pasteLogText(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Paste log text' }).fill(text);
}

/** `fullPage: false` for what is fixed to the screen (an overlay): a full-page capture draws it over the top only. */
export async function screenshotBothThemes(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `.ci-out/screens/${name}-${scheme}.png`, fullPage });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
