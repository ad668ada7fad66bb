import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDashboard, uploadFiles, watchForHostileEffects } from './helpers';

// RELIABILITY section 3 D, the rows about how log text looks once it is on the page: secondary sinks (D2), line
// breaks (D11), scripts and graphemes (D12), size (D13) and console format strings (D14).

const FAMILY = '👩‍👩‍👧‍👦';
const ROW_HEIGHT = 34;

/** One NDJSON error record a minute from 10:00 UTC; each item is a message, or a message with its own code. */
function ndjson(records: readonly (string | { readonly code: string; readonly message: string })[]): string {
  return records
    .map((record, minute) => {
      const { code, message } = typeof record === 'string' ? { code: '1302', message: record } : record;
      return JSON.stringify({ ts: `2026-11-27T10:${String(minute).padStart(2, '0')}:00Z`, status: 429, error: { code, message } });
    })
    .join('\n')
    .concat('\n');
}

/** The events list then reads oldest first: its rows in the file's order, as each test lists its cases. */
async function openWithLog(page: Page, body: string, name = 'display.log'): Promise<void> {
  await openDashboard(page, 'order=oldest');
  await uploadFiles(page, [{ name, body }]);
  await expect(page.getByRole('listitem', { name: `Source ${name}` })).toContainText('done');
}

const eventsTable = (page: Page) => page.getByRole('table', { name: 'Error events' });
const eventRows = (page: Page) => eventsTable(page).locator('.events-scroll [role="row"]');
const messageCell = (row: Locator) => row.locator('.cell-message bdi');

async function openEvent(page: Page, nth = 0): Promise<Locator> {
  await page.getByRole('button', { name: /^Open event/ }).nth(nth).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('region', { name: 'Raw record' })).toBeVisible();
  return dialog;
}

/** A row keeps its one line: its message cell, however long the message, is no taller than the row. */
async function rowAndMessageHeights(row: Locator) {
  // Measured in one go: the page above may still move the table between two separate measures.
  return row.evaluate((el) => {
    const rowBox = el.getBoundingClientRect();
    const cellBox = el.querySelector('.cell-message')?.getBoundingClientRect();
    return { row: rowBox.height, messageFits: !!cellBox && cellBox.top >= rowBox.top && cellBox.bottom <= rowBox.bottom };
  });
}

