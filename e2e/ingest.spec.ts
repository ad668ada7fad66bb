import { execFileSync } from 'node:child_process';
import { copyFileSync, createReadStream, createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync, gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { openDashboard, screenshotBothThemes, uploadFiles, watchForHostileEffects } from './helpers';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'logs');
const fixture = (name: string) => join(FIXTURES, name);
/** A size under 1 MiB as the page writes it (app/shared/format.ts formatBytes): `512 B`, `1.7 KiB`. */
const smallBytes = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KiB`);

interface CliSummary {
  readonly lines: number;
  readonly outcomes: { catalogued: number; uncatalogued: number; nonError: number; rejected: number };
  readonly events: number;
  readonly byCode: Readonly<Record<string, number>>;
  readonly sharedRequestIds: { readonly ids: number; readonly eventsByFile: Readonly<Record<string, number>> };
  readonly bytes: { readonly compressed?: { readonly read: number; readonly inflated: number; readonly unsplittable: Readonly<Record<string, number>> } };
}

function cliSummary(files: readonly string[]): CliSummary {
  const out = execFileSync('node', ['app/tools/cli.mjs', 'summarize', ...files], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return JSON.parse(out) as CliSummary;
}

async function pageLedger(page: Page) {
  const region = page.getByRole('region', { name: 'Line accounting' });
  const read = async (id: string) => Number((await region.getByTestId(id).first().innerText()).replace(/,/g, ''));
  return {
    lines: await read('ledger-lines'),
    catalogued: await read('ledger-catalogued'),
    uncatalogued: await read('ledger-uncatalogued'),
    nonError: await read('ledger-nonError'),
    rejected: await read('ledger-rejected'),
  };
}

/** A ledger as the page shows it, in the group of that name ('All sources', or 'Source NAME' under Per source). */
async function pageLedgerOf(page: Page, group: string) {
  const view = page.getByRole('region', { name: 'Line accounting' }).getByRole('group', { name: group, exact: true });
  const read = async (id: string) => Number((await view.getByTestId(id).first().innerText()).replace(/,/g, ''));
  const rejectedByReason: Record<string, number> = {};
  for (const cell of await view.locator('[data-testid^="ledger-rejected-"]').all()) {
    const id = (await cell.getAttribute('data-testid')) ?? '';
    rejectedByReason[id.slice('ledger-rejected-'.length)] = Number((await cell.innerText()).replace(/,/g, ''));
  }
  return {
    lines: await read('ledger-lines'),
    catalogued: await read('ledger-catalogued'),
    uncatalogued: await read('ledger-uncatalogued'),
    nonError: await read('ledger-nonError'),
    rejectedByReason,
  };
}

test.describe('log ingestion', () => {
  test('several files at once, gzip and a Claude Code transcript included: the page counts what the CLI counts', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    await openDashboard(page);
    const names = ['mixed.log', 'claude-session.jsonl', 'app.log.gz'];
    await page.getByLabel('Open log files').setInputFiles(names.map(fixture));
    for (const name of names) await expect(page.getByRole('listitem', { name: `Source ${name}` })).toContainText('done');
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toHaveCount(0);
    await expect(page.getByRole('note', { name: 'Demo data' })).toHaveCount(0);

    const cli = cliSummary(names.map((n) => join('e2e', 'fixtures', 'logs', n)));
    const ledger = await pageLedger(page);
    expect(ledger).toEqual({ lines: cli.lines, ...cli.outcomes });
    expect(ledger.lines).toBe(ledger.catalogued + ledger.uncatalogued + ledger.nonError + ledger.rejected);
    await expect(page.getByTestId('total-errors')).toHaveText(String(cli.events));
    // The gzip's row gives the file's bytes and the text they unpacked to.
    const gzip = readFileSync(fixture('app.log.gz'));
    const gunzipped = gunzipSync(gzip).length;
    expect(gunzipped).toBeLessThan(1024);
    await expect(page.getByRole('listitem', { name: 'Source app.log.gz' })).toContainText(`${gzip.length} B of ${gzip.length} B gzip, ${gunzipped} B unpacked ·`);
    // The total's bytes in two units: the text of the three files, and the gzip file's own bytes, all unpacked.
    await expect(page.getByRole('group', { name: 'All sources' }).getByTestId('gzip-bytes')).toHaveText(`${gzip.length} B of gzip, all unpacked`);
    // The fixtures log one failed request (20260825101920a1b2…) in each file: the page says it counts once per
    // source, with the CLI's numbers.
    const shared = page.getByTestId('shared-request-ids');
    expect(cli.sharedRequestIds.ids).toBeGreaterThan(0);
    await expect(shared).toContainText(new RegExp(`^${cli.sharedRequestIds.ids} request ids? appears? in more than one source`));
    for (const name of names) await expect(shared).toContainText(`${name} (${cli.sharedRequestIds.eventsByFile[join('e2e', 'fixtures', 'logs', name)]})`);
    await screenshotBothThemes(page, 'ingest-several-files');
    await page.getByRole('button', { name: 'Remove claude-session.jsonl' }).click();
    await page.getByRole('button', { name: 'Remove app.log.gz' }).click();
    await expect(shared).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('files with rejected lines: the page counts what the CLI counts, per source and per reason', async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'quotalens-e2e-'));
    const error = (i: number) => `{"ts":"2026-11-27T10:00:${String(i).padStart(2, '0')}Z","error":{"code":"1302","message":"Rate limit reached for requests"}}`;
    const entry = (i: number) => ({
      startedDateTime: `2026-11-27T10:0${i}:00.000Z`,
      request: { method: 'POST', url: 'https://api.z.ai/api/paas/v4/chat/completions' },
      response: { status: 429, content: { mimeType: 'application/json', text: JSON.stringify({ error: { code: '1302', message: 'Rate limit reached for requests' } }) } },
    });
    const har = JSON.stringify({ log: { version: '1.2', entries: [entry(1), entry(2), entry(3)] } }, null, 2);
    const gzipped = gzipSync(Buffer.from(`${[error(1), error(2), error(3), error(4)].join('\n')}\n`));
    const files: Record<string, Buffer> = {
      'rejects.log': Buffer.from(`${[error(1), '{"error": ', 'plain line', 'NUL \u0000 here', error(2), "{'a': 1,,}"].join('\n')}\n`),
      'archive.zip': Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]),
      'cut.log.gz': gzipped.subarray(0, gzipped.length - 12),
      'cut.har': Buffer.from(har.slice(0, Math.floor(har.length * 0.8))),
    };
    const paths = Object.entries(files).map(([name, body]) => {
      const path = join(dir, name);
      writeFileSync(path, body);
      return path;
    });
    await openDashboard(page);
    await page.getByLabel('Open log files').setInputFiles(paths);
    for (const name of Object.keys(files)) await expect(page.getByRole('listitem', { name: `Source ${name}` })).toContainText(/done|failed/);
    const cli = JSON.parse(execFileSync('node', ['app/tools/cli.mjs', 'summarize', ...paths], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] })) as CliSummary & {
      rejectedByReason: Record<string, number>;
      files: { file: string; lines: number; catalogued: number; uncatalogued: number; nonError: number; rejected: Record<string, number> }[];
    };
    // Each kind of reject is there, so the comparison below compares something.
    expect(Object.keys(cli.rejectedByReason).length).toBeGreaterThanOrEqual(3);
    expect(await pageLedgerOf(page, 'All sources')).toEqual({ lines: cli.lines, catalogued: cli.outcomes.catalogued, uncatalogued: cli.outcomes.uncatalogued, nonError: cli.outcomes.nonError, rejectedByReason: cli.rejectedByReason });
    await expect(page.getByTestId('total-errors')).toHaveText(String(cli.events));
    // A file read with losses says so in its row, as a file refused whole does, and the total names the file of each notice.
    await expect(page.getByRole('listitem', { name: 'Source cut.har' }).getByRole('note')).toContainText(/^HAR cut short at line \d+: 2 complete entries read/);
    await expect(page.getByRole('listitem', { name: 'Source cut.log.gz' }).getByRole('note').first()).toContainText('truncated');
    const totalNotes = page.getByRole('region', { name: 'Line accounting' }).getByRole('group', { name: 'All sources', exact: true }).getByRole('note');
    await expect(totalNotes.filter({ hasText: /^cut\.har: HAR cut short/ })).toHaveCount(1);
    await expect(totalNotes.filter({ hasText: /^archive\.zip: zip file/ })).toHaveCount(1);
    await page.getByRole('region', { name: 'Line accounting' }).getByText('Per source').click();
    for (const file of cli.files) {
      const name = file.file.slice(dir.length + 1);
      expect(await pageLedgerOf(page, `Source ${name}`), name).toEqual({ lines: file.lines, catalogued: file.catalogued, uncatalogued: file.uncatalogued, nonError: file.nonError, rejectedByReason: file.rejected });
    }
  });

  test('files dropped anywhere on the page are read there, with an overlay while they are dragged', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    await openDashboard(page);
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
    await expect(page.getByTestId('total-errors')).not.toHaveText('…');
    const address = page.url();
    const files = await page.evaluateHandle((logs) => {
      const data = new DataTransfer();
      for (const { name, text } of logs) data.items.add(new File([text], name, { type: 'text/plain' }));
      return data;
    }, [
      { name: 'first.log', text: `${HTTP_429.join('\n')}\n` },
      { name: 'second.log', text: '2026-11-27 10:00:00 ERROR {"error":{"code":"1113","message":"Insufficient balance or no resource package. Please recharge."}}\n' },
    ]);
    const chart = page.getByTestId('trend-chart');
    const overlay = page.getByTestId('drop-overlay');
    // Dragged over a chart, far from the upload button, and away again.
    await chart.dispatchEvent('dragenter', { dataTransfer: files });
    await expect(overlay).toBeVisible();
    await expect(overlay).toContainText('Drop to read these logs');
    await chart.dispatchEvent('dragleave', { dataTransfer: files });
    await expect(overlay).toHaveCount(0);
    // Text dragged from the page is no file: no overlay, and the drop is the browser's.
    const text = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'API Error: 429');
      return data;
    });
    await chart.dispatchEvent('dragenter', { dataTransfer: text });
    await expect(overlay).toHaveCount(0);
    await chart.dispatchEvent('dragleave', { dataTransfer: text });
    // A drag whose leave never comes (the element it entered was redrawn meanwhile): the overlay goes once the
    // drag's events stop.
    await chart.dispatchEvent('dragenter', { dataTransfer: files });
    await expect(overlay).toBeVisible();
    await expect(overlay).toHaveCount(0, { timeout: 5000 });
    // Dropped on the chart: both files are read, and the dashboard stays. While files are held over the page, the
    // browser sends dragover again and again: so does the test, through the screenshots.
    await chart.dispatchEvent('dragenter', { dataTransfer: files });
    const held = await page.evaluateHandle((data) => {
      const target = document.querySelector('[data-testid="trend-chart"]');
      return setInterval(() => target?.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data })), 100);
    }, files);
    await expect(overlay).toBeVisible();
    await screenshotBothThemes(page, 'drop-overlay', { fullPage: false });
    await expect(overlay).toBeVisible();
    await page.evaluate((timer) => clearInterval(timer), held);
    await chart.dispatchEvent('drop', { dataTransfer: files });
    await expect(overlay).toHaveCount(0);
    for (const name of ['first.log', 'second.log']) await expect(page.getByRole('listitem', { name: `Source ${name}` })).toContainText('done');
    await expect(page.getByTestId('total-errors')).toHaveText('2');
    expect(page.url()).toBe(address);
    expect(problems).toEqual([]);
  });

  test('every fixture at once, read two at a time, the rest waiting: each row ends, and the page counts what the CLI counts', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    await openDashboard(page);
    const names = readdirSync(FIXTURES).filter((name) => !name.startsWith('.'));
    expect(names.length).toBeGreaterThan(10);
    // The most rows seen reading and waiting at once.
    await page.evaluate(() => {
      const most = { reading: 0, waiting: 0 };
      (window as unknown as { __most: typeof most }).__most = most;
      new MutationObserver(() => {
        const states = [...document.querySelectorAll('.source-row .source-state')].map((e) => e.textContent);
        most.reading = Math.max(most.reading, states.filter((t) => t === 'reading…').length);
        most.waiting = Math.max(most.waiting, states.filter((t) => t === 'waiting for its turn').length);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByLabel('Open log files').setInputFiles(names.map(fixture));
    for (const name of names) await expect(page.getByRole('listitem', { name: `Source ${name}` })).toContainText(/done|failed/);
    const cli = cliSummary(names.map(fixture));
    expect(await pageLedger(page)).toEqual({ lines: cli.lines, ...cli.outcomes });
    await expect(page.getByTestId('total-errors')).toHaveText(cli.events.toLocaleString('en-US'));
    // The gzip files' own bytes, as the CLI counts them: the trailing zeros are no text, and said as gzip bytes.
    const compressed = cli.bytes.compressed;
    expect(compressed?.unsplittable).toEqual({ decompression_error: 512 });
    await expect(page.getByRole('group', { name: 'All sources' }).getByTestId('gzip-bytes')).toHaveText(
      `${smallBytes(compressed?.read ?? 0)} of gzip: ${smallBytes(compressed?.inflated ?? 0)} unpacked, 512 B not unpacked (not gzip, or corrupt)`,
    );
    // A22: the name says gzip, the bytes say text: read as the text it is.
    const notGzip = page.getByRole('listitem', { name: 'Source not-gzip.gz' });
    await expect(notGzip).toContainText('1 line ·');
    await expect(notGzip).not.toContainText('unpacked');
    const most = await page.evaluate(() => (window as unknown as { __most: { reading: number; waiting: number } }).__most);
    expect(most.reading).toBeLessThanOrEqual(2);
    expect(most.waiting).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test('a file already loaded is not read twice, until its source is removed', async ({ page }) => {
    await openDashboard(page);
    const upload = page.getByLabel('Open log files');
    await upload.setInputFiles(fixture('mixed.log'));
    const rows = page.getByRole('listitem', { name: 'Source mixed.log' });
    await expect(rows).toContainText('done');
    const once = await pageLedger(page);
    // Picked again with another file: the other is read, mixed.log is not, and the zone says why.
    await upload.setInputFiles([fixture('mixed.log'), fixture('crlf.log')]);
    await expect(page.getByRole('listitem', { name: 'Source crlf.log' })).toContainText('done');
    await expect(page.getByTestId('dropzone')).toContainText('mixed.log is already loaded, so not read twice: remove it to read again.');
    await expect(rows).toHaveCount(1);
    const cli = cliSummary([fixture('mixed.log'), fixture('crlf.log')]);
    expect(await pageLedger(page)).toEqual({ lines: cli.lines, ...cli.outcomes });
    expect(once.lines).toBeLessThan(cli.lines);
    // Removed, it is read again.
    await page.getByRole('button', { name: 'Remove mixed.log' }).click();
    await expect(rows).toHaveCount(0);
    await upload.setInputFiles(fixture('mixed.log'));
    await expect(rows).toContainText('done');
    await expect(page.getByTestId('dropzone')).not.toContainText('already loaded');
    expect(await pageLedger(page)).toEqual({ lines: cli.lines, ...cli.outcomes });
  });

  test('after a reload the demo says the files loaded before were not kept; a fresh tab does not', async ({ page, context }) => {
    await openDashboard(page);
    const banner = page.getByRole('note', { name: 'Demo data' });
    await expect(banner).toContainText('You are looking at a bundled example');
    await expect(banner).not.toContainText('not kept');
    await uploadFiles(page, [{ name: 'kept.log', body: '2026-11-27T10:00:00Z ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}\n' }]);
    await expect(page.getByRole('listitem', { name: 'Source kept.log' })).toContainText('done');
    await page.reload();
    await expect(banner).toContainText('The logs you loaded before the page was reloaded are not kept: Quotalens stores none.');
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
    const fresh = await context.newPage();
    await openDashboard(fresh);
    await expect(fresh.getByRole('note', { name: 'Demo data' })).toContainText('You are looking at a bundled example');
    await expect(fresh.getByRole('note', { name: 'Demo data' })).not.toContainText('not kept');
  });

  test('files that give no line are named above the dashboard, whose zeros would read as a clean log', async ({ page }) => {
    await openDashboard(page);
    const banner = page.getByRole('status', { name: 'Files not read' });
    await page.getByLabel('Open log files').setInputFiles(fixture('archive.zip'));
    await expect(banner).toHaveText(/^Not read:archive\.zip: zip file: not read \(extract or decompress it first\)/);
    // Above the overview, in sight at once.
    await expect(banner).toBeInViewport();
    await page.getByLabel('Open log files').setInputFiles(['image.png', 'empty.log', 'mixed.log'].map(fixture));
    await expect(page.getByRole('listitem', { name: 'Source mixed.log' })).toContainText('done');
    await expect(banner).toContainText('3 files not read:');
    await expect(banner.getByRole('listitem')).toHaveText([/^archive\.zip: zip file/, /^image\.png: .*not read as text/, 'empty.log: file is empty']);
    await banner.getByRole('button', { name: 'Remove them' }).click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByRole('listitem', { name: /^Source / })).toHaveCount(1);
    await expect(page.getByRole('listitem', { name: 'Source mixed.log' })).toBeVisible();
  });

  test('files that are not logs are rejected with their reason, and the page stays usable', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    await openDashboard(page);
    const names = ['archive.zip', 'image.png', 'truncated.log.gz', 'empty.log'];
    await page.getByLabel('Open log files').setInputFiles(names.map(fixture));
    for (const name of names) await expect(page.getByRole('listitem', { name: `Source ${name}` })).toContainText(/done|failed/);
    const cli = cliSummary(names.map((n) => join('e2e', 'fixtures', 'logs', n)));
    expect(await pageLedger(page)).toEqual({ lines: cli.lines, ...cli.outcomes });
    // A1: an empty file is no failure: read, with nothing in it, and said so in its own ledger.
    await expect(page.getByRole('listitem', { name: 'Source empty.log' }).locator('.source-state')).toHaveText('done');
    // A file refused whole says why in its own row, not only in the accounting further down.
    await expect(page.getByRole('listitem', { name: 'Source archive.zip' }).getByRole('note')).toHaveText('zip file: not read (extract or decompress it first)');
    await expect(page.getByRole('listitem', { name: 'Source image.png' }).getByRole('note')).toContainText('not read as text');
    await expect(page.getByRole('listitem', { name: 'Source empty.log' }).getByRole('note')).toHaveText('file is empty');
    await page.getByText('Per source').click();
    await expect(page.getByRole('group', { name: 'Source empty.log' }).getByText('file is empty')).toBeVisible();
    const accounting = page.getByRole('region', { name: 'Line accounting' });
    await expect(accounting).toContainText(/zip/i);
    await expect(accounting).toContainText('truncated record');
    await pasteStillWorks(page);
    expect(problems).toEqual([]);
  });

  test('a file added later joins what is loaded; a removed source leaves the counts, events and ledger at once', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    await openDashboard(page);
    const [first, second] = ['mixed.log', 'claude-session.jsonl'];
    const path = (name: string) => join('e2e', 'fixtures', 'logs', name);
    await page.getByLabel('Open log files').setInputFiles(fixture(first));
    await expect(page.getByRole('listitem', { name: `Source ${first}` })).toContainText('done');
    await expect(page.getByTestId('total-errors')).toHaveText(String(cliSummary([path(first)]).events));

    await page.getByLabel('Open log files').setInputFiles(fixture(second));
    await expect(page.getByRole('listitem', { name: `Source ${second}` })).toContainText('done');
    await expect(page.getByRole('listitem', { name: `Source ${first}` })).toContainText('done');
    const both = cliSummary([path(first), path(second)]);
    await expect(page.getByTestId('total-errors')).toHaveText(String(both.events));
    expect(await pageLedger(page)).toEqual({ lines: both.lines, ...both.outcomes });

    // From the moment the removed file's row is gone: its events counted, or one of its events listed.
    await page.evaluate(
      ({ removed, staleTotal }) => {
        const w = window as unknown as { __stale: string[] };
        w.__stale = [];
        new MutationObserver(() => {
          if (document.querySelector(`li[aria-label="Source ${removed}"]`)) return;
          if (document.querySelector('[data-testid="total-errors"]')?.textContent === staleTotal) w.__stale.push(`total ${staleTotal}`);
          for (const cell of document.querySelectorAll('.events-row [role="cell"]:last-child')) {
            if (cell.textContent?.includes(removed)) w.__stale.push('event row of the removed file');
          }
        }).observe(document, { subtree: true, childList: true, characterData: true });
      },
      { removed: first, staleTotal: String(both.events) },
    );
    await page.getByRole('button', { name: `Remove ${first}` }).click();
    await expect(page.getByRole('listitem', { name: `Source ${first}` })).toHaveCount(0);
    const rest = cliSummary([path(second)]);
    await expect(page.getByTestId('total-errors')).toHaveText(String(rest.events));
    expect(await pageLedger(page)).toEqual({ lines: rest.lines, ...rest.outcomes });
    const sourceCells = page.getByRole('table', { name: 'Error events' }).locator('.events-row [role="cell"]:last-child');
    await expect(sourceCells).toHaveCount(rest.events);
    for (const cell of await sourceCells.allTextContents()) expect(cell).toContain(second);
    expect(await page.evaluate(() => (window as unknown as { __stale: string[] }).__stale)).toEqual([]);

    // The last source removed: an empty dashboard that says so (not "Loading…"), and no bucket size made up.
    await page.getByRole('button', { name: `Remove ${second}` }).click();
    await expect(page.getByText('nothing loaded yet')).toBeVisible();
    await expect(page.getByTestId('total-errors')).toHaveText('0');
    const limits = page.getByRole('figure', { name: 'Rate-limit and quota hits' });
    await expect(limits).toContainText('No throttling or quota hits in this view.');
    await expect(limits).not.toContainText('Bucket size');
    await expect(page.getByRole('table', { name: 'Error events' })).toHaveCount(0);
    await expect(page.getByText('No matching events.')).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('a file opened before the demo arrived, then removed, leaves an empty page: the demo does not come in after it', async ({ page }) => {
    // The demo's writer (a chunk of its own) comes only once the user's file is read and removed.
    let releaseDemo: () => void = () => undefined;
    const demoHeld = new Promise<void>((resolve) => (releaseDemo = resolve));
    await page.route('**/assets/demo-log-*.js', async (route) => {
      await demoHeld;
      await route.continue();
    });
    await openDashboard(page);
    await page.getByLabel('Open log files').setInputFiles(fixture('mixed.log'));
    await expect(page.getByRole('listitem', { name: 'Source mixed.log' })).toContainText('done');
    await page.getByRole('button', { name: 'Remove mixed.log' }).click();
    releaseDemo();
    await expect(page.getByText('nothing loaded yet')).toBeVisible();
    await page.waitForTimeout(1000);
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toHaveCount(0);
    await expect(page.getByText('nothing loaded yet')).toBeVisible();
    await expect(page.getByTestId('total-errors')).toHaveText('0');
  });

  test('a large file is read on two cores and counted exactly as the CLI counts it', async ({ page }) => {
    const { path, lines } = await writeLargeLog(24, { multiLine: true });
    await openDashboard(page);
    await page.getByLabel('Open log files').setInputFiles(path);
    const row = page.getByRole('listitem', { name: 'Source large.log' });
    await expect(row).toContainText('done', { timeout: 60_000 });
    await expect(row).toContainText('read on 2 cores');
    const cli = cliSummary([path]);
    expect(cli.lines).toBe(lines);
    expect(await pageLedger(page)).toEqual({ lines: cli.lines, ...cli.outcomes });
    await expect(page.getByTestId('total-errors')).toHaveText(cli.events.toLocaleString('en'));
    // The second part's messages crossed between workers (packed): every 1308 is found by its words.
    const quotaHits = cli.byCode['1308'] ?? 0;
    expect(quotaHits).toBeGreaterThan(0);
    await page.getByRole('searchbox', { name: 'Search text' }).fill('Usage limit reached');
    await expect(page.getByTestId('total-errors')).toHaveText(quotaHits.toLocaleString('en'));

    // The next large file is read by the same second worker, kept from the first: counted just the same.
    const again = join(dirname(path), 'large-again.log');
    copyFileSync(path, again);
    await page.getByLabel('Open log files').setInputFiles(again);
    const againRow = page.getByRole('listitem', { name: 'Source large-again.log' });
    await expect(againRow).toContainText('done', { timeout: 60_000 });
    await expect(againRow).toContainText('read on 2 cores');
    const both = cliSummary([path, again]);
    expect(await pageLedger(page)).toEqual({ lines: both.lines, ...both.outcomes });
    await expect(page.getByTestId('total-errors')).toHaveText((2 * quotaHits).toLocaleString('en'));
  });

  test('a quota storm, each line naming another reset, is found by the words and by the stamps of its messages', async ({ page }) => {
    const two = (n: number) => String(n).padStart(2, '0');
    const lines = Array.from({ length: 1200 }, (_, i) => {
      const [m, sec] = [two(Math.floor(i / 60)), two(i % 60)];
      return `{"ts":"2026-11-27T10:${m}:${sec}Z","status":429,"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 15:${m}:${sec}"}}`;
    });
    await openDashboard(page);
    await page.getByLabel('Open log files').setInputFiles({ name: 'storm.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${lines.join('\n')}\n`) });
    await expect(page.getByRole('listitem', { name: 'Source storm.ndjson' })).toContainText('done');
    await expect(page.getByTestId('total-errors')).toHaveText('1,200');
    const search = page.getByRole('searchbox', { name: 'Search text' });
    // The words of the wording, a stamp's minute (60 lines each), a run across the wording and the stamp, one line.
    for (const [q, count] of [['USAGE LIMIT', '1,200'], ['reset at 2026-11-27 15:1', '600'], ['at 2026-11-27 15:07:3', '10'], ['15:19:59', '1'], ['15:20:00', '0']] as const) {
      await search.fill(q);
      await expect(page.getByTestId('total-errors')).toHaveText(count);
    }
  });

  test('while a large file is read, its row shows bytes, lines, events and MB/s, and the counts grow before the read ends', async ({ page }) => {
    const { path, lines } = await writeLargeLog(150);
    await openDashboard(page);
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
    await expect(page.getByTestId('total-errors')).not.toHaveText('…');
    const demoErrors = await page.getByTestId('total-errors').textContent();
    // What the row and the error count said at each DOM change of the read.
    await page.evaluate(() => {
      const seen: { state: string; progress: number | null; text: string; total: string; header: string | null }[] = [];
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        const row = document.querySelector('[aria-label="Source large.log"]');
        if (!row) return;
        seen.push({
          state: row.querySelector('.source-state')?.textContent ?? '',
          progress: row.querySelector('progress')?.value ?? null,
          text: row.querySelector('.small.muted')?.textContent ?? '',
          total: document.querySelector('[data-testid="total-errors"]')?.textContent ?? '',
          header: document.querySelector('[aria-label="Files being read"]')?.textContent ?? null,
        });
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.getByLabel('Open log files').setInputFiles(path);
    const row = page.getByRole('listitem', { name: 'Source large.log' });
    await expect(row).toContainText('done', { timeout: 60_000 });
    // One line in ten of each 4,096-line block is an error: 410 per block.
    const errors = (lines / 4096) * 410;
    await expect(page.getByTestId('total-errors')).toHaveText(errors.toLocaleString('en-US'));
    const seen = await page.evaluate(() => (window as unknown as { __seen: { state: string; progress: number | null; text: string; total: string; header: string | null }[] }).__seen);
    const reading = seen.filter((s) => s.state === 'reading…');
    // The bar moves forward, and is seen part-way.
    const progress = reading.map((s) => s.progress).filter((v): v is number => v !== null);
    expect(progress.some((v) => v > 0 && v < 1)).toBe(true);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Bytes of the file's size, lines, events and a rate, as the read goes.
    expect(reading.some((s) => /^[\d.]+ (KiB|MiB) of 150 MiB · [\d,]+ lines · [\d,]+ events · [\d.]+ MB\/s/.test(s.text))).toBe(true);
    // Counts of this file's errors shown before the read ended, fewer than at its end (not the demo's, shown
    // until the answer without it comes).
    const partial = reading.filter((s) => s.total !== demoErrors).map((s) => Number(s.total.replace(/,/g, ''))).filter((n) => n > 0 && n < errors);
    expect(partial.length).toBeGreaterThan(0);
    // The header, which stays in view, says the same read's progress, and nothing once it is done.
    const headerPercents = reading.flatMap((s) => /^Reading large\.log(\d+)%Sources$/.exec(s.header ?? '')?.[1] ?? []).map(Number);
    expect(headerPercents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(headerPercents).toEqual([...headerPercents].sort((a, b) => a - b));
    await expect(page.getByRole('group', { name: 'Files being read' })).toHaveCount(0);
  });

  test('Cancel stops a large file and leaves a consistent partial ledger', async ({ page }) => {
    const { path, lines } = await writeLargeLog(150);
    await openDashboard(page);
    await page.getByLabel('Open log files').setInputFiles(path);
    const row = page.getByRole('listitem', { name: 'Source large.log' });
    // As a user does: Cancel once the read shows progress (a Cancel before the first chunk reads no line at all).
    await expect(row).toContainText(/ [1-9][\d,]* lines/);
    // The header's way to the row: its panel is scrolled into view and its heading focused.
    await expect(row).not.toBeInViewport();
    await page.getByRole('group', { name: 'Files being read' }).getByRole('button', { name: 'Sources' }).click();
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeFocused();
    await expect(row).toBeInViewport();
    await row.getByRole('button', { name: 'Cancel' }).click();
    await expect(row).toContainText('cancelled (partial)');
    // Read on two cores: what the second one had read from the middle of the file is kept too, and said.
    await expect(row).toContainText('read on 2 cores');
    // (On a machine slow to click, the first core may have read its half by then: the second stops where it is.)
    await expect(row).toContainText(/cancelled: read bytes 0 to [\d,]+ and, on a second core, [\d,]+ to [\d,]+ of [\d,]+; the bytes between and after are not read|cancelled after [\d,]+ of [\d,]+ bytes/);
    await expect(row).not.toContainText('discarded');
    const ledger = await pageLedger(page);
    expect(ledger.lines).toBeGreaterThan(0);
    expect(ledger.lines).toBe(ledger.catalogued + ledger.uncatalogued + ledger.nonError + ledger.rejected);
    expect(ledger.lines).toBeLessThan(lines);
    // The bytes add up too: what was read in lines, and the rest of the file not read.
    const bytes = page.getByRole('group', { name: 'All sources' }).getByTestId('bytes-outside-lines');
    await expect(bytes).toContainText(/^ of data: [\d.]+ [KMG]iB in lines, [\d.]+ [KMG]iB not read \(cancelled\)$/);
  });

  test('Cancel stops a large gzip: its text counted as text, the rest of the file as the gzip file\'s own bytes', async ({ page }) => {
    const { path: plain } = await writeLargeLog(150);
    const path = join(dirname(plain), 'large.log.gz');
    await pipeline(createReadStream(plain), createGzip({ level: 1 }), createWriteStream(path));
    await openDashboard(page);
    await page.getByLabel('Open log files').setInputFiles(path);
    const row = page.getByRole('listitem', { name: 'Source large.log.gz' });
    await expect(row).toContainText(/ [1-9][\d,]* lines/);
    await row.getByRole('button', { name: 'Cancel' }).click();
    await expect(row).toContainText('cancelled (partial)');
    // The row: the file's bytes read of its size, then the text they unpacked to.
    await expect(row).toContainText(/[\d.]+ [KM]iB of [\d.]+ MiB gzip, [\d.]+ [KM]iB unpacked · /);
    const total = page.getByRole('group', { name: 'All sources' });
    // The text: in lines, but for the line begun (if any); never a compressed byte. Then the file's own bytes:
    // those unpacked, and the rest not read, in the file's unit.
    await expect(total).toContainText(/[\d.]+ [KM]iB of text(, all in lines|: [\d.]+ [KM]iB in lines, \d+ B not read or cut short \(cancelled\)) · [\d.]+ MiB of gzip: /);
    await expect(total.getByTestId('gzip-bytes')).toHaveText(/^[\d.]+ MiB of gzip: [\d.]+ [KM]iB unpacked, [\d.]+ MiB not read \(cancelled\)$/);
  });
});

test('zone-less times take the viewer\'s zone, and a source can be read again in another zone', async ({ page }) => {
  await openDashboard(page, 'tz=utc');
  await page.getByLabel('Open log files').setInputFiles({
    name: 'beijing.log',
    mimeType: 'text/plain',
    buffer: Buffer.from('2026-11-27 10:00:00 ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}\n'),
  });
  const row = page.getByRole('listitem', { name: 'Source beijing.log' });
  await expect(row).toContainText('done');
  const events = page.getByRole('table', { name: 'Error events' });
  await expect(events).toContainText('2026-11-27 10:00:00 UTC');
  await row.getByLabel('Zone of zone-less times in beijing.log').selectOption({ label: 'UTC+8' });
  await expect(page.getByRole('listitem', { name: 'Source beijing.log' })).toContainText('done');
  await expect(events).toContainText('2026-11-27 02:00:00 UTC');
  await expect(page.getByRole('listitem', { name: 'Source beijing.log' }).getByLabel('Zone of zone-less times in beijing.log')).toHaveValue('480');
});

test('a source written in a named zone is read in it, daylight saving included, as the CLI reads it with --zone', async ({ page }) => {
  await openDashboard(page, 'tz=utc');
  const line = (stamp: string) => `${stamp} ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}`;
  const path = join(mkdtempSync(join(tmpdir(), 'quotalens-e2e-')), 'server.log');
  writeFileSync(path, `${line('2026-01-15 09:00:00')}\n${line('2026-07-01 09:00:00')}\n`);
  await page.getByLabel('Open log files').setInputFiles(path);
  const row = page.getByRole('listitem', { name: 'Source server.log' });
  await expect(row).toContainText('done');
  await row.getByLabel('Zone of zone-less times in server.log').selectOption({ label: 'America/Los Angeles' });
  await expect(row.getByLabel('Zone of zone-less times in server.log')).toHaveValue('zone:America/Los_Angeles');
  await expect(row).toContainText('done');
  // 09:00 in Los Angeles is 17:00 UTC in January (PST) and 16:00 UTC in July (PDT).
  const events = page.getByRole('table', { name: 'Error events' });
  await expect(events).toContainText('2026-01-15 17:00:00 UTC');
  await expect(events).toContainText('2026-07-01 16:00:00 UTC');
  const cli = execFileSync('node', ['app/tools/cli.mjs', 'events', '--zone', 'America/Los_Angeles', path], { encoding: 'utf8' });
  expect(cli.trim().split('\n').map((l) => (JSON.parse(l) as { ts: string }).ts)).toEqual(['2026-01-15T17:00:00.000Z', '2026-07-01T16:00:00.000Z']);
  // An offset chosen in its place ends the named zone.
  await row.getByLabel('Zone of zone-less times in server.log').selectOption({ label: 'UTC' });
  await expect(events).toContainText('2026-07-01 09:00:00 UTC');
  await expect(row.getByLabel('Zone of zone-less times in server.log')).toHaveValue('0');
});

test('a log written on Chinese Windows is read again as GB18030 when asked, and counts what the CLI counts (A9)', async ({ page }) => {
  await openDashboard(page);
  await page.getByLabel('Open log files').setInputFiles(fixture('gbk-windows.log'));
  const row = page.getByRole('listitem', { name: 'Source gbk-windows.log' });
  await expect(row).toContainText('done');
  await expect(row).toContainText('4 records held bytes that are not UTF-8 (shown as �); read the file as');
  await expect(page.getByTestId('total-errors')).toHaveText('2');
  await row.getByLabel('Encoding of gbk-windows.log').selectOption({ label: 'GB18030 / GBK (Chinese Windows)' });
  await expect(page.getByRole('listitem', { name: 'Source gbk-windows.log' }).getByLabel('Encoding of gbk-windows.log')).toHaveValue('gb18030');
  await expect(page.getByRole('listitem', { name: 'Source gbk-windows.log' })).toContainText('done');
  // The error named only in Chinese is found, and the Chinese reads as Chinese.
  await expect(page.getByTestId('total-errors')).toHaveText('3');
  await expect(page.getByRole('table', { name: 'Error events' })).toContainText('已达到 5 小时的使用上限');
  const cli = JSON.parse(execFileSync('node', ['app/tools/cli.mjs', 'summarize', '--encoding', 'gb18030', fixture('gbk-windows.log')], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } })) as CliSummary;
  expect(await pageLedger(page)).toEqual({ lines: cli.lines, ...cli.outcomes });
});

