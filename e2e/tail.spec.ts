import { appendFileSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startTailServer, TAIL_PATH, type TailServer } from '../app/server/tail-server';
import { watchForHostileEffects } from './helpers';

const ERROR_LINE = (n: number) => `{"error":{"code":"1302","message":"Rate limit reached for requests"},"request_id":"req-${n}"}\n`;

let dir = '';
let server: TailServer | null = null;

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quotalens-e2e-tail-'));
  writeFileSync(join(dir, 'app.log'), 'written before the server started: not streamed\n');
  server = await startTailServer({ paths: [dir], fromStart: false, host: '127.0.0.1', port: 0, staticDir: 'dist', pollMs: 50 });
});

test.afterEach(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const lines = (page: Page) => page.getByRole('group', { name: 'All sources' }).getByTestId('ledger-lines');
const catalogued = (page: Page) => page.getByRole('group', { name: 'All sources' }).getByTestId('ledger-catalogued');

test('the page served by the tail server connects by itself and counts each appended line once', async ({ page }) => {
  const { problems } = await watchForHostileEffects(page);
  const base = server?.url ?? '';
  await page.goto(`${base}/?stream=${encodeURIComponent(`${base}${TAIL_PATH}`)}`);
  await expect(page.getByTestId('stream-status')).toHaveText('live');
  await expect(page.getByRole('group', { name: 'Stream from the link' })).toHaveCount(0);
  const file = join(dir, 'app.log');
  appendFileSync(file, ERROR_LINE(1) + 'INFO ok\n');
  await expect(lines(page)).toHaveText('2');

  truncateSync(file, 0);
  await page.waitForTimeout(200);
  appendFileSync(file, ERROR_LINE(2));
  await expect(lines(page)).toHaveText('3');

  appendFileSync(file, ERROR_LINE(3));
  renameSync(file, `${file}.1`);
  writeFileSync(file, ERROR_LINE(4));
  writeFileSync(join(dir, 'new.jsonl'), ERROR_LINE(5));
  await expect(lines(page)).toHaveText('6');
  await expect(catalogued(page)).toHaveText('5');
  await page.waitForTimeout(500);
  await expect(lines(page)).toHaveText('6');
  expect(problems).toEqual([]);
});
