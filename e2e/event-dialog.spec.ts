import { expect, test, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { FIXED_NOW, installClock, openDashboard, screenshotBothThemes, uploadFiles } from './helpers';

// NDJSON as an app logs it: the 1308 without an HTTP status (the catalog's 429 is only its usual one), the 1302 with a
// status other than the usual. The reset has no zone: 21:30:00 in UTC+8, the provider's time, is 13:30 UTC.
const QUOTA_MESSAGE = 'Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 21:30:00';
const NDJSON_LOG = [
  { ts: '2026-11-27T10:58:00Z', status: 500, error: { code: '1302', message: 'High concurrency usage of this API, please reduce concurrency' } },
  { ts: '2026-11-27T11:00:00Z', request_id: '20261127190000a1b2c3d4e5f6a7b8', error: { code: '1308', message: QUOTA_MESSAGE } },
]
  .map((record) => JSON.stringify(record))
  .join('\n');

async function openLog(page: Page): Promise<void> {
  await openDashboard(page, 'tz=utc');
  await uploadFiles(page, [{ name: 'agent.ndjson', body: NDJSON_LOG }]);
  await expect(page.getByRole('listitem', { name: 'Source agent.ndjson' })).toContainText('done');
}

async function openEvent(page: Page, name: string) {
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('region', { name: 'Raw record' })).toBeVisible();
  return dialog;
}

/** What is drawn at the middle of an element is that element or inside it: nothing scrolled over covers it. */
const isOnTop = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const el = document.querySelector(s);
    const box = el?.getBoundingClientRect();
    return !!el && !!box && el.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
  }, selector);

test.describe('event detail', () => {
  test('shows the time, then the log’s own message as body text, then the guidance; the catalog’s status is labelled as usual, never as observed', async ({ page }) => {
    await openLog(page);
    const dialog = await openEvent(page, 'Open event 1308 from line 2');
    const message = dialog.locator('dd.event-message');
    await expect(message).toHaveText(QUOTA_MESSAGE);
    await expect(message).toBeVisible();
    // Body text: the dialog's colour and size, not the muted small print it used to be.
    const look = await message.evaluate((el) => {
      const own = getComputedStyle(el);
      const body = getComputedStyle(el.closest('dialog') as Element);
      return { color: own.color === body.color, fontSize: own.fontSize };
    });
    expect(look).toEqual({ color: true, fontSize: '14px' });
    // Above the guidance, shown once.
    const guidance = dialog.getByRole('article', { name: 'Error 1308: Usage limit reached' });
    expect((await message.boundingBox())?.y).toBeLessThan((await guidance.boundingBox())?.y ?? 0);
    await expect(guidance).not.toContainText(QUOTA_MESSAGE);

    // No status in the record: the fields say so, and the badge is the catalog's usual one, worded as such.
    await expect(dialog.locator('dt:text-is("HTTP status") + dd')).toHaveText('none in the record');
    await expect(guidance.getByText(/HTTP 429/)).toHaveText('usually HTTP 429');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // A status the record has, other than the usual: both, each for what it is.
    const other = await openEvent(page, 'Open event 1302 from line 1');
    await expect(other.locator('dt:text-is("HTTP status") + dd')).toHaveText('500');
    await expect(other.getByRole('article', { name: /^Error 1302/ }).getByText(/HTTP 500/)).toHaveText('HTTP 500 (usually 429)');
  });

  test('an error dated by the stamped line above it says where its time came from, which its raw record does not hold', async ({ page }) => {
    await openDashboard(page, 'tz=utc');
    const body = [
      '2026-11-27 10:44:00,123 - app - ERROR - request failed',
      'Traceback (most recent call last):',
      '  File "app.py", line 3, in <module>',
      "openai.RateLimitError: Error code: 429 - {'error': {'code': '1302', 'message': 'Rate limit reached for requests'}}",
    ].join('\n');
    await uploadFiles(page, [{ name: 'app.log', body: `${body}\n` }]);
    await expect(page.getByRole('listitem', { name: 'Source app.log' })).toContainText('done');
    const dialog = await openEvent(page, 'Open event 1302 from line 2');
    await expect(dialog.locator('dt:text-is("Time") + dd')).toHaveText(/^2026-11-27 10:44:00 UTC \(from the line above the record\)$/);
    await expect(dialog.getByRole('region', { name: 'Raw record' })).not.toContainText('10:44:00');
  });

  test('on a phone, the title and Close stay on top of the dialog, opaque, however far it is scrolled', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openLog(page);
    const dialog = await openEvent(page, 'Open event 1308 from line 2');
    const scrolled = await dialog.evaluate((el) => {
      el.scrollTo(0, el.scrollHeight);
      return el.scrollTop;
    });
    // The dialog does scroll on a phone: its raw record is below the fold.
    expect(scrolled).toBeGreaterThan(100);
    const close = dialog.getByRole('button', { name: 'Close' });
    await expect(close).toBeInViewport();
    await expect(dialog.getByRole('heading', { name: 'Error event 1308' })).toBeInViewport();
    expect(await isOnTop(page, 'dialog[open] .event-dialog-header button')).toBe(true);
    // Opaque in both themes: the text scrolled under it does not show through.
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await dialog.locator('.event-dialog-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/^rgb\(\d+, \d+, \d+\)$/);
    }
    await screenshotBothThemes(page, 'event-detail-phone-scrolled', { fullPage: false });
    await close.click();
    await expect(dialog).toBeHidden();
  });
});

