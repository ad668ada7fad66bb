import { expect, test, type Page } from '@playwright/test';
import { installClock, openDashboard, screenshotBothThemes, watchForHostileEffects } from './helpers';

const SERVER = 'http://127.0.0.1:4180';

interface LoggedRequest {
  readonly path: string;
  readonly headers: Record<string, string | undefined>;
  /** Server time (Date.now() of the fault server, the same machine as this test) of the request. */
  readonly at: number;
  /** When the response ended, from either side; null while it is open. */
  readonly closedAt: number | null;
}

async function serverLog(page: Page, path: string): Promise<LoggedRequest[]> {
  const response = await page.request.get(`${SERVER}/__log`);
  return ((await response.json()) as LoggedRequest[]).filter((r) => r.path === path);
}

/** Types the URL into the Live panel and clicks Connect (the kind is guessed from the URL). */
async function connectStream(page: Page, url: string): Promise<void> {
  const live = page.getByRole('region', { name: 'Live stream' });
  await live.getByLabel('Stream URL').fill(url);
  await live.getByRole('button', { name: 'Connect', exact: true }).click();
}

/** The browser's signal that the network is back (what the page hears when the laptop rejoins Wi-Fi). */
async function goOnline(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
}

/** The user switches to another tab and back: visibilityState as the browser sets it, with its event. */
async function hideAndShowTab(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const state of ['hidden', 'visible'] as const) {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    }
  });
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

test('a password or token never stays in the page address, from a link or typed, and the stream is read without it', async ({ page }) => {
  const link = `/?stream=${encodeURIComponent('http://user:pw-77@127.0.0.1:4180/sse/ok?n=3&access_token=TOKEN-77')}`;
  await page.goto(link);
  await expect(page).toHaveURL(/stream=http%3A%2F%2F127\.0\.0\.1%3A4180%2Fsse%2Fok%3Fn%3D3(&|$)/);
  expect(page.url()).not.toMatch(/pw-77|TOKEN-77/);
  await expect(page.getByRole('status', { name: 'Link parameters ignored' })).toContainText('user name and password, access_token removed from the stream URL');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(status(page)).toHaveText('live');
  await page.getByRole('button', { name: 'Disconnect' }).click();

  await connectStream(page, `${SERVER}/sse/ok?n=3&api_key=KEY-77`);
  await expect(status(page)).toHaveText('live');
  expect(page.url()).not.toContain('KEY-77');
  // Nor on screen: the field shows the URL read.
  await expect(page.getByRole('region', { name: 'Live stream' }).getByLabel('Stream URL')).toHaveValue(`${SERVER}/sse/ok?n=3`);
  await expect(page.getByRole('region', { name: 'Live stream' }).getByRole('alert')).toHaveText(
    "api_key removed from the stream URL: passwords and tokens never go into the page's URL; the stream is read without them.",
  );
  const requests = await serverLog(page, '/sse/ok');
  expect(requests.length).toBeGreaterThan(0);
  expect(JSON.stringify(requests)).not.toMatch(/pw-77|TOKEN-77|KEY-77/);
  await page.getByRole('button', { name: 'Disconnect' }).click();
});

test('one stream is read at a time: while one is, its URL is "Connected" and another URL is a switch to it', async ({ page }) => {
  await openDashboard(page);
  await connectStream(page, 'demo');
  await expect(status(page)).toHaveText('live');
  const live = page.getByRole('region', { name: 'Live stream' });
  await expect(live.getByRole('button', { name: 'Connected', exact: true })).toBeDisabled();
  await live.getByLabel('Stream URL').fill(`${SERVER}/ndjson/ok?n=3`);
  await expect(live).toContainText('One stream is read at a time');
  await live.getByRole('button', { name: 'Switch', exact: true }).click();
  await expect(status(page)).toHaveText('ended: the server finished its response');
  await expect(page).toHaveURL(/stream=http%3A%2F%2F127\.0\.0\.1%3A4180%2Fndjson%2Fok/);
  // Ended, it is no longer "Connected": it may be connected to again.
  await expect(live.getByRole('button', { name: 'Connect', exact: true })).toBeEnabled();
});

