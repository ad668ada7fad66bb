import { expect, test, type Page } from '@playwright/test';
import { openDashboard, screenshotBothThemes, watchForHostileEffects } from './helpers';

const SERVER = 'http://127.0.0.1:4180';

interface LoggedRequest {
  readonly path: string;
  readonly headers: Record<string, string | undefined>;
}

async function serverLog(page: Page, path: string): Promise<LoggedRequest[]> {
  const response = await page.request.get(`${SERVER}/__log`);
  return ((await response.json()) as LoggedRequest[]).filter((r) => r.path === path);
}

/** Types the URL into the Live panel and clicks Connect (the kind is guessed from the URL). */
async function connectStream(page: Page, url: string): Promise<void> {
  const live = page.getByRole('region', { name: 'Live stream' });
  await live.getByLabel('Stream URL').fill(url);
  await live.getByRole('button', { name: 'Connect' }).click();
}

const status = (page: Page) => page.getByTestId('stream-status');
const streamSource = (page: Page) => page.getByRole('listitem', { name: /^Source (SSE|NDJSON|WebSocket|Demo)/ });

/** The ledger of the single loaded source (the demo data set is removed when a stream connects). */
const ledger = (page: Page, key: string) => page.getByRole('group', { name: 'All sources' }).getByTestId(`ledger-${key}`);
const count = async (page: Page, key: string): Promise<number> => {
  const cell = ledger(page, key);
  return (await cell.count()) === 0 ? 0 : Number((await cell.textContent())?.replaceAll(',', ''));
};

test.beforeEach(async ({ page }) => {
  await page.request.delete(`${SERVER}/__log`);
  await watchForHostileEffects(page);
});

test('an SSE stream goes live and its events are counted in its own ledger', async ({ page }) => {
  await openDashboard(page);
  await connectStream(page, `${SERVER}/sse/ok?n=8`);
  await expect(status(page)).toHaveText('live');
  await expect(streamSource(page)).toHaveCount(1);
  await expect(ledger(page, 'lines')).toHaveText('8');
  await expect(ledger(page, 'catalogued')).toHaveText('6');
  await expect(page).toHaveURL(/stream=http%3A%2F%2F127\.0\.0\.1%3A4180%2Fsse%2Fok%3Fn%3D8/);
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page).not.toHaveURL(/stream=/);
  await expect(streamSource(page)).toContainText('done');
});

for (const [path, reason] of [
  ['/sse/401', 'not authorised (401)'],
  ['/sse/204', 'the server asked to stop streaming (204 No Content)'],
  ['/sse/wrong-type', 'wrong content type text/html (expected text/event-stream)'],
] as const) {
  test(`${path} fails for good with the reason shown and no retry`, async ({ page }) => {
    await page.clock.install();
    await openDashboard(page);
    await connectStream(page, `${SERVER}${path}`);
    await expect(status(page)).toContainText(`failed: ${reason}`);
    await page.clock.fastForward(120_000);
    await expect(status(page)).toContainText('failed');
    expect(await serverLog(page, path)).toHaveLength(1);
  });
}

test('a connection cut mid-event counts a truncated record and resumes with Last-Event-ID', async ({ page }) => {
  await page.clock.install();
  await openDashboard(page);
  await connectStream(page, `${SERVER}/sse/cut-mid-event`);
  await expect.poll(() => count(page, 'rejected-truncated_record')).toBeGreaterThanOrEqual(1);
  await page.clock.fastForward(31_000); // past any backoff delay (full jitter, at most 30 s)
  await expect.poll(async () => (await serverLog(page, '/sse/cut-mid-event')).length).toBeGreaterThanOrEqual(2);
  const [first, second] = await serverLog(page, '/sse/cut-mid-event');
  expect(first?.headers['last-event-id']).toBeUndefined();
  expect(second?.headers['last-event-id']).toBe('2');
  await expect(page.getByTestId('stream-reconnects')).toContainText('reconnect');
  // Every line is accounted for: ids 1-2 once, their replays as duplicates, one cut frame per connection.
  await expect.poll(() => count(page, 'catalogued')).toBe(2);
  await expect.poll(async () => (await count(page, 'lines')) - (await count(page, 'nonError')) - (await count(page, 'catalogued')) - (await count(page, 'rejected'))).toBe(0);
});