test('a line longer than the cap is counted with its size, and read when the source is read again with a larger cap', async ({ page }) => {
  const path = join(mkdtempSync(join(tmpdir(), 'quotalens-e2e-')), 'one-line-dump.log');
  // A whole request logged on one line beside its 1302: 4.5 MiB, past the default cap of 4 MiB.
  const long = `2026-11-27T10:00:00Z ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"},"request":"${'x'.repeat(4.5 * 2 ** 20)}"}`;
  writeFileSync(path, `2026-11-27T09:59:00Z INFO start\n${long}\n2026-11-27T10:00:01Z ERROR {"error":{"code":"1305","message":"The service may be temporarily overloaded, please try again later"}}\n`);
  await openDashboard(page);
  await page.getByLabel('Open log files').setInputFiles(path);
  const row = page.getByRole('listitem', { name: 'Source one-line-dump.log' });
  await expect(row).toContainText('done');
  await expect(row).toContainText('1 line longer than 4 MiB was not read (the longest 4.5 MiB); read lines up to');
  await expect(page.getByTestId('total-errors')).toHaveText('1');
  await row.getByLabel('Line cap of one-line-dump.log').selectOption({ label: '16 MiB' });
  await expect(row.getByLabel('Line cap of one-line-dump.log')).toHaveValue(String(16 * 2 ** 20));
  await expect(row).toContainText('done');
  await expect(page.getByTestId('total-errors')).toHaveText('2');
  await expect(row).toContainText('Read lines up to');
  const cli = JSON.parse(execFileSync('node', ['app/tools/cli.mjs', 'summarize', '--max-line', '16MiB', path], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } })) as CliSummary;
  expect(cli.outcomes).toMatchObject({ catalogued: 2, rejected: 0 });
  expect(await pageLedger(page)).toEqual({ lines: cli.lines, ...cli.outcomes });
});