test('an NDJSON response that finishes is read once and shown as ended, not fetched again and counted twice', async ({ page }) => {
  await installClock(page);
  await openDashboard(page);
  await connectStream(page, `${SERVER}/ndjson/ok?n=7`);
  await expect(status(page)).toHaveText('ended: the server finished its response');
  await expect(ledger(page, 'lines')).toHaveText('7');
  const events = await page.getByTestId('stream-events').textContent();
  await page.clock.fastForward(120_000);
  await expect(status(page)).toHaveText('ended: the server finished its response');
  await expect(ledger(page, 'lines')).toHaveText('7');
  await expect(page.getByTestId('stream-events')).toHaveText(events ?? '');
  expect(await serverLog(page, '/ndjson/ok')).toHaveLength(1);
  // Reading it again is the user's call, and replaces what was read rather than adding it a second time.
  await page.getByRole('button', { name: 'Read again' }).click();
  await expect.poll(async () => (await serverLog(page, '/ndjson/ok')).length).toBe(2);
  await expect(status(page)).toHaveText('ended: the server finished its response');
  await expect(ledger(page, 'lines')).toHaveText('7');
  await expect(page.getByTestId('stream-records')).toHaveText('7');
  await expect(page.getByTestId('stream-events')).toHaveText(events ?? '');
  await expect(page.getByRole('region', { name: 'Line accounting' })).toContainText('read again from its start');
  await page.getByRole('button', { name: 'Disconnect' }).click();
});

test('a stream that has sent nothing yet replaces the demo with an empty view that says so, not "Loading…"', async ({ page }) => {
  await openDashboard(page);
  await expect(page.getByTestId('total-errors')).not.toHaveText('0');
  await connectStream(page, `${SERVER}/sse/silent?n=0&retry=10000`);
  await expect(status(page)).toHaveText('live');
  await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toHaveCount(0);
  await expect(page.getByTestId('total-errors')).toHaveText('0');
  await expect(page.getByText('No errors in this view.').first()).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Errors by category over time' }).locator('figcaption')).not.toHaveText('Loading…');
  await page.getByRole('button', { name: 'Disconnect' }).click();
});

for (const [path, reason] of [
  ['/sse/401', 'not authorised (401)'],
  ['/sse/204', 'the server asked to stop streaming (204 No Content)'],
  ['/sse/wrong-type', 'wrong content type text/html (expected text/event-stream)'],
] as const) {
  test(`${path} fails for good with the reason shown and no retry`, async ({ page }) => {
    await installClock(page);
    await openDashboard(page);
    await connectStream(page, `${SERVER}${path}`);
    await expect(status(page)).toContainText(`failed: ${reason}`);
    await page.clock.fastForward(120_000);
    await expect(status(page)).toContainText('failed');
    expect(await serverLog(page, path)).toHaveLength(1);
  });
}

test('a connection cut mid-event counts a truncated record and resumes with Last-Event-ID', async ({ page }) => {
  await installClock(page);
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
  await installClock(page);
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
  // The Live panel's rejected count is the Line accounting's: refused on the wire or as read.
  const shown = async () => Number((await page.getByTestId('stream-rejected').textContent())?.replaceAll(',', ''));
  await expect.poll(async () => (await shown()) > 0 && (await shown()) === (await count(page, 'rejected'))).toBe(true);
});

