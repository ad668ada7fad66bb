import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openDashboard, uploadFiles, watchForHostileEffects } from './helpers';

// RELIABILITY section 3 D: payloads placed where log text reaches the page (messages, codes, request ids, file names).
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '"><img src=x onerror=alert(2)>',
  '&lt;script&gt;',
  'javascript:alert(1)',
  'https://z.ai.evil.example/subscribe',
  "{{constructor.constructor('alert(1)')()}}",
  '${alert(1)}',
  '[click](javascript:alert(1))',
  '=HYPERLINK("http://evil","x")',
  '%s %o %c',
  'undefined',
  'null',
  'NaN',
  '[object Object]',
] as const;

const hostileLog = PAYLOADS.map((payload, i) =>
  JSON.stringify({ ts: `2026-11-27T10:${String(i).padStart(2, '0')}:00Z`, status: 429, error: { code: '1302', message: payload }, request_id: payload }),
)
  .concat([
    `2026-11-27T11:00:00Z ERROR {"error":{"code":"<script>alert(3)</script>","message":"\u202Egnp.exe"}}`,
    `2026-11-27T11:01:00Z ERROR {"error":{"code":"1309","message":"renew at javascript:alert(4) or https://z.аi/subscribe \u001b[31mred\u001b[0m"}}`,
    // D1: a model name and a header value of a raw response.
    JSON.stringify({ ts: '2026-11-27T11:02:00Z', model: '<script>alert(5)</script>', error: { code: '1211', message: 'Model <script>alert(5)</script> not found' } }),
    'HTTP/1.1 429 Too Many Requests',
    'X-Debug: <img src=x onerror=alert(6)>',
    '',
    '{"error":{"code":"1302","message":"captured response"}}',
  ])
  .join('\n');

const ALLOWED_HOSTS = new Set(['z.ai', 'docs.z.ai', 'bigmodel.cn', 'docs.bigmodel.cn', 'open.bigmodel.cn']);

test.describe('hostile input', () => {
  test('hostile log text and file names run nothing, show as literal text, and leave the page usable', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    await openDashboard(page);
    const fileName = 'evil<img src=x onerror=alert(1)>.log';
    await uploadFiles(page, [{ name: fileName, body: hostileLog }, { name: 'report\u202Etxt.log', body: 'plain line\n' }]);
    await expect(page.getByRole('listitem', { name: `Source ${fileName}` })).toContainText('done');
    await expect(page.getByText('report⟨U+202E⟩txt.log').first()).toBeVisible();
    // A25/D8: a file name is shown inside a bidi isolate, so its controls cannot reorder the text around it.
    await expect(page.locator('bdi', { hasText: 'report⟨U+202E⟩txt.log' }).first()).toBeVisible();
    await expect(page.locator('bdi', { hasText: fileName }).first()).toBeVisible();

    await page.getByRole('searchbox', { name: 'Search text' }).fill('<script>alert(1)</script>');
    await expect(page.getByTestId('total-errors')).toHaveText('1');
    await expect(page.getByRole('table', { name: 'Error events' }).getByText('<script>alert(1)</script>')).toBeVisible();
    await page.getByRole('button', { name: /^Open event/ }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('<script>alert(1)</script>');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Each payload, as message and request id, is found by its own text and shown as that text (D3, D6, D7, D16).
    const table = page.getByRole('table', { name: 'Error events' });
    for (const payload of PAYLOADS) {
      await page.getByRole('searchbox', { name: 'Search text' }).fill(payload);
      await expect(table.getByText(payload, { exact: true }).first()).toBeVisible();
    }

    // D1: the model name and a response header, in the record the detail re-reads.
    for (const [search, literal] of [
      ['Model <script>alert(5)</script> not found', '"model":"<script>alert(5)</script>"'],
      ['captured response', 'X-Debug: <img src=x onerror=alert(6)>'],
    ] as const) {
      await page.getByRole('searchbox', { name: 'Search text' }).fill(search);
      await expect(table.getByText(search, { exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: /^Open event/ })).toHaveCount(1);
      await page.getByRole('button', { name: /^Open event/ }).click();
      await expect(page.getByRole('dialog').getByRole('region', { name: 'Raw record' })).toContainText(literal);
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    }

    await page.getByRole('searchbox', { name: 'Search text' }).fill('');
    await page.getByRole('textbox', { name: 'Paste log text' }).fill(hostileLog);
    await expect(page.getByTestId('paste-result')).toContainText('<img src=x onerror=alert(1)>');
    await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);

    for (const link of await page.locator('a[href^="http"]').all()) {
      const href = (await link.getAttribute('href')) ?? '';
      expect(new URL(href).protocol).toBe('https:');
      expect(ALLOWED_HOSTS.has(new URL(href).hostname), href).toBe(true);
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    await expect(page.locator('a[href^="javascript:"], a[href*="evil"], a[href*="z.аi"]')).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'API policy block' }).check();
    await expect(page.getByRole('figure', { name: 'Errors by category over time' })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('hostile URL parameters render as text in the notice and the filters', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    const q = encodeURIComponent('"><svg onload=alert(1)>');
    await openDashboard(page, `q=${q}&code=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&src=%3Cscript%3E&tz=%22%3E%3Cb%3E`);
    await expect(page.getByRole('status', { name: 'Link parameters ignored' })).toContainText('<b>');
    await expect(page.getByRole('searchbox', { name: 'Search text' })).toHaveValue('"><svg onload=alert(1)>');
    await expect(page.locator('svg[onload], img[src="x"], b:text("")')).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('the built page carries a strict Content Security Policy', () => {
    const html = readFileSync(join(import.meta.dirname, '..', 'dist', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