test('errors dated in the future are flagged as read and counted as such, on the page as in the command line (E9)', async ({ page }) => {
  await openDashboard(page);
  const line = (stamp: string) => `${stamp} ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}`;
  const text = [line('2099-01-01T10:00:00Z'), line('2026-11-27T10:00:00Z'), line('2099-06-01T10:00:00Z')].join('\n');
  await uploadText(page, 'ahead.log', text);
  await expect(page.getByRole('listitem', { name: 'Source ahead.log' })).toContainText('done');
  await expect(page.getByTestId('total-errors')).toHaveText('3');
  await expect(page.getByTestId('future-errors')).toHaveText('2 dated in the future: a clock ahead, or a time read in the wrong zone');
  // The ledger flags them as read, and the command line flags the same records.
  const flags = page.getByRole('group', { name: 'All sources' }).getByTestId('caveat-flags');
  await expect(flags).toContainText('Read with a caveat: dated in the future (2)');
  const path = join(mkdtempSync(join(tmpdir(), 'quotalens-e2e-')), 'ahead.log');
  writeFileSync(path, `${text}\n`);
  const cli = JSON.parse(execFileSync('node', ['app/tools/cli.mjs', 'summarize', path], { encoding: 'utf8' })) as { files: [{ flags: Record<string, number> }] };
  expect(cli.files[0].flags).toEqual({ timestamp_in_future: 2 });
});

