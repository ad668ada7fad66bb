/**
 * Writes public/demo/quotalens-demo.log: the demo data set (core/demo/demo-log.ts) as the page shows it when opened on
 * 2026-11-27, for the command line and the tests that compare the page with it. The page writes its own for the day
 * it is opened. Reproducible:
 *   npm run demo-data
 */
import { writeFileSync } from 'node:fs';
import { demoStartFor, generateDemoLog } from '../core/demo/demo-log';

/** The day the file is written for; the tests pin the page's clock to it (e2e/helpers.ts FIXED_NOW). */
const DEMO_FILE_OPENED_AT = Date.UTC(2026, 10, 27, 12);

const { text, lines } = generateDemoLog(demoStartFor(DEMO_FILE_OPENED_AT));
writeFileSync(new URL('../../public/demo/quotalens-demo.log', import.meta.url), text);
console.log(`wrote ${lines} lines, ${Buffer.byteLength(text)} bytes`);