test('NDJSON cut at odd places gives the same ledger as the same lines from a file', async ({ page }) => {
  await openDashboard(page);
  await connectStream(page, `${SERVER}/ndjson/split`);
  // The response ends once read: the file's ledger, 3 catalogued lines.
  // The status is the session's own; the ledger follows from the worker a moment later.
  await expect(status(page)).toHaveText('ended: the server finished its response');
  await expect(ledger(page, 'lines')).toHaveText('3');
  await expect(ledger(page, 'catalogued')).toHaveText('3');
  expect(await count(page, 'rejected')).toBe(0);
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

// The reconnect policy (app/core/stream/reconnect.ts) with the page's own timers under Playwright's clock:
// silence 60 s -> stale, 30 s more -> reconnect; `online` and the tab coming back cut a stale wait or a
// failure backoff short, never a Retry-After. The clock keeps flowing at real speed between the jumps, so
// each wait the test relies on is 20 s or more of page time against expect's 5 s.

test('a stream silent for 60 s shows stale, then reconnects by itself after the grace and resumes from the last id', async ({ page }) => {
  await installClock(page);
  await openDashboard(page);
  // retry: 10000 is the floor of the backoff after the grace, so "reconnecting" stays on screen until the clock moves.
  await connectStream(page, `${SERVER}/sse/silent?n=3&retry=10000`);
  await expect(status(page)).toHaveText('live');
  await expect(ledger(page, 'lines')).toHaveText('3');

  // 50 s of silence is not yet stale; 61 s is. (Going stale early would also bring the reconnect below forward.)
  await page.clock.fastForward(50_000);
  await expect(status(page)).toHaveText('live');
  await page.clock.fastForward(11_000);
  await expect(status(page)).toHaveText('stale');
  expect(await serverLog(page, '/sse/silent')).toHaveLength(1);

  // Inside the 30 s grace nothing happens; past it, the silent connection is dropped and a new one scheduled.
  await page.clock.fastForward(20_000);
  expect(await serverLog(page, '/sse/silent')).toHaveLength(1);
  await page.clock.fastForward(15_000);
  await expect(status(page)).toHaveText(/^reconnecting in \d+ s \(the stream went silent\)$/);
  await expect.poll(async () => (await serverLog(page, '/sse/silent'))[0]?.closedAt ?? null).not.toBeNull();
  expect(await serverLog(page, '/sse/silent')).toHaveLength(1);

  await page.clock.fastForward(10_000);
  await expect(status(page)).toHaveText('live');
  const log = await serverLog(page, '/sse/silent');
  expect(log).toHaveLength(2);
  expect(log[1]?.headers['last-event-id']).toBe('3');
  await expect(page.getByTestId('stream-reconnects')).toHaveText('1 reconnect');
  await expect(ledger(page, 'lines')).toHaveText('6');
});

test('a stale stream reconnects at once when the network comes back or the tab is shown again', async ({ page }) => {
  await installClock(page);
  await openDashboard(page);
  await connectStream(page, `${SERVER}/sse/silent?n=3`);
  await expect(status(page)).toHaveText('live');
  await expect(ledger(page, 'lines')).toHaveText('3');

  await page.clock.fastForward(61_000);
  await expect(status(page)).toHaveText('stale');
  await goOnline(page);
  // The 30 s grace is not over: only the online event can open the second connection this soon.
  await expect.poll(async () => (await serverLog(page, '/sse/silent')).length).toBe(2);
  await expect(status(page)).toHaveText('live');
  expect((await serverLog(page, '/sse/silent'))[1]?.headers['last-event-id']).toBe('3');
  await expect(ledger(page, 'lines')).toHaveText('6'); // ids 4-6 heard: the new connection has sent something

  await page.clock.fastForward(61_000);
  await expect(status(page)).toHaveText('stale');
  await hideAndShowTab(page);
  await expect.poll(async () => (await serverLog(page, '/sse/silent')).length).toBe(3);
  await expect(status(page)).toHaveText('live');
  const log = await serverLog(page, '/sse/silent');
  expect(log[2]?.headers['last-event-id']).toBe('6');
  // The stale connections were closed, not left open next to the new ones.
  await expect.poll(async () => (await serverLog(page, '/sse/silent')).slice(0, 2).every((r) => r.closedAt !== null)).toBe(true);
  expect(log[2]?.closedAt).toBeNull();
});

test('a failure backoff ends at once when the network comes back or the tab is shown again', async ({ page }) => {
  await installClock(page);
  await openDashboard(page);
  // The first response sets retry: 20000 (the floor of every backoff), sends ids 1-2 and ends; then a 503, a 500.
  const path = '/sse/flaky';
  await connectStream(page, `${SERVER}${path}?retry=20000&fail=503,500`);
  await expect(status(page)).toHaveText(/^reconnecting in \d+ s \(the server closed the stream\)$/);
  await page.clock.fastForward(20_000);
  await expect(status(page)).toHaveText(/^reconnecting in \d+ s \(server error \(HTTP 503\)\)$/);
  expect(await serverLog(page, path)).toHaveLength(2);

  // 20 s of backoff are left: only the event can bring the next attempt within expect's 5 s.
  await goOnline(page);
  await expect.poll(async () => (await serverLog(page, path)).length).toBe(3);
  await expect(status(page)).toHaveText(/^reconnecting in \d+ s \(server error \(HTTP 500\)\)$/);
  await hideAndShowTab(page);
  await expect.poll(async () => (await serverLog(page, path)).length).toBe(4);
  await expect(status(page)).toHaveText('live');
  expect((await serverLog(page, path))[3]?.headers['last-event-id']).toBe('2');
});

test('a Retry-After wait is kept when the network comes back or the tab is shown again', async ({ page }) => {
  await installClock(page);
  await openDashboard(page);
  await connectStream(page, `${SERVER}/sse/429?after=30`);
  await expect(status(page)).toHaveText(/^reconnecting in \d+ s \(HTTP 429: retrying later\)$/);
  await goOnline(page);
  await hideAndShowTab(page);
  await page.clock.fastForward(20_000);
  await expect(status(page)).toHaveText(/^reconnecting in \d+ s \(HTTP 429: retrying later\)$/);
  expect(await serverLog(page, '/sse/429')).toHaveLength(1);

  // Real time on both sides: the second attempt reaches the server only after the clock passed the 30 s.
  const passedAt = Date.now();
  await page.clock.fastForward(11_000);
  await expect.poll(async () => (await serverLog(page, '/sse/429')).length).toBe(2);
  expect((await serverLog(page, '/sse/429'))[1]?.at).toBeGreaterThanOrEqual(passedAt);
});

test('the reading chosen for a stream goes into the link, and a link read otherwise than its URL says is read as it asks', async ({ page }) => {
  await openDashboard(page);
  const live = page.getByRole('region', { name: 'Live stream' });
  // /ndjson/ok is NDJSON, but nothing in a URL like /feed?x=1 says so: read it as NDJSON by choice.
  await live.getByLabel('Stream URL').fill(`${SERVER}/ndjson/ok?n=3`);
  await expect(live.getByLabel('Read as')).toHaveValue('ndjson');
  await live.getByLabel('Read as').selectOption('sse');
  await live.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page).toHaveURL(/[?&]read=sse(&|$)/);
  // Read as SSE, the NDJSON response is refused for good, with the reason.
  await expect(status(page)).toHaveText(/^failed: wrong content type application\/x-ndjson/);
  // Refused for good, it is no longer "Connected": read as NDJSON this time, it is read.
  await live.getByLabel('Read as').selectOption('ndjson');
  await live.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(status(page)).toHaveText('ended: the server finished its response');

  // The same stream from a link without read=: the URL tells NDJSON, and the prompt says so.
  await page.goto(`/?stream=${encodeURIComponent(`${SERVER}/ndjson/ok?n=3`)}`);
  await expect(page.getByRole('group', { name: 'Stream from the link' })).toContainText('connect to an NDJSON stream');
  // With read=sse the link asks for SSE.
  await page.goto(`/?stream=${encodeURIComponent(`${SERVER}/ndjson/ok?n=3`)}&read=sse`);
  await expect(page.getByRole('group', { name: 'Stream from the link' })).toContainText('connect to an SSE stream');
});
