import { expect, test, type Page } from '@playwright/test';
import { openDashboard, uploadFiles, watchForHostileEffects } from './helpers';

// Examples of rejected lines: each source lists its own, the total names the source of each and shares its 20
// places per reason among the sources, and a file refused whole reads as a whole file, not as a line 0.

const record = (minute: number) =>
  JSON.stringify({ ts: `2026-11-27T10:${String(minute).padStart(2, '0')}:00Z`, status: 429, error: { code: '1302', message: 'rate limit' } });

/** 40 good records and 30 malformed lines, the malformed ones at even lines 2…60. */
const A_LOG = Array.from({ length: 40 }, (_, i) => (i < 30 ? [record(i), `{"broken a ${i}`] : [record(i)]))
  .flat()
  .join('\n')
  .concat('\n');
/** 5 malformed lines (2, 3, 5, 7, 8) and one line holding a NUL (6). */
const B_LOG = [record(1), '{"broken b 1', '{"broken b 2', 'plain text line', '{"broken b 3', 'x\u0000y NUL line', '{"broken b 4', '{"broken b 5', record(2)]
  .join('\n')
  .concat('\n');
/** A PNG signature and some bytes: refused whole as binary data. Its name is hostile, and must show as text. */
const PNG_NAME = 'shot<img src=x onerror=alert(1)>\u202Egnp.png';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(518, 7)]);

async function loadThree(page: Page): Promise<void> {
  await openDashboard(page);
  await uploadFiles(page, [
    { name: 'a.log', body: A_LOG },
    { name: 'b.log', body: B_LOG },
    { name: PNG_NAME, body: PNG },
  ]);
  for (const name of ['a.log', 'b.log', PNG_NAME]) await expect(page.getByRole('listitem', { name: `Source ${name}` })).toContainText('done');
}

const accounting = (page: Page) => page.getByRole('region', { name: 'Line accounting' });

test.describe('examples of rejected lines', () => {
  test('the total names the source of each example, and no source is crowded out', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    await loadThree(page);
    const total = accounting(page).getByRole('group', { name: 'All sources' });
    await expect(total.getByTestId('ledger-rejected-malformed_json')).toHaveText('35');
    const examples = total.getByTestId('reject-examples');
    await expect(examples).not.toHaveAttribute('open');
    await examples.locator('summary').click();

    // malformed_json: 20 places shared, a.log 15 of its 30, b.log all 5 (lines 2, 3, 5, 7, 8).
    const aMalformed = examples.getByRole('group', { name: 'malformed json in a.log' });
    const bMalformed = examples.getByRole('group', { name: 'malformed json in b.log' });
    await expect(aMalformed.locator('.reject-source-name')).toHaveText('a.log');
    await expect(aMalformed).toContainText('a.log · 30 lines, first 15 shown');
    await expect(aMalformed.getByRole('listitem')).toHaveCount(15);
    await expect(bMalformed.locator('.reject-source-name')).toHaveText('b.log');
    await expect(bMalformed).toContainText('b.log · 5 lines');
    await expect(bMalformed.getByRole('listitem')).toHaveText([2, 3, 5, 7, 8].map((line) => new RegExp(`^line ${line} \\(\\d+ B\\): \\{"broken b`)));

    // binary_data: b.log's NUL line, and the PNG refused whole, under its name rendered as text.
    const bBinary = examples.getByRole('group', { name: 'binary data in b.log' });
    await expect(bBinary.getByRole('listitem')).toHaveText(['line 6 (12 B): x␀y NUL line']);
    const pngBinary = examples.getByRole('group', { name: `binary data in ${PNG_NAME}` });
    // The name as text in an isolate, its right-to-left override shown, not obeyed.
    await expect(pngBinary.locator('.reject-source-name bdi')).toHaveText('shot<img src=x onerror=alert(1)>⟨U+202E⟩gnp.png');
    await expect(pngBinary.getByTestId('reject-example-file')).toHaveText(`whole file (${PNG.length} B): binary data (PNG image): not read as text`);
    await expect(examples).not.toContainText('line 0');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('each source lists its own examples, collapsed until opened', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    await loadThree(page);
    await page.getByText('Per source').click();
    const own = (name: string) => accounting(page).getByRole('group', { name: `Source ${name}` }).getByTestId('reject-examples');

    const a = own('a.log');
    await expect(a).not.toHaveAttribute('open');
    await a.locator('summary').click();
    // The source's ledger keeps 20 of its 30: all 20 are here, the first at line 2.
    await expect(a.getByRole('listitem')).toHaveCount(20);
    await expect(a.getByRole('listitem').first()).toHaveText(/^line 2 \(\d+ B\): \{"broken a 0$/);
    await expect(a).toContainText('first 20 of 30 rejected lines shown');

    const b = own('b.log');
    await b.locator('summary').click();
    await expect(b.getByRole('listitem')).toHaveText([
      /^line 2 \(/, /^line 3 \(/, /^line 5 \(/, /^line 7 \(/, /^line 8 \(/,
      'line 6 (12 B): x␀y NUL line',
    ]);

    const png = own(PNG_NAME);
    await png.locator('summary').click();
    await expect(png.getByRole('listitem')).toHaveText([`whole file (${PNG.length} B): binary data (PNG image): not read as text`]);
    await expect(png).not.toContainText('line 0');
    expect(problems).toEqual([]);
  });
});
