import { classifyRecord } from '../core/classify/classify';
import type { Outcome } from '../core/classify/outcome';
import { runCli } from './run-cli';

// Zone-less leading log stamps are read in this machine's zone (DST included), as the page uses the viewer's.
const localOffsetMinutes = (wallTimeAsUtcMs: number): number => -new Date(wallTimeAsUtcMs).getTimezoneOffset();
const classify = (text: string): Outcome => classifyRecord(text, { localOffsetMinutes });

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}, classify);