test('a server that replays ids: duplicates are suppressed and counted', async ({ page }) => {
  await page.clock.install();
  await openDashboard(page);
  await connectStream(page, `${SERVER}/sse/replay?n=3`);
  await expect.poll(() => count(page, 'catalogued')).toBe(3);
  await page.clock.fastForward(31_000);
  await expect.poll(() => count(page, 'rejected-duplicate_event')).toBeGreaterThanOrEqual(3);
  await expect.poll(() => count(page, 'catalogued')).toBe(3);
  expect((await serverLog(page, '/sse/replay'))[1]?.headers['last-event-id']).toBe('3');
});

test('garbage in an SSE stream is rejected per message and the stream goes on', async ({ page }) => {
  await openDashboard(page);
  await connectStream(page, `${SERVER}/sse/garbage`);
  await expect.poll(() => count(page, 'rejected-binary_data')).toBeGreaterThanOrEqual(1);
  // The event after the garbage (id 2) arrived: 1302 and 1305 from ids 1 and 2, and the cut-off 1302 body.
  await expect.poll(() => count(page, 'catalogued')).toBeGreaterThanOrEqual(2);
  await expect(status(page)).not.toContainText('failed');
});

test('NDJSON cut at odd places gives the same ledger as the same lines from a file', async ({ page }) => {
  await openDashboard(page);
  await connectStream(page, `${SERVER}/ndjson/split`);
  await expect.poll(() => count(page, 'lines')).toBeGreaterThanOrEqual(3);
  // The response ends and is read again after the backoff: each read is the file's ledger, 3 catalogued lines.
  // One read of the three cells, so a reconnect's batch cannot land between them.
  const [lines, catalogued, rejected] = await page.evaluate(() =>
    ['lines', 'catalogued', 'rejected'].map((key) =>
      Number(document.querySelector(`[aria-label="All sources"] [data-testid="ledger-${key}"]`)?.textContent?.replaceAll(',', '')),
    ),
  );
  expect((lines ?? 0) % 3).toBe(0);
  expect(catalogued).toBe(lines);
  expect(rejected).toBe(0);
});

test('WebSocket messages are classified', async ({ page }) => {
  await openDashboard(page);
  await connectStream(page, 'ws://127.0.0.1:4180/ws?n=3&close=4401');
  await expect(status(page)).toContainText('failed: unauthorised (4401)');
  await expect(ledger(page, 'lines')).toHaveText('3');
  await expect(ledger(page, 'catalogued')).toHaveText('3');
});

test('a stream= link asks first, shows the full URL and connects only on click', async ({ page }) => {
  const url = `${SERVER}/sse/ok?n=2`;
  await openDashboard(page, `stream=${encodeURIComponent(url)}`);
  await expect(page.getByTestId('stream-prompt-url')).toHaveText(url);
  await page.waitForTimeout(500);
  expect(await serverLog(page, '/sse/ok')).toHaveLength(0);
  await page.getByRole('group', { name: 'Stream from the link' }).getByRole('button', { name: 'Connect' }).click();
  await expect(status(page)).toHaveText('live');
  expect(await serverLog(page, '/sse/ok')).toHaveLength(1);
});

test('stream=demo shows events without any network request', async ({ page }) => {
  const requests: string[] = [];
  await openDashboard(page, 'stream=demo');
  page.on('request', (request) => requests.push(request.url()));
  await expect(status(page)).toContainText('live');
  await expect.poll(async () => Number(await page.getByTestId('stream-records').textContent())).toBeGreaterThan(3);
  // Events that just arrived are highlighted in the events table.
  await expect(page.getByRole('table', { name: 'Error events' }).locator('.events-row.is-recent').first()).toBeVisible();
  await screenshotBothThemes(page, 'live-demo');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(status(page)).toContainText('paused');
  await page.getByRole('button', { name: 'Resume' }).click();
  expect(requests).toEqual([]);
});

test('a 429 with Retry-After waits that long before the next attempt', async ({ page }) => {
  // Real time here: the server's own timestamps measure the wait the page chose.
  await openDashboard(page);
  await connectStream(page, `${SERVER}/sse/429`);
  await expect(status(page)).toContainText(/reconnecting in [12] s/);
  await expect.poll(async () => (await serverLog(page, '/sse/429')).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  const [first, second] = (await serverLog(page, '/sse/429')) as unknown as { at: number }[];
  expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1900);
});