test('the Latest error card names the code’s title, and once its reset has passed says so and that the user can retry', async ({ page }) => {
  await installClock(page, { time: FIXED_NOW.getTime() - 60_000 });
  await openLog(page);
  const card = page.getByTestId('latest-error');
  await expect(card).toContainText('1308');
  await expect(card).toContainText('Usage limit reached');
  const advice = card.getByTestId('latest-error-advice');
  await expect(advice).toHaveText('Wait for the reset at 13:30');
  await expect(advice).toHaveAttribute('title', '2026-11-27 13:30:00 UTC');
  const heightBefore = (await card.boundingBox())?.height;

  // 13:32 UTC: the reset passed two minutes ago, on the page's shared clock, with no new data.
  await page.clock.fastForward('01:33:00');
  await expect(advice).toHaveText('Reset passed at 13:30: you can retry');
  await expect(card).not.toContainText('Wait for the reset');
  await expect(page.getByRole('timer', { name: 'Reset of 1308 (5-hour window)' })).toHaveText(/^reset passed \dm ago$/);
  // The card keeps its height: the advice had room for its two lines all along.
  expect((await card.boundingBox())?.height).toBe(heightBefore);
  await card.scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, 'latest-error-reset-passed', { fullPage: false });
});

test('an error dated by the stamped line above it shows that line, re-read from the file (gzip too), apart from its record; one too long for the window is said so', async ({ page }) => {
  await openDashboard(page, 'tz=utc');
  const stamped = '2026-11-27 10:44:00,123 - app - ERROR - request failed';
  const plain = [
    '2026-11-27 10:40:00,000 - app - INFO - starting',
    stamped,
    'Traceback (most recent call last):',
    '  File "app.py", line 3, in <module>',
    "openai.RateLimitError: Error code: 429 - {'error': {'code': '1302', 'message': 'Rate limit reached for requests'}}",
    '2026-11-27 10:50:00,000 - app - INFO - retrying',
    '{"ts":"2026-11-27T10:51:00Z","error":{"code":"1308","message":"Usage limit reached for 5 hour."}}',
  ];
  // The stamp opens a line of 70,000 characters: past the 64 KiB read before the record.
  const long = [`2026-11-27 11:00:00 DEBUG response: ${'x'.repeat(70_000)}`, 'HTTP/1.1 429 Too Many Requests', 'Content-Type: application/json', '', '{"error":{"code":"1305","message":"The service may be temporarily overloaded"}}'];
  await uploadFiles(page, [
    { name: 'app.log', body: `${plain.join('\r\n')}\r\n` },
    { name: 'app.log.gz', body: gzipSync(Buffer.from(`${plain.slice(1, 5).join('\n')}\n`)) },
    { name: 'long.log', body: `${long.join('\r\n')}\r\n` },
  ]);
  for (const name of ['app.log', 'app.log.gz', 'long.log']) await expect(page.getByRole('listitem', { name: `Source ${name}`, exact: true })).toContainText('done');

  // CRLF line ends: the line above is the stamped line alone, under a label that says what it is, above the record.
  const dialog = await openEvent(page, 'Open event 1302 from line 3');
  const above = dialog.getByRole('region', { name: 'Dated by the line above (line 2), which is not part of the record:' });
  await expect(above).toHaveText(stamped);
  await expect(above).toHaveCSS('font-family', await dialog.getByRole('region', { name: 'Raw record' }).evaluate((el) => getComputedStyle(el).fontFamily));
  await expect(dialog.getByRole('region', { name: 'Raw record' })).not.toContainText('10:44:00');
  expect((await above.boundingBox())?.y).toBeLessThan((await dialog.getByRole('region', { name: 'Raw record' }).boundingBox())?.y ?? 0);
  await screenshotBothThemes(page, 'event-detail-line-above', { fullPage: false });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // An event with a time of its own shows no such line.
  const dated = await openEvent(page, 'Open event 1308 from line 7');
  await expect(dated.getByText(/Dated by the line above/)).toHaveCount(0);
  await dated.getByRole('button', { name: 'Close' }).click();

  // The same lines in a gzip file: re-read from the decompressed text, as the record is.
  const gz = await openEvent(page, 'Open event 1302 from line 2');
  await expect(gz.getByRole('region', { name: 'Dated by the line above (line 1), which is not part of the record:' })).toHaveText(stamped);
  await gz.getByRole('button', { name: 'Close' }).click();

  const cut = await openEvent(page, 'Open event 1305 from line 2');
  await expect(cut.getByRole('note')).toHaveText('Dated by the line above (line 1), which is longer than 64 KiB: it is not shown.');
});
