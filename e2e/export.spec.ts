import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openDashboard, uploadFiles } from './helpers';

const LOG = [
  '2026-11-27T10:00:00Z ERROR {"error":{"code":"1302","message":"=HYPERLINK(\\"http://evil.example\\",\\"click\\")"}}',
  '2026-11-27T10:01:00Z ERROR {"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 21:30:00"}}',
  '2026-11-27T10:02:00Z ERROR {"error":{"code":"1211","message":"Unknown Model, please check the model code."}}',
  '2026-11-27T10:03:00Z INFO all good',
].join('\n');

async function download(page: Page, button: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), body: readFileSync(path) };
}

test.describe('export', () => {
  test.beforeEach(async ({ page }) => {
    await openDashboard(page);
    await uploadFiles(page, [{ name: 'export.log', body: LOG }]);
    await expect(page.getByRole('listitem', { name: 'Source export.log' })).toContainText('done');
  });

  test('events export as CSV holds exactly the filtered events, formulas neutralised', async ({ page }) => {
    await page.getByRole('checkbox', { name: 'API policy block' }).check();
    await expect(page.getByTestId('total-errors')).toHaveText('2');
    const { name, body } = await download(page, 'Export CSV');
    expect(name).toMatch(/^quotalens-events-.*\.csv$/);
    const lines = body.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,code,category,verdict,http,message,requestId,resetAt,window,attempts,source,line');
    expect(lines).toHaveLength(3);
    // Newest first, as the list reads.
    expect(lines[2]).toContain(`,1302,api-policy-block,slow-down,`);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(lines[1]).toContain(',1308,api-policy-block,wait-for-reset,');
    expect(lines[1]).toContain(',2026-11-27T13:30:00.000Z,5-hour,');
  });

  test('events export as JSON, and charts as SVG and PNG', async ({ page }) => {
    const json = await download(page, 'Export JSON');
    const rows = JSON.parse(json.body.toString('utf8')) as { code: string; source: string }[];
    expect(rows.map((r) => r.code)).toEqual(['1211', '1308', '1302']);
    expect(rows.every((r) => r.source === 'export.log')).toBe(true);
    // In the list's order: oldest first when the list reads so.
    await page.getByRole('combobox', { name: 'Order' }).selectOption('oldest');
    const oldestFirst = JSON.parse((await download(page, 'Export JSON')).body.toString('utf8')) as { code: string }[];
    expect(oldestFirst.map((r) => r.code)).toEqual(['1302', '1308', '1211']);

    const svg = await download(page, 'Export Errors by category over time as SVG');
    expect(svg.name).toBe('errors-by-category-over-time.svg');
    const text = svg.body.toString('utf8');
    expect(text).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).toContain('Errors by category over time');
    expect(text).not.toContain('var(--');

    const png = await download(page, 'Export Rate-limit and quota hits as PNG');
    expect(png.name).toBe('rate-limit-and-quota-hits.png');
    expect(png.body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.body.length).toBeGreaterThan(2000);
  });
});