async function pasteStillWorks(page: Page) {
  await page.getByRole('textbox', { name: 'Paste log text' }).fill('{"error":{"code":"1302","message":"Rate limit reached for requests"}}');
  await expect(page.getByRole('article', { name: /Error 1302/ })).toBeVisible();
}

const HTTP_429 = [
  'HTTP/1.1 429 Too Many Requests',
  'Content-Type: application/json',
  '',
  '{',
  '  "error": {"code": "1308", "message": "Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 20:00:00"}',
  '}',
];

/**
 * A log of `mib` MiB on disk (setInputFiles by path handles files too big for a buffer), of 4,096-line
 * blocks; with `multiLine`, each block also holds raw HTTP responses, so records span lines everywhere.
 */
async function writeLargeLog(mib: number, { multiLine = false } = {}): Promise<{ path: string; lines: number }> {
  const path = join(mkdtempSync(join(tmpdir(), 'quotalens-e2e-')), 'large.log');
  const stream = createWriteStream(path);
  const lines = Array.from({ length: 4096 }, (_, i) =>
    i % 10 === 0
      ? `2026-11-27T10:00:${String(i % 60).padStart(2, '0')}Z ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}`
      : `2026-11-27T10:00:${String(i % 60).padStart(2, '0')}Z INFO request ok in ${i} ms, tokens_in=1234 tokens_out=5678`,
  );
  if (multiLine) for (let at = 97; at + HTTP_429.length < lines.length; at += 97) lines.splice(at, HTTP_429.length, ...HTTP_429);
  const block = `${lines.join('\n')}\n`;
  const blocks = Math.ceil((mib * 1024 * 1024) / block.length);
  for (let i = 0; i < blocks; i += 1) {
    if (!stream.write(block)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => stream.end(() => resolve()));
  return { path, lines: blocks * 4096 };
}

async function uploadText(page: Page, name: string, text: string) {
  await page.getByLabel('Open log files').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(`${text}\n`) });
}