/** What would make the user scroll sideways: the page, the dialog, or the record's own box. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const overflow = (el: Element | null) => (el ? el.scrollWidth - el.clientWidth : Number.NaN);
    const dialog = document.querySelector('dialog[open]');
    const box = dialog?.getBoundingClientRect();
    return {
      page: overflow(document.documentElement),
      dialog: overflow(dialog),
      record: overflow(document.querySelector('.raw-record')),
      dialogOutsideViewport: box ? box.left < 0 || box.top < 0 || box.right > window.innerWidth || box.bottom > window.innerHeight : true,
    };
  });
}

const NO_OVERFLOW = { page: 0, dialog: 0, record: 0, dialogOutsideViewport: false };

test.describe('hostile display (RELIABILITY 3 D)', () => {
  test('D2: markup in a code field is no code in the tooltip, legends and code breakdown; markup shown anywhere is text, in titles and labels too', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    const codes = ['<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>'];
    const longMessage = `"><img src=x onerror=alert(2)> ${'y'.repeat(200)}`;
    const at = '2026-11-27T10:00:00Z';
    const body = [...codes.map((code) => ({ code, message: 'hostile code' })), { code: '1302', message: longMessage }]
      .map((error) => JSON.stringify({ ts: at, status: 429, error }))
      .join('\n');
    const fileName = 'evil"><svg onload=alert(3)>.log';
    await openWithLog(page, `${body}\n`, fileName);

    // A code is digits (core/classify/code-value.ts): markup in the code field is no code, and is counted as "none".
    const chart = page.getByRole('figure', { name: 'Errors by category over time' });
    const bar = chart.locator('path.recharts-rectangle').first();
    // The file's bars, not a zero-sized one of a render in between or the demo's hidden while they are replaced.
    await expect(bar).toBeVisible();
    await bar.scrollIntoViewIfNeeded();
    const box = await bar.boundingBox();
    if (!box) throw new Error('no bar drawn');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tooltip = chart.locator('.chart-tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip.locator('.tooltip-code')).toHaveText(['none × 2', '1302 × 1']);
    expect(await tooltip.evaluate((el) => [...el.querySelectorAll('*')].map((child) => child.tagName.toLowerCase()).filter((tag) => !['div', 'span', 'strong', 'bdi'].includes(tag)))).toEqual([]);
    for (const figure of [chart, page.getByRole('figure', { name: 'Rate-limit and quota hits' })]) {
      for (const item of await figure.locator('.chart-legend li').allTextContents()) expect(item).not.toMatch(/[<>"]/);
    }
    const breakdown = page.getByRole('table', { name: 'Codes' });
    await expect(breakdown.getByRole('button', { name: 'Filter to code none' })).toHaveText('none');

    // Where the text is shown, it is the text: the record's raw code, a cut message's title, a file name's labels.
    for (const [i, code] of codes.entries()) {
      const dialog = await openEvent(page, i);
      await expect(dialog.locator('.fields-row').filter({ hasText: 'rawCode' }).locator('dd')).toHaveText(code);
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    const cut = messageCell(eventRows(page).filter({ hasText: '1302' }));
    await expect(cut).toHaveText(`${longMessage.slice(0, 160)}…`);
    await expect(cut).toHaveAttribute('title', longMessage);
    // A message short enough to keep whole may still be cut by its column's width: its title holds it too.
    await expect(messageCell(eventRows(page).filter({ hasText: 'hostile code' }).first())).toHaveAttribute('title', 'hostile code');
    await expect(page.getByRole('listitem', { name: `Source ${fileName}` })).toBeVisible();
    await expect(page.getByRole('button', { name: `Remove ${fileName}` })).toHaveAttribute('aria-label', `Remove ${fileName}`);

    await expect(page.locator('img[src="x"], svg[onload], [onerror], [onload]')).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('D11: line breaks inside a message make one row, shown as ⏎ and ␍, and cannot forge a second event', async ({ page }) => {
    const forged = '2026-11-27T10:05:00Z ERROR {"error":{"code":"1308","message":"Usage limit reached for 5 hour."}}';
    const message = `first line\nsecond line\r\nthird\rfourth\n${forged}`;
    const body = ndjson([message]);
    await openWithLog(page, body, 'line-breaks.log');
    await expect(eventRows(page)).toHaveCount(1);
    const row = eventRows(page).first();
    expect(await rowAndMessageHeights(row)).toEqual({ row: ROW_HEIGHT, messageFits: true });
    const shown = `first line⏎second line␍⏎third␍fourth⏎${forged}`;
    await expect(messageCell(row)).toHaveText(shown);
    await expect(page.getByRole('table', { name: 'Codes' }).getByRole('button', { name: 'Filter to code 1308' })).toHaveCount(0);

    // The detail: the message with the same markers; the raw record as the file holds it, its breaks JSON escapes.
    const dialog = await openEvent(page);
    await expect(dialog.locator('.event-message')).toHaveText(shown);
    expectSameText(await dialog.getByRole('region', { name: 'Raw record' }).textContent(), body);
    expect(body).toContain('first line\\nsecond line\\r\\nthird\\rfourth');
  });

  test('D12: emoji sequences, combining marks, CJK, Arabic and Hebrew show intact, and long text is cut between graphemes', async ({ page }) => {
    const intact = [
      `Quota for team ${FAMILY} reached`,
      'Z̴̡̪a̷̢l̶̡g̵̨o̸ 429 ț̸e̵x̶t̷',
      '该模型当前访问量过大，请稍后再试',
      'تم تجاوز حد الاستخدام، حاول لاحقاً',
      'חריגה ממכסת השימוש, נסו שוב מאוחר יותר',
    ];
    const mixed = `${'x'.repeat(150)}${FAMILY.repeat(20)}`;
    const families = FAMILY.repeat(40);
    const huge = FAMILY.repeat(3000);
    await openWithLog(page, ndjson([...intact, mixed, families, huge]), 'scripts.log');
    await expect(eventRows(page)).toHaveCount(8);
    const cells = eventRows(page).locator('.cell-message');
    // The table cuts at 160 graphemes; the store keeps 300 UTF-16 units, cut between graphemes and marked '…'.
    const expected = [...intact, `${'x'.repeat(150)}${FAMILY.repeat(10)}…`, `${FAMILY.repeat(27)}…`, `${FAMILY.repeat(27)}…`];
    for (const [i, text] of expected.entries()) {
      expect(await cells.nth(i).evaluate((cell) => (cell as HTMLElement).innerText), `row ${i + 1}`).toBe(text);
    }

    // A record read only in part (64 KiB of 75 KB) ends on a whole family, then '…'.
    const dialog = await openEvent(page, 7);
    await expect(dialog.getByRole('status').first()).toHaveText('Showing the first 64 KiB of this 73 KiB record.');
    const record = (await dialog.getByRole('region', { name: 'Raw record' }).textContent()) ?? '';
    expect(record.endsWith(`${FAMILY}…`)).toBe(true);
    expect(record.slice(0, -1)).toMatch(new RegExp(`^\\{[^]*"message":"(${FAMILY})+$`, 'u'));
  });

  test('D14: printf-style log text never becomes a console format string', async ({ page }) => {
    const firstArguments: Promise<unknown>[] = [];
    page.on('console', (message) => firstArguments.push(message.args()[0]?.jsonValue().catch(() => null) ?? Promise.resolve(null)));
    const payload = '%s %o %c%d d14-format-probe';
    await openWithLog(page, ndjson([payload, { code: '%c', message: `${payload} again` }]), '%s%c.log');
    await page.getByRole('searchbox', { name: 'Search text' }).fill(payload);
    await expect(eventRows(page)).toHaveCount(2);
    const dialog = await openEvent(page);
    await dialog.getByRole('button', { name: 'Copy record' }).click();
    await expect(dialog.getByRole('status').nth(1)).not.toBeEmpty();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('textbox', { name: 'Paste log text' }).fill(`{"error":{"code":"1302","message":"${payload}"}}`);
    await expect(page.getByTestId('paste-result')).toContainText('d14-format-probe');
    const formats = (await Promise.all(firstArguments)).filter((first): first is string => typeof first === 'string');
    expect(formats.filter((format) => format.includes('d14-format-probe') || format.includes('%s%c.log'))).toEqual([]);
  });

  test('D13: a 1 MB message of one token is one normal row; its detail wraps it, shows its start, and "Show full record" shows it whole', async ({ page }) => {
    // No break opportunity anywhere: no space, no hyphen, no punctuation.
    const token = 'Ab3x'.repeat(250_000);
    const body = ndjson([token]);
    await openWithLog(page, body, 'one-megabyte.log');
    await expect(eventRows(page)).toHaveCount(1);
    expect(await rowAndMessageHeights(eventRows(page).first())).toEqual({ row: ROW_HEIGHT, messageFits: true });
    await expect(messageCell(eventRows(page).first())).toHaveText(/^(Ab3x)+A?b?3?…$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    const dialog = await openEvent(page);
    const record = dialog.getByRole('region', { name: 'Raw record' });
    // The record as the file holds it, its line break included.
    await expect(dialog.getByRole('status').first()).toHaveText(`Showing the first 20,000 characters of this ${kib(body)} KiB record.`);
    expectSameText(await record.textContent(), `${body.slice(0, 20_000)}…`);
    expect(await sidewaysOverflow(page)).toEqual(NO_OVERFLOW);
    await screenshots(page, 'd13-record-start');

    await dialog.getByRole('button', { name: 'Show full record' }).click();
    await expect(dialog.getByRole('status').first()).toHaveText(`Showing the whole record (${kib(body)} KiB).`);
    expectSameText(await record.textContent(), body);
    expect(await sidewaysOverflow(page)).toEqual(NO_OVERFLOW);
    // The record scrolls in its own box: the dialog stays the height it had.
    expect((await record.boundingBox())?.height).toBeLessThanOrEqual(320);
    await screenshots(page, 'd13-record-full');
    const axe = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    // The charts behind the dialog take their new width a frame or two after the window's (ResizeObserver).
    await expect.poll(() => sidewaysOverflow(page)).toEqual(NO_OVERFLOW);
    await screenshots(page, 'd13-record-full-phone');
    await page.setViewportSize({ width: 1280, height: 720 });

    await dialog.getByRole('button', { name: 'Show less' }).click();
    await expect(dialog.getByRole('status').first()).toHaveText(/^Showing the first 20,000 characters/);
    await expect(dialog.getByRole('button', { name: 'Show full record' })).toBeFocused();
  });

  test('D13: a record over the 1 MiB cap says how much it shows, and "Copy record" copies that part or says it could not', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const body = ndjson(['x'.repeat(1_500_000)]);
    await openWithLog(page, body, 'over-the-cap.log');
    const dialog = await openEvent(page);
    await dialog.getByRole('button', { name: 'Show full record' }).click();
    // The cut drops the last character read, which might have been a part of one.
    const shown = body.slice(0, 1024 * 1024 - 1);
    await expect(dialog.getByRole('status').first()).toHaveText(
      `Showing the first 1.0 MiB of this ${(body.length / 1024 / 1024).toFixed(1)} MiB record: the detail shows at most 1.0 MiB of one record.`,
    );
    expectSameText(await dialog.getByRole('region', { name: 'Raw record' }).textContent(), `${shown}…`);
    expect(await sidewaysOverflow(page)).toEqual(NO_OVERFLOW);

    await dialog.getByRole('button', { name: 'Copy record' }).click();
    await expect(dialog.getByRole('status').nth(1)).toHaveText('Copied the first 1.0 MiB of the record (the cap).');
    expectSameText(await page.evaluate(() => navigator.clipboard.readText()), shown);

    // A browser that refuses the clipboard: said, not dropped.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await dialog.getByRole('button', { name: 'Copy record' }).click();
    await expect(dialog.getByRole('status').nth(1)).toHaveText(/^Copy failed: the browser did not allow the clipboard/);
  });
});

/** Megabytes of text compared without printing them: the length, and where they first differ. */
function expectSameText(actual: string | null, expected: string): void {
  const text = actual ?? '';
  let at = 0;
  while (at < Math.min(text.length, expected.length) && text.charCodeAt(at) === expected.charCodeAt(at)) at += 1;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, at - 20), at + 20));
  expect({ length: text.length, firstDifference: at === text.length && at === expected.length ? null : `at ${at}: ${around(text)}` }).toEqual({
    length: expected.length,
    firstDifference: null,
  });
}

const kib = (text: string) => (new TextEncoder().encode(text).byteLength / 1024).toFixed(0);

/** Into bench-out/ (not kept in git): light and dark, the viewport only, as the dialog is fixed to it. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `bench-out/screens/${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
