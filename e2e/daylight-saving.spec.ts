import { expect, test } from '@playwright/test';
import { openDashboard, uploadFiles } from './helpers';

// RELIABILITY E7: zone-less log times are read in the viewer's zone with the offset of their own date, daylight
// saving included. New York moved from UTC−5 to UTC−4 at 02:00 on 2026-03-08.
test.use({ timezoneId: 'America/New_York' });

test('zone-less times on either side of a daylight-saving change take the offset of their own hour (E7)', async ({ page }) => {
  await openDashboard(page, 'tz=utc');
  const line = (stamp: string) => `${stamp} ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}`;
  await uploadFiles(page, [{ name: 'new-york.log', body: `${[line('2026-03-08 01:30:00'), line('2026-03-08 03:30:00'), line('2026-07-01 12:00:00')].join('\n')}\n` }]);
  await expect(page.getByRole('listitem', { name: 'Source new-york.log' })).toContainText('done');
  const events = page.getByRole('table', { name: 'Error events' });
  // 01:30 EST is 06:30 UTC; 03:30 EDT, one hour of wall clock later, is 07:30 UTC; July is EDT.
  await expect(events).toContainText('2026-03-08 06:30:00 UTC');
  await expect(events).toContainText('2026-03-08 07:30:00 UTC');
  await expect(events).toContainText('2026-07-01 16:00:00 UTC');
  await expect(page.getByRole('listitem', { name: 'Source new-york.log' })).toContainText('3 records had no zone in their time');
});

test.describe('in Berlin', () => {
  test.use({ timezoneId: 'Europe/Berlin' });

  test('a zone-less time in the skipped hour is read as the hour after, one in the repeated hour as its first pass (E7)', async ({ page }) => {
    await openDashboard(page, 'tz=utc');
    const line = (stamp: string) => `${stamp} ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}`;
    await uploadFiles(page, [{ name: 'berlin.log', body: `${[line('2025-03-30 02:30:00'), line('2025-10-26 02:30:00')].join('\n')}\n` }]);
    await expect(page.getByRole('listitem', { name: 'Source berlin.log' })).toContainText('done');
    const events = page.getByRole('table', { name: 'Error events' });
    // 02:30 does not exist on 30 March (03:30 CEST, 01:30 UTC); on 26 October it comes twice (CEST, 00:30 UTC, then CET).
    await expect(events).toContainText('2025-03-30 01:30:00 UTC');
    await expect(events).toContainText('2025-10-26 00:30:00 UTC');
    await expect(page.getByRole('listitem', { name: 'Source berlin.log' })).toContainText('2 records had no zone in their time');
  });
});