test('records read with a caveat are counted by flag under the line accounting, each with what it means (B6, B7)', async ({ page }) => {
  await openDashboard(page);
  await uploadText(
    page,
    'caveats.log',
    [
      '{"ts":"2026-11-27T10:00:00Z","error":{"code":"1302","message":"Rate limit reached for requests"},"latency":NaN}',
      '{"ts":"2026-11-27T10:01:00Z","error":{"code":"1308","code":"1302","message":"Rate limit reached for requests"}}',
      '{"ts":"2026-11-27T10:02:00Z","error":{"code":"1302","message":"Rate limit reached for requests"}}',
    ].join('\n'),
  );
  await expect(page.getByRole('listitem', { name: 'Source caveats.log' })).toContainText('done');
  await expect(page.getByTestId('total-errors')).toHaveText('3');
  const flags = page.getByRole('group', { name: 'All sources' }).getByTestId('caveat-flags');
  await expect(flags).toContainText('Read with a caveat: key written twice (1), not valid JSON (1)');
  await flags.getByText('Read with a caveat').click();
  await expect(flags).toContainText('A key was written twice in one object: its last value was read, as JSON.parse does.');
  // Each says where its records are, as the CLI's flagLines does.
  await expect(flags.getByRole('listitem').filter({ hasText: 'key written twice' })).toContainText('At line 2.');
  await expect(flags.getByRole('listitem').filter({ hasText: 'not valid JSON' })).toContainText('At line 1.');
  // With a second file, the total names the file of each place.
  await uploadText(page, 'more-caveats.log', '{"ts":"2026-11-27T10:03:00Z","error":{"code":"1308","code":"1302","message":"Rate limit reached for requests"}}');
  await expect(page.getByRole('listitem', { name: 'Source more-caveats.log' })).toContainText('done');
  await expect(flags.getByRole('listitem').filter({ hasText: 'key written twice' })).toContainText('At caveats.log line 2; more-caveats.log line 1.');
});

for (const width of [390, 1280]) {
  test(`a long file name is cut in its source row at ${width} px: Remove and the accounting stay on screen`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openDashboard(page);
    // Longer than a Claude Code transcript's UUID name: it is also an option of the filter bar's Source list.
    const name = width === 390 ? 'production-api-gateway-2026-11-27-eu-west-1-worker-07.log' : `${'a-service-log-written-on-2026-11-29-by-host-'.repeat(3)}.log`;
    await uploadText(page, name, '{"ts":"2026-11-27T10:00:00Z","error":{"code":"1302","message":"Rate limit reached for requests"}}');
    const row = page.getByRole('listitem', { name: `Source ${name}` });
    await expect(row).toContainText('done');
    // What could widen the page is drawn: the events list names the file beside each event.
    await expect(page.getByTestId('total-errors')).toHaveText('1');
    await expect(page.getByRole('table', { name: 'Error events' }).locator('.cell-source')).toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const remove = row.getByRole('button', { name: `Remove ${name}` });
    await remove.scrollIntoViewIfNeeded();
    const box = await remove.boundingBox();
    expect(box !== null && box.x >= 0 && box.x + box.width <= width).toBe(true);
    await expect(row.locator('.source-name bdi')).toHaveAttribute('title', name);
  });
}

/** Writes a folder tree: a string or Buffer is a file, an object a folder. Returns the paths of its files. */
function writeTree(root: string, tree: { [name: string]: string | Buffer | object }): string[] {
  mkdirSync(root, { recursive: true });
  return Object.entries(tree).flatMap(([name, value]) => {
    const path = join(root, name);
    if (typeof value === 'string' || Buffer.isBuffer(value)) {
      writeFileSync(path, value);
      return [path];
    }
    return writeTree(path, value as { [name: string]: string | Buffer | object });
  });
}

test.describe('a folder of logs (A27)', () => {
  const hiddenError = '{"ts":"2026-11-27T10:00:00Z","error":{"code":"1113","message":"Insufficient balance or no resource package. Please recharge."}}\n';
  const sources = (page: Page) => page.getByRole('region', { name: 'Sources' }).getByRole('listitem', { name: /^Source / });

  test('a folder picked is read with its subfolders, each file a source named by its path, counted as the CLI counts them', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    const root = join(mkdtempSync(join(tmpdir(), 'quotalens-folder-')), 'logs');
    const deep = { d2: { d3: { d4: { d5: { d6: { d7: { d8: { 'kept.log': hiddenError, d9: { 'too-deep.log': hiddenError } } } } } } } } };
    writeTree(root, {
      projects: { abc: { 'session-1.jsonl': readFileSync(fixture('claude-session.jsonl')) } },
      a: { 'output.log': readFileSync(fixture('mixed.log')) },
      b: { 'output.log': readFileSync(fixture('crlf.log')) },
      'app.log.gz': readFileSync(fixture('app.log.gz')),
      '.secret.log': hiddenError,
      '.cache': { 'x.log': hiddenError },
      ...deep,
    });
    const read = ['a/output.log', 'app.log.gz', 'b/output.log', 'd2/d3/d4/d5/d6/d7/d8/kept.log', 'projects/abc/session-1.jsonl'];
    await openDashboard(page);
    await page.getByLabel('Open a folder').setInputFiles(root);
    for (const path of read) await expect(page.getByRole('listitem', { name: `Source logs/${path}`, exact: true })).toContainText('done');
    await expect(sources(page)).toHaveCount(read.length);
    await expect(page.getByTestId('dropzone')).toContainText(
      'logs/: 5 files read; 1 hidden file and 1 hidden folder skipped; 1 folder more than 8 levels deep not opened.',
    );
    const cli = cliSummary(read.map((path) => join(root, path)));
    expect(await pageLedger(page)).toEqual({ lines: cli.lines, ...cli.outcomes });
    await expect(page.getByTestId('total-errors')).toHaveText(String(cli.events));
    // The two output.log are two sources, in the Source filter and in the link, each with its own errors.
    await page.getByRole('region', { name: 'Filters' }).getByLabel('Source').selectOption('logs/b/output.log');
    await expect(page).toHaveURL(/[?&]src=logs%2Fb%2Foutput\.log(&|$)/);
    await expect(page.getByTestId('total-errors')).toHaveText(String(cliSummary([join(root, 'b', 'output.log')]).events));
    await page.getByRole('region', { name: 'Filters' }).getByLabel('Source').selectOption('');
    // Picked again: nothing is read twice, and the box says so.
    const ledger = await pageLedger(page);
    await page.getByLabel('Open a folder').setInputFiles(root);
    await expect(page.getByTestId('dropzone')).toContainText('logs/a/output.log, logs/app.log.gz, logs/b/output.log and 2 more are already loaded, so not read twice');
    await expect(sources(page)).toHaveCount(read.length);
    expect(await pageLedger(page)).toEqual(ledger);
    // The file picker is the one it was.
    await page.getByLabel('Open log files').setInputFiles(fixture('crlf.log'));
    await expect(page.getByRole('listitem', { name: 'Source crlf.log', exact: true })).toContainText('done');
    expect(problems).toEqual([]);
  });

  test('a folder dropped is walked, subfolders and batches of entries included, beside a file dropped with it', async ({ page }) => {
    const { problems } = await watchForHostileEffects(page);
    await openDashboard(page);
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
    const error = (code: string, second: number) => `{"ts":"2026-11-27T10:00:${String(second).padStart(2, '0')}Z","error":{"code":"${code}","message":"Rate limit reached for requests"}}\n`;
    // A browser's entries: at most 100 per readEntries call, each answer later, a folder it may not read; the
    // items are emptied once the drop's handlers have run, as a browser does.
    const prevented = await page.evaluate(
      ({ tree, loose }) => {
        type Tree = { [name: string]: string | Tree | null };
        let isLive = true;
        const later = (run: () => void) => setTimeout(run, 5);
        const entryOf = (name: string, value: string | Tree | null): object => {
          if (typeof value === 'string') return { name, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => later(() => ok(new File([value], name, { lastModified: 1795132800000 }))) };
          const children = value === null ? [] : Object.entries(value);
          return {
            name,
            isFile: false,
            isDirectory: true,
            createReader: () => {
              let next = 0;
              return {
                readEntries: (ok: (entries: object[]) => void, fail: (error: DOMException) => void) =>
                  later(() => {
                    if (value === null) return fail(new DOMException('denied', 'NotReadableError'));
                    const batch = children.slice(next, next + 100).map(([child, inner]) => entryOf(child, inner));
                    next += batch.length;
                    ok(batch);
                  }),
              };
            },
          };
        };
        const looseFile = new File([loose], 'loose.log', { lastModified: 1795132800000 });
        const items = [
          { kind: 'string', webkitGetAsEntry: () => null, getAsFile: () => null },
          { kind: 'file', webkitGetAsEntry: () => (isLive ? entryOf('drop-root', tree) : null), getAsFile: () => (isLive ? new File([], 'drop-root') : null) },
          { kind: 'file', webkitGetAsEntry: () => (isLive ? entryOf('loose.log', loose) : null), getAsFile: () => (isLive ? looseFile : null) },
        ];
        const event = new Event('drop', { bubbles: true, cancelable: true });
        Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files', 'text/uri-list'], items, files: [new File([], 'drop-root'), looseFile] } });
        document.querySelector('[data-testid="trend-chart"]')?.dispatchEvent(event);
        isLive = false;
        return event.defaultPrevented;
      },
      {
        tree: {
          a: { 'output.log': error('1302', 1) },
          b: { 'output.log': error('1302', 2) },
          many: { ...Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`.tmp-${i}`, 'x'])), 'z.log': error('1302', 3) },
          private: null,
        },
        loose: error('1302', 4),
      },
    );
    expect(prevented).toBe(true);
    for (const name of ['drop-root/a/output.log', 'drop-root/b/output.log', 'drop-root/many/z.log', 'loose.log']) {
      await expect(page.getByRole('listitem', { name: `Source ${name}`, exact: true })).toContainText('done');
    }
    await expect(sources(page)).toHaveCount(4);
    await expect(page.getByTestId('dropzone')).toContainText(
      'drop-root/: 3 files read; 120 hidden files skipped; drop-root/private/ could not be read (the browser was refused access, or it was moved or deleted).',
    );
    await expect(page.getByTestId('total-errors')).toHaveText('4');
    expect(problems).toEqual([]);
  });
  test('a folder of 503 files: the first 500 by path are read, all of them to the end, and the 3 others are named as not read', async ({ page }) => {
    const root = join(mkdtempSync(join(tmpdir(), 'quotalens-folder-')), 'many');
    const line = (i: number) => `2026-11-27T10:${String(i % 60).padStart(2, '0')}:00Z ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}\n`;
    writeTree(root, Object.fromEntries(Array.from({ length: 503 }, (_, i) => [`f${String(i).padStart(3, '0')}.log`, line(i)])));
    await openDashboard(page);
    await page.getByLabel('Open a folder').setInputFiles(root);
    await expect(page.getByTestId('dropzone')).toContainText('many/: 503 files; the first 500 by path were read, 3 were not (500 at most per');
    await expect(page.getByTestId('total-errors')).toHaveText('500');
    await expect(sources(page)).toHaveCount(500);
    await expect(page.getByRole('listitem', { name: 'Source many/f499.log', exact: true })).toContainText('done');
    await expect(page.getByRole('listitem', { name: 'Source many/f500.log', exact: true })).toHaveCount(0);
    // The page answers while it holds them: a filter applies at once.
    await page.getByRole('region', { name: 'Filters' }).getByLabel('Source').selectOption('many/f007.log');
    await expect(page.getByTestId('total-errors')).toHaveText('1');
  });
  test('two folders dropped one after the other: the box says what each left out, whichever walk ends first', async ({ page }) => {
    await openDashboard(page);
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
    // The first folder answers slowly, the second at once: the second walk ends first.
    await page.evaluate(() => {
      const dropFolder = (name: string, delayMs: number, files: Record<string, string>) => {
        const later = (run: () => void) => setTimeout(run, delayMs);
        const file = (n: string, text: string) => ({ name: n, isFile: true, isDirectory: false, file: (ok: (f: File) => void) => later(() => ok(new File([text], n))) });
        let given = false;
        const folder = {
          name, isFile: false, isDirectory: true,
          createReader: () => ({ readEntries: (ok: (entries: object[]) => void) => later(() => ok(given ? [] : ((given = true), Object.entries(files).map(([n, t]) => file(n, t))))) }),
        };
        const event = new Event('drop', { bubbles: true, cancelable: true });
        Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], items: [{ kind: 'file', webkitGetAsEntry: () => folder }], files: [new File([], name)] } });
        document.body.dispatchEvent(event);
      };
      const line = '{"ts":"2026-11-27T10:00:00Z","error":{"code":"1302","message":"Rate limit reached for requests"}}\n';
      dropFolder('slow', 400, { 'a.log': line, '.hidden.log': line });
      dropFolder('fast', 0, { 'b.log': line, '.x.log': line, '.y.log': line });
    });
    const box = page.getByTestId('dropzone');
    await expect(box).toContainText('fast/: 1 file read; 2 hidden files skipped.');
    await expect(box).toContainText('Reading slow/');
    await expect(box).toContainText('slow/: 1 file read; 1 hidden file skipped.');
    await expect(box).toContainText('fast/: 1 file read; 2 hidden files skipped.');
    await expect(box).not.toContainText('Reading');
  });

  test('a file picked while a dropped folder is walked: the box keeps what the folder left out and what the pick did', async ({ page }) => {
    await openDashboard(page);
    await expect(page.getByRole('listitem', { name: 'Source quotalens-demo.log' })).toContainText('done');
    const line = '{"ts":"2026-11-27T10:00:00Z","error":{"code":"1302","message":"Rate limit reached for requests"}}\n';
    const picked = fixture('crlf.log');
    const input = page.getByLabel('Open log files');
    await input.setInputFiles(picked);
    await expect(page.getByRole('listitem', { name: 'Source crlf.log' })).toContainText('done');
    await page.evaluate((text) => {
      const later = (run: () => void) => setTimeout(run, 1500);
      const file = { name: 'a.log', isFile: true, isDirectory: false, file: (ok: (f: File) => void) => later(() => ok(new File([text], 'a.log'))) };
      let given = false;
      const folder = {
        name: 'slow', isFile: false, isDirectory: true,
        createReader: () => ({ readEntries: (ok: (entries: object[]) => void) => later(() => ok(given ? [] : ((given = true), [file, { ...file, name: '.hidden.log' }]))) }),
      };
      const event = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], items: [{ kind: 'file', webkitGetAsEntry: () => folder }], files: [new File([], 'slow')] } });
      document.body.dispatchEvent(event);
    }, line);
    const box = page.getByTestId('dropzone');
    await expect(box).toContainText('Reading slow/');
    // The same file again, while the folder is walked: it is left out, and the walk is still said.
    await input.setInputFiles(picked);
    await expect(box).toContainText('crlf.log is already loaded, so not read twice');
    await expect(box).toContainText('Reading slow/');
    await expect(box).toContainText('slow/: 1 file read; 1 hidden file skipped.');
    await expect(box).toContainText('crlf.log is already loaded, so not read twice');
    await expect(box).not.toContainText('Reading');
  });
});
